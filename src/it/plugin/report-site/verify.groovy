import java.nio.file.*

Path report = basedir.toPath().resolve("target/site/iafbt/report.html")
assert Files.isRegularFile(report)
String html = report.toFile().getText("UTF-8")
assert html.contains("<title>Site report</title>")
assert html.contains("id=\"s3\"") && !html.contains("id=\"s4\"")
// the site links the report from its project reports page
String reports = basedir.toPath().resolve("target/site/project-reports.html").toFile().getText("UTF-8")
assert reports.contains("href=\"iafbt/report.html\"")
assert reports.contains("iafbt backtest report")
String log = new File(basedir, "build.log").text
assert log =~ /Wrote .*site.iafbt.report\.html \([0-9.]+ KB\): 24 strategies, 3 with a tear sheet, 0 skipped/
return true
