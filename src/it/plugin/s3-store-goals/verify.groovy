import dev.iafbt.index.IndexCredentials
import dev.iafbt.index.PostgresIndex
import dev.iafbt.testing.S3Server
import java.nio.file.*

S3Server server = (S3Server) System.getProperties().remove("iafbt.it.s3server.s3-store-goals")
def pg = System.getProperties().remove("iafbt.it.s3postgres")
try {
    String log = new File(basedir, "build.log").text
    assert log.contains("[INFO] Store: s3://team/sweep at http://127.0.0.1:")
    assert log.contains("(path-style), credentials from the AWS default chain")
    // the plugin has no AWS SDK of its own: each build resolves it once, when it meets s3:// (goal 3 runs three goals)
    def resolved = log =~ /\[INFO\] AWS SDK for s3:\/\/ stores: software\.amazon\.awssdk:s3:[0-9.]+ and its runtime dependencies, [0-9]+ jar\(s\), resolved in /
    assert resolved.count == 6 : "one resolution per build, found " + resolved.count
    // 1: every bundle read from its head; 2: none read again
    def first = log =~ /\[INFO\] 24 bundle\(s\) listed: 24 indexed, 0 unchanged, 0 failed, 0 row\(s\) without a bundle removed; fetched ([0-9,]+) bytes a bundle \(of ([0-9,]+) a whole bundle\)/
    assert first.find()
    assert Long.parseLong(first.group(1).replace(",", "")) <= 65536
    assert log =~ /\[INFO\] 24 bundle\(s\) listed: 0 indexed, 24 unchanged/
    // 3: rank, report and check on the store
    assert log =~ /\[INFO\] Top 5 of 24 indexed bundle\(s\) by /
    assert log.contains("[INFO] Reporting from the s3-tiered store s3://team/sweep/; only the top 3 bundle(s) are downloaded")
    assert log =~ /\[INFO\] Wrote .*report\.html \([0-9.]+ KB\): 24 strategies, 3 with a tear sheet, 0 skipped/
    assert log =~ /\[INFO\] Downloaded 24 bundle\(s\) \([0-9,]+ bytes\), 0 unchanged/
    assert log.contains("[INFO] All 24 bundle(s) meet the rules.")
    // 4-6: Tier 2 found missing, rebuilt from the bundles, then consistent
    assert log =~ /\[WARNING\] MISSING_PARTITION 'sma-crossover-/
    assert log =~ /\[INFO\] Repaired MISSING_PARTITION/
    assert log =~ /\[INFO\] consistent in s3:\/\/team\/sweep\//
    assert !log.contains("iafbt-test-secret") : "a secret key was logged"
    assert !log.contains("it-secret-never-logged") : "the Tier-1 password was logged"
    assert new File(basedir, "target/iafbt/report.html").isFile()
    assert new File(basedir, "target/iafbt/rank.csv").readLines().size() == 6
    String url = "jdbc:postgresql://localhost:" + pg.port + "/postgres?currentSchema=team"
    PostgresIndex.openReadOnly(url, new IndexCredentials("postgres", null)).withCloseable { index ->
        assert index.rows().size() == 24
    }
} finally {
    server?.close()
    pg?.close()
}
return true
