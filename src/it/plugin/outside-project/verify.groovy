// Outside a project every path resolves against the folder Maven started in: the index beside the
// bundles, the result files in ./target/iafbt, and no folder named after an uninterpolated expression.
import java.nio.file.*

Path work = basedir.toPath().resolve("work").toRealPath()
assert !Files.exists(work.resolve("pom.xml"))
String log = new File(basedir, "build.log").text
Path index = work.resolve("backtests/index.sqlite")
assert log.contains("[INFO] 24 indexed, 0 unchanged, 0 removed, 0 failed")
assert log.contains("; index: " + index)
assert log.contains("[INFO] Refreshed the index: 0 indexed, 24 unchanged, 0 removed, 0 failed")
assert log.contains("[INFO] Top 3 of 24 indexed bundle(s) by sharpe_ratio, descending; index: " + index)
assert log.contains("[INFO] Wrote 3 row(s) to " + work.resolve("target/iafbt/list.csv") + " and " + work.resolve("target/iafbt/list.json"))
assert log.contains("[INFO] Wrote 3 row(s) to " + work.resolve("target/iafbt/rank.csv") + " and " + work.resolve("target/iafbt/rank.json"))
assert work.resolve("target/iafbt/rank.csv").toFile().readLines("UTF-8").size() == 4
Files.walk(basedir.toPath()).withCloseable { paths ->
    def odd = paths.filter { it.toString().contains('${') }.toList()
    assert odd.isEmpty() : "paths named after an expression: " + odd
}
assert !log.contains("[WARNING]")
return true
