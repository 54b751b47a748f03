import dev.iafbt.store.LocalTieredStore
import dev.iafbt.testing.S3Server
import java.nio.file.*

S3Server server = (S3Server) System.getProperties().remove("iafbt.it.s3server")
server?.close()

String log = new File(basedir, "build.log").text
Path src = basedir.toPath().resolve("backtests").toRealPath()
String route = "from local-dir:" + src + " to s3-tiered:s3://team/sweep"
assert log.contains("[INFO] Store to: s3://team/sweep at http://127.0.0.1:")
assert log.contains("(path-style), credentials from the AWS default chain; Tier 1: ")
assert log.contains("[INFO] Migrating 24 backtest(s) " + route + " with 4 writers")
assert log =~ /\[INFO\] Migrated 24 backtest\(s\) \Q${route}\E; 0 unchanged, 0 missing, 0 failed in \d+\.\d\d s/
assert log =~ /\[INFO\] Migrated 0 backtest\(s\) \Q${route}\E; 24 unchanged, 0 missing, 0 failed in \d+\.\d\d s/
assert log =~ /\[INFO\] Migrated 24 backtest\(s\) from s3-tiered:s3:\/\/team\/sweep to local-tiered:.*back; 0 unchanged/
assert log =~ /\[INFO\] 24 bundles, 0 chunks stored .*dry run: would delete 0 chunks/
assert log.contains("bucket 'no-such-bucket' does not exist at http://127.0.0.1:")
assert !log.contains("iafbt-test-secret") : "a secret key was logged"

def back = new LocalTieredStore(basedir.toPath().resolve("back"))
assert back.size() == 24
assert back.indexRows().size() == 24
// the bundles came back byte for byte
src.toFile().listFiles().each { f ->
    String handle = f.name - ".iafbt"
    assert Files.readAllBytes(back.root().resolve("bundles/" + handle + ".iafbt")) == f.bytes
}
return true
