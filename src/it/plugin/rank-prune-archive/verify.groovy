import dev.iafbt.index.SqliteIndex
import java.nio.file.*

String log = new File(basedir, "build.log").text
Path folder = basedir.toPath().resolve("backtests").toRealPath()
Path archive = basedir.toPath().resolve("archive").toRealPath()
assert log.contains("[INFO] Pruned 20 bundle(s) (moved to " + archive + "), kept 4; removed 20 row(s) from index ")
assert (log =~ /\[INFO\]   archived sma-crossover-\S+\.iafbt -> /).size() == 20
List<String> kept = new File(basedir, "target/iafbt/rank.csv").readLines("UTF-8").drop(1).collect { it.split(",")[-1] }
assert folder.toFile().listFiles().findAll { it.name.endsWith(".iafbt") }*.name.sort() == kept.sort()
assert archive.toFile().listFiles().findAll { it.name.endsWith(".iafbt") }.size() == 20
SqliteIndex.open(folder.resolve("index.sqlite")).withCloseable { idx ->
    assert idx.bundlePaths().sort() == kept.sort()
}
return true
