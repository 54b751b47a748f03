package dev.iafbt.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.index.IndexRow;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.SaveOptions;
import dev.iafbt.testing.ParameterSweepSample;
import dev.iafbt.testing.S3Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * index, list, rank, report, check and verify-store on {@code iafbt.store=s3://bucket/prefix}
 * against a real S3 protocol server, Tier 1 in a SQLite file: bundles uploaded by another tool are
 * indexed from their heads, the query goals read the store's Tier 1, the report downloads only its
 * top-K bundles, and no key reaches the log.
 */
@MojoTest
class S3GoalsTest extends GoalTestSupport {
    private String bucket;
    private String location;
    private int bundles;

    /** The sample sweep, saved summary-first, uploaded under {@code s3://<bucket>/team/bundles/} by a plain client. */
    @BeforeEach
    void sweepOnObjectStorage() throws Exception {
        Path sweep = project.resolve("sweep");
        ParameterSweepSample.write(sweep);
        bucket = S3Server.shared().newBucket();
        location = "s3://" + bucket + "/team";
        try (S3Client client = S3Server.shared().client(); Stream<Path> files = Files.list(sweep)) {
            List<Path> all = files.filter(f -> f.toString().endsWith(".iafbt")).sorted().toList();
            for (Path file : all) {
                byte[] first = Backtest.open(file).toBytes(SaveOptions.DEFAULT.withSummaryFirst(true));
                client.putObject(b -> b.bucket(bucket).key("team/bundles/" + file.getFileName()),
                        RequestBody.fromBytes(first));
            }
            bundles = all.size();
        }
    }

    /** Where the server is and whose keys open it: a settings.xml {@code <server>}, as a team would set it. */
    private <T extends AbstractStoreMojo> T on(T mojo) {
        mojo.s3Endpoint = S3Server.shared().endpoint().toString();
        mojo.s3PathStyle = true;
        mojo.s3Region = "us-east-1";
        Settings settings = new Settings();
        Server server = new Server();
        server.setId("team-s3");
        server.setUsername(S3Server.ACCESS_KEY);
        server.setPassword(S3Server.SECRET_KEY);
        settings.addServer(server);
        mojo.settings = settings;
        mojo.s3ServerId = "team-s3";
        return mojo;
    }

    @Test
    void indexRankListReportCheckAndVerifyAStoreOnObjectStorage(
            @InjectMojo(goal = "index") IndexMojo index, @InjectMojo(goal = "index") IndexMojo again,
            @InjectMojo(goal = "rank") RankMojo rank, @InjectMojo(goal = "list") ListMojo list,
            @InjectMojo(goal = "report") ReportMojo report, @InjectMojo(goal = "check") CheckMojo check,
            @InjectMojo(goal = "verify-store") VerifyStoreMojo verify) throws Exception {
        on(index).store = location;
        index.index = "tier1.sqlite";
        index.execute();
        assertThat(log.at("INFO")).anyMatch(l -> l.startsWith(bundles + " bundle(s) listed: " + bundles + " indexed, 0 unchanged"));
        String summary = log.at("INFO").stream().filter(l -> l.contains(" bytes a bundle (of ")).findFirst().orElseThrow();
        long perBundle = Long.parseLong(summary.replaceAll(".*fetched ([0-9,]+) bytes a bundle.*", "$1").replace(",", ""));
        long whole = Long.parseLong(summary.replaceAll(".*bytes a bundle \\(of ([0-9,]+) a whole.*", "$1").replace(",", ""));
        assertThat(perBundle).as("summary-first heads only: " + summary).isPositive().isLessThanOrEqualTo(whole);
        try (SqliteIndex tier1 = SqliteIndex.openReadOnly(project.resolve("tier1.sqlite"))) {
            assertThat(tier1.rows()).hasSize(bundles).extracting(IndexRow::bundlePath).allMatch(h -> !h.endsWith(".iafbt"));
        }
        on(again).store = location;
        again.index = "tier1.sqlite";
        again.execute();
        assertThat(log.at("INFO")).anyMatch(l -> l.startsWith(bundles + " bundle(s) listed: 0 indexed, " + bundles + " unchanged"));

        index.index = "tier1.sqlite";
        index.audit = true;
        assertThatThrownBy(index::execute).as("an audit the store cannot do is refused, not skipped")
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("-Diafbt.audit=true is not supported for the s3-tiered store " + location);
        index.audit = false;
        on(rank).store = location;
        rank.index = "tier1.sqlite";
        rank.by = "sharpe_ratio";
        rank.limit = 3;
        rank.execute();
        assertThat(Files.readAllLines(project.resolve("target/iafbt/rank.csv"))).hasSize(4);

        on(list).store = location;
        list.index = "tier1.sqlite";
        list.execute();
        assertThat(Files.readAllLines(project.resolve("target/iafbt/list.csv"))).hasSize(bundles + 1);

        on(report).store = location;
        report.index = "tier1.sqlite";
        report.topK = 2;
        report.execute();
        assertThat(project.resolve("target/iafbt/report.html")).isRegularFile();
        assertThat(log.at("INFO")).anyMatch(l -> l.contains(bundles + " strategies, 2 with a tear sheet, 0 skipped"));

        on(check).store = location;
        check.roundTripOnly = true;
        check.execute();
        assertThat(log.at("INFO")).anyMatch(l -> l.startsWith("Downloaded " + bundles + " bundle(s)"))
                .anyMatch(l -> l.equals("All " + bundles + " bundle(s) meet the rules."));

        on(verify).store = location;
        verify.index = "tier1.sqlite";
        verify.failOnError = false;
        verify.execute();
        assertThat(log.at("WARNING")).as("uploaded without the store: no Tier 2 yet")
                .anyMatch(l -> l.startsWith("MISSING_PARTITION"));
        String all = String.join("\n", log.lines);
        assertThat(all).doesNotContain(S3Server.SECRET_KEY).doesNotContain(S3Server.ACCESS_KEY);
    }

    @Test
    void anS3StoreNeedsItsTier1AndIsNeverPruned(@InjectMojo(goal = "index") IndexMojo index,
            @InjectMojo(goal = "rank") RankMojo rank, @InjectMojo(goal = "verify-store") VerifyStoreMojo verify) {
        index.bundles = new java.io.File(location); // what Maven makes of -Diafbt.bundles=s3://…
        assertThatThrownBy(index::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("for an s3-tiered store use -Diafbt.store=" + location);
        index.bundles = new java.io.File("backtests");
        on(index).store = location;
        assertThatThrownBy(index::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("keeps its index (Tier 1) in a database: set -Diafbt.index=jdbc:postgresql://");
        on(rank).store = location;
        rank.index = "tier1.sqlite";
        rank.by = "sharpe_ratio";
        rank.prune = true;
        rank.dryRun = false;
        assertThatThrownBy(rank::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("do not delete from the s3-tiered store " + location);
        on(verify).store = location;
        verify.index = "tier1.sqlite";
        verify.repair = true;
        assertThatCode(verify::execute).as("Tier 2 rebuilt from the bundles; nothing else is wrong").doesNotThrowAnyException();
        assertThat(log.at("INFO")).anyMatch(l -> l.startsWith("Repaired MISSING_PARTITION"));
    }
}
