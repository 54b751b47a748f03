import java.nio.file.*

String log = new File(basedir, "build.log").text
assert log.contains("[WARNING] Skipped broken.iafbt: ")
assert log =~ /24 strategies, 24 with a tear sheet, 1 skipped/
assert log.contains("1 bundle(s) in ") && log.contains("could not be read")
String html = basedir.toPath().resolve("target/iafbt/report.html").toFile().getText("UTF-8")
assert html.contains("Skipped bundles (1)")
assert html.contains("<td>broken.iafbt</td>")
return true
