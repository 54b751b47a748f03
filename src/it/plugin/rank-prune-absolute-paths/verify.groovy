import java.nio.file.*

String log = new File(basedir, "build.log").text
Path folder = basedir.toPath().resolve("backtests").toRealPath()
assert log.contains("Refusing to prune " + folder + ": kept bundle_path '" + basedir.toPath().resolve("elsewhere").toRealPath())
assert log.contains("does not resolve inside the bundle folder")
assert log.contains("Nothing was changed. Rank an index whose bundle_path values are relative to that folder")
assert log.contains("-Diafbt.rebuild=true")
assert log.contains("BUILD FAILURE")
// the table was still logged and written, nothing was removed
assert log.contains("[INFO] Top 4 of 24 indexed bundle(s) by sharpe_ratio")
assert folder.toFile().listFiles().findAll { it.name.endsWith(".iafbt") }.size() == 24
assert basedir.toPath().resolve("elsewhere").toFile().listFiles().findAll { it.name.endsWith(".iafbt") }.size() == 24
return true
