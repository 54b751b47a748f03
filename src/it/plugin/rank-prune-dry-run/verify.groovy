import java.nio.file.*

String log = new File(basedir, "build.log").text
Path folder = basedir.toPath().resolve("backtests").toRealPath()
assert log.contains("[INFO] Dry run: would delete 20 bundle(s) and keep 4 in " + folder)
assert (log =~ /\[INFO\]   would delete sma-crossover-f\d\d-s\d\d\d-sl\d\.iafbt/).size() == 20
assert log.contains("[INFO] Dry run: nothing was changed. To prune for real, run again with -Diafbt.dryRun=false.")
assert folder.toFile().listFiles().findAll { it.name.endsWith(".iafbt") }.size() == 24
// the kept ones are exactly the shortlist
List<String> kept = new File(basedir, "target/iafbt/rank.csv").readLines("UTF-8").drop(1).collect { it.split(",")[-1] }
assert kept.size() == 4
kept.each { assert !log.contains("would delete " + it) }
return true
