package dev.iafbt.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.testing.EmbeddedPostgres;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What is PostgreSQL's own: read-only sessions, missing tables, and what a failure may show. */
class PostgresIndexTest {

    @Test
    void aReadOnlyIndexRefusesWritesAndAMissingTableIsNamed() {
        String url = EmbeddedPostgres.freshSchemaUrl();
        assertThatThrownBy(() -> PostgresIndex.openReadOnly(url, EmbeddedPostgres.credentials()))
                .isInstanceOf(IndexException.class).hasMessageContaining("no index at " + url)
                .hasMessageContaining("iafbt:index");
        try (PostgresIndex index = PostgresIndex.open(url, EmbeddedPostgres.credentials())) {
            index.upsert(IndexRow.builder().bundlePath("a").build());
        }
        try (PostgresIndex index = PostgresIndex.openReadOnly(url, EmbeddedPostgres.credentials())) {
            assertThat(index.bundlePaths()).containsExactly("a");
            assertThatThrownBy(() -> index.upsert(IndexRow.builder().bundlePath("b").build()))
                    .isInstanceOf(IndexException.class).hasMessageContaining(url).hasMessageContaining("read-only");
            assertThatThrownBy(() -> index.selectReadOnly("DELETE FROM backtest_index", List.of()))
                    .isInstanceOf(IndexException.class);
        }
    }

    /** JIT compilation costs more than it saves on the index's scans; the session setting stays untouched. */
    @Test
    void queriesRunWithoutJitCompilationAndLeaveTheSessionAsItWas() {
        try (PostgresIndex index = PostgresIndex.open(EmbeddedPostgres.freshSchemaUrl(), EmbeddedPostgres.credentials())) {
            assertThat(index.selectReadOnly("SELECT current_setting('jit') AS jit", List.of()).get(0).get("jit"))
                    .isEqualTo("off");
            String afterwards = index.query("read", "SELECT current_setting('jit')", List.of(),
                    rs -> rs.next() ? rs.getString(1) : null);
            String sessionDefault = index.query("read", "SELECT reset_val FROM pg_settings WHERE name = 'jit'", List.of(),
                    rs -> rs.next() ? rs.getString(1) : null);
            assertThat(afterwards).isEqualTo(sessionDefault);
        }
    }

    @Test
    void aFailedConnectionNamesHostPortDatabaseAndUserButNeverThePassword() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://localhost:" + closedPort + "/research?currentSchema=s&password=urlsecret";
        assertThatThrownBy(() -> PostgresIndex.open(url, new IndexCredentials("analyst", "s3cret-pw")))
                .isInstanceOf(IndexException.class)
                .hasMessageContaining("host localhost, port " + closedPort + ", database research, user analyst")
                .hasMessageNotContaining("s3cret-pw").hasMessageNotContaining("urlsecret");
        assertThat(new IndexCredentials("analyst", "s3cret-pw").toString()).doesNotContain("s3cret-pw");
    }

    @Test
    void theLocationShownNeverCarriesAPassword() {
        String url = EmbeddedPostgres.freshSchemaUrl();
        try (PostgresIndex index = PostgresIndex.open(url + "&password=whatever", EmbeddedPostgres.credentials())) {
            assertThat(index.location()).isEqualTo(url);
        }
        assertThat(PostgresUrl.withoutPassword("jdbc:postgresql://h/db?password=x&user=u")).isEqualTo("jdbc:postgresql://h/db?user=u");
        assertThat(PostgresUrl.withoutPassword("jdbc:postgresql://h/db?user=u&password=x")).isEqualTo("jdbc:postgresql://h/db?user=u");
    }

    @Test
    void anotherJdbcUrlIsRefusedByName() {
        assertThatThrownBy(() -> Indexes.open("jdbc:mysql://h/db?password=pw"))
                .isInstanceOf(IndexException.class).hasMessageContaining("jdbc:mysql://h/db")
                .hasMessageNotContaining("pw").hasMessageContaining("jdbc:postgresql://");
    }

    @Test
    void aFailedBatchShowsTheServersErrorNotTheStatement() {
        String url = EmbeddedPostgres.freshSchemaUrl();
        try (PostgresIndex index = PostgresIndex.open(url, EmbeddedPostgres.credentials())) {
            index.upsert(IndexRow.builder().bundlePath("a").build());
            index.selectReadOnly("SELECT 1", List.of());
            try (var st = index.connection.createStatement()) {
                st.execute("ALTER TABLE backtest_index ADD CONSTRAINT no_x CHECK (tag IS DISTINCT FROM 'x')");
            } catch (java.sql.SQLException e) {
                throw new AssertionError(e);
            }
            assertThatThrownBy(() -> index.upsertAll(List.of(IndexRow.builder().bundlePath("b").tag("x").build())))
                    .isInstanceOf(IndexException.class).hasMessageContaining("no_x")
                    .hasMessageNotContaining("INSERT INTO").hasMessageNotContaining("summary_sharpe_ratio");
            assertThat(index.bundlePaths()).containsExactly("a");
        }
    }

    @Test
    void rowsStreamInFetchSizedPiecesAndTheConnectionIsUsableAfterwards() {
        String url = EmbeddedPostgres.freshSchemaUrl();
        int n = JdbcIndex.STREAM_FETCH_SIZE * 2 + 7;
        try (PostgresIndex index = PostgresIndex.open(url, EmbeddedPostgres.credentials())) {
            List<IndexRow> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                rows.add(IndexRow.builder().bundlePath(String.format("b%05d", i)).build());
            }
            index.upsertAll(rows);
            try (var stream = index.iterRows()) {
                assertThat(stream.limit(3).map(IndexRow::bundlePath)).containsExactly("b00000", "b00001", "b00002");
            }
            assertThat(index.rows()).isEqualTo(rows);
            index.upsert(IndexRow.builder().bundlePath("after").build()); // autocommit is back: it stays
        }
        try (PostgresIndex again = PostgresIndex.openReadOnly(url, EmbeddedPostgres.credentials())) {
            assertThat(again.count()).isEqualTo(n + 1);
        }
    }

    @Test
    void machinesOpeningANewSchemaAtOnceAllSucceed() throws Exception {
        String url = EmbeddedPostgres.freshSchemaUrl();
        int openers = 6;
        CyclicBarrier start = new CyclicBarrier(openers);
        ExecutorService pool = Executors.newFixedThreadPool(openers);
        try {
            List<Future<Long>> opened = new ArrayList<>();
            for (int i = 0; i < openers; i++) {
                String path = "m" + i;
                opened.add(pool.submit(() -> {
                    start.await();
                    try (PostgresIndex index = PostgresIndex.open(url, EmbeddedPostgres.credentials())) {
                        index.upsert(IndexRow.builder().bundlePath(path).build());
                        return index.count();
                    }
                }));
            }
            for (var f : opened) {
                assertThat(f.get()).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
        try (PostgresIndex index = PostgresIndex.openReadOnly(url, EmbeddedPostgres.credentials())) {
            assertThat(index.count()).isEqualTo(openers);
            assertThat(index.userVersion()).isEqualTo(IndexSchema.SCHEMA_VERSION);
        }
    }
}
