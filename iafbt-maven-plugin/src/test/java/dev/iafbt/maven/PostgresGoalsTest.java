package dev.iafbt.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.index.IndexRow;
import dev.iafbt.index.PostgresIndex;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.testing.EmbeddedPostgres;
import dev.iafbt.testing.ParameterSweepSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * index, list and rank on {@code iafbt.index=jdbc:postgresql:…}, opened as the settings.xml
 * {@code <server>} that {@code iafbt.serverId} names: the same files as on SQLite, and a copy of a
 * SQLite index into PostgreSQL and back.
 */
@MojoTest
class PostgresGoalsTest extends GoalTestSupport {
    private static final String ROLE = "iafbt_analyst";
    private static final String SECRET = "not-in-any-log";
    private String url;

    @BeforeAll
    static void aRoleOfItsOwn() throws Exception {
        try (Connection c = DriverManager.getConnection(EmbeddedPostgres.urlForSchema("public"), EmbeddedPostgres.USER, null);
             Statement st = c.createStatement()) {
            st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + ROLE + "') THEN"
                    + " CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + SECRET + "'; END IF; END $$");
            st.execute("GRANT CREATE ON DATABASE postgres TO " + ROLE);
        }
    }

    @BeforeEach
    void sweepAndSchema() {
        ParameterSweepSample.write(project.resolve("backtests"));
        url = EmbeddedPostgres.freshSchemaUrl();
    }

    private void configure(AbstractIafbtMojo mojo, String index) {
        Settings settings = new Settings();
        Server server = new Server();
        server.setId("team-index");
        server.setUsername(ROLE);
        server.setPassword(SECRET);
        settings.addServer(server);
        mojo.settings = settings;
        mojo.serverId = "team-index";
        if (mojo instanceof IndexMojo m) {
            m.index = index;
        } else if (mojo instanceof AbstractQueryMojo q) {
            q.index = index;
        } else if (mojo instanceof ReportMojo r) {
            r.index = index;
        }
    }

    private static String owner(String url) throws Exception {
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        try (Connection c = DriverManager.getConnection(url, EmbeddedPostgres.USER, null);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT tableowner FROM pg_tables WHERE schemaname = '" + schema
                     + "' AND tablename = 'backtest_index'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void indexListAndRankOnPostgresWriteWhatTheyWriteOnSqlite(
            @InjectMojo(goal = "index") IndexMojo index,
            @InjectMojo(goal = "rank") RankMojo rankPg, @InjectMojo(goal = "rank") RankMojo rankLite,
            @InjectMojo(goal = "list") ListMojo listPg, @InjectMojo(goal = "list") ListMojo listLite) throws Exception {
        configure(index, url);
        index.execute();
        assertThat(log.at("INFO")).anyMatch(l -> l.matches("24 indexed, 0 unchanged, 0 removed, 0 failed in .* s; index: "
                + java.util.regex.Pattern.quote(url)));
        assertThat(owner(url)).isEqualTo(ROLE); // opened as the <server>'s user

        configure(rankPg, url);
        rankPg.focus = "balanced";
        rankPg.limit = 5;
        rankPg.outputDirectory = project.resolve("pg").toFile();
        rankPg.execute();
        assertThat(log.at("INFO")).anyMatch(l -> l.startsWith("Refreshed the index: 0 indexed, 24 unchanged"));
        rankLite.focus = "balanced";
        rankLite.limit = 5;
        rankLite.outputDirectory = project.resolve("lite").toFile();
        rankLite.execute();
        assertThat(project.resolve("pg/rank.csv")).hasSameBinaryContentAs(project.resolve("lite/rank.csv"));
        assertThat(project.resolve("pg/rank.json")).hasSameBinaryContentAs(project.resolve("lite/rank.json"));

        configure(listPg, url);
        listPg.by = "max_drawdown";
        listPg.where = "tag LIKE 'SAMPLE%' AND number_of_trades >= 1";
        listPg.outputDirectory = project.resolve("pg").toFile();
        listPg.execute();
        listLite.by = "max_drawdown";
        listLite.where = listPg.where;
        listLite.outputDirectory = project.resolve("lite").toFile();
        listLite.execute();
        assertThat(Files.readAllLines(project.resolve("pg/list.csv"))).hasSizeGreaterThan(1);
        assertThat(project.resolve("pg/list.csv")).hasSameBinaryContentAs(project.resolve("lite/list.csv"));
        assertThat(String.join("\n", log.lines)).doesNotContain(SECRET);
    }

    @Test
    void fromCopiesASqliteIndexIntoPostgresAndBack(
            @InjectMojo(goal = "index") IndexMojo lite, @InjectMojo(goal = "index") IndexMojo up,
            @InjectMojo(goal = "index") IndexMojo down) throws Exception {
        lite.execute(); // backtests/index.sqlite, as the Python tool would have built it
        configure(up, url);
        up.from = "backtests/index.sqlite";
        up.execute();
        assertThat(log.at("INFO")).anyMatch(l -> l.startsWith("Copied 24 row(s) in "));
        configure(down, "target/back.sqlite");
        down.from = url;
        down.execute();
        List<IndexRow> original;
        try (SqliteIndex source = SqliteIndex.openReadOnly(project.resolve("backtests/index.sqlite"))) {
            original = source.rows();
        }
        try (PostgresIndex pg = PostgresIndex.openReadOnly(url, EmbeddedPostgres.credentials());
             SqliteIndex back = SqliteIndex.openReadOnly(project.resolve("target/back.sqlite"))) {
            assertThat(pg.rows()).isEqualTo(original);
            assertThat(back.rows()).isEqualTo(original);
        }
    }

    @Test
    void anUnknownServerIdIsRefusedWithWhatToAdd(@InjectMojo(goal = "index") IndexMojo index) {
        configure(index, url);
        index.serverId = "nowhere";
        assertThatThrownBy(index::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("no <server> with that id").hasMessageContaining("<id>nowhere</id>");
    }

    @Test
    void theReportRankedInAPostgresIndexIsTheReportRankedWithout(
            @InjectMojo(goal = "report") ReportMojo onPostgres, @InjectMojo(goal = "report") ReportMojo alone)
            throws Exception {
        for (ReportMojo mojo : List.of(onPostgres, alone)) {
            mojo.topK = 3;
            mojo.generated = "2026-12-02 00:00 UTC";
        }
        configure(onPostgres, url);
        onPostgres.outputDirectory = project.resolve("pg").toFile();
        onPostgres.execute();
        assertThat(log.at("INFO")).anyMatch(l -> l.startsWith("Refreshed the index: 24 indexed"));
        alone.outputDirectory = project.resolve("alone").toFile();
        alone.execute();
        assertThat(project.resolve("pg/report.html")).hasSameBinaryContentAs(project.resolve("alone/report.html"));
        try (PostgresIndex pg = PostgresIndex.openReadOnly(url, EmbeddedPostgres.credentials())) {
            assertThat(pg.count()).isEqualTo(24);
        }
    }
}
