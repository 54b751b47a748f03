import dev.iafbt.index.SqliteIndex
import java.nio.file.*

String log = new File(basedir, "build.log").text
Path broken = basedir.toPath().resolve("backtests/broken.iafbt").toRealPath()
// run 1: reported, 24 indexed, build green; run 2 (failOnError): reported again, then the build fails
assert log.contains("[WARNING] Failed to index " + broken + ": ")
assert log =~ /\[INFO\] 24 indexed, 0 unchanged, 0 removed, 1 failed in /
assert log.contains("Set -Diafbt.failOnError=true to fail the build instead.")
assert log =~ /\[INFO\] 0 indexed, 24 unchanged, 0 removed, 1 failed in /
assert log.contains("1 bundle(s) could not be indexed (see the warnings above). Fix or remove them")
SqliteIndex.open(basedir.toPath().resolve("backtests/index.sqlite")).withCloseable { idx ->
    assert idx.count() == 24
}
return true
