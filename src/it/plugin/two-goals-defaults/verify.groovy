import java.nio.file.*

String log = new File(basedir, "build.log").text
Path index = basedir.toPath().resolve("backtests/index.sqlite").toRealPath()
// 1: the stale index is brought up to date before ranking: 24 bundles ranked, not 23
assert log.contains("[INFO] Refreshed the index: 1 indexed, 23 unchanged, 0 removed, 0 failed")
assert log.contains("[INFO] Top 24 of 24 indexed bundle(s) by sharpe_ratio, descending; index: " + index)
// 2: index and rank in one build use the same file
assert log.contains("[INFO] 0 indexed, 24 unchanged, 0 removed, 0 failed")
assert log.contains("; index: " + index)
assert log.contains("[INFO] Top 3 of 24 indexed bundle(s) by weighted score (risk_adjusted), descending; index: " + index)
assert !basedir.toPath().resolve("target/iafbt/index.sqlite").toFile().exists()
assert new File(basedir, "target/iafbt/rank.csv").readLines("UTF-8").size() == 4
assert !log.contains("[WARNING]")
return true
