import dev.iafbt.index.SqliteIndex
import java.nio.file.*

String log = new File(basedir, "build.log").text
Path index = basedir.toPath().resolve("target/iafbt/index.sqlite").toRealPath()
assert log.contains("[INFO] Indexing bundles in " + basedir.toPath().resolve("backtests").toRealPath())
assert log =~ /\[INFO\] 24 indexed, 0 unchanged, 0 removed, 0 failed in \d+\.\d\d s; index: \Q${index}\E/
assert !log.contains("[WARNING]")
SqliteIndex.open(index).withCloseable { idx ->
    assert idx.count() == 24
    assert idx.bundlePaths().first() == "sma-crossover-f05-s050-sl2.iafbt"
}
return true
