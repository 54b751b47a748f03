import java.nio.file.*

String log = new File(basedir, "build.log").text
assert log.contains("Apache Maven 3.8.7") : "built by the system Maven 3.8.7"
assert !log.contains("NoClassDefFoundError")
assert log =~ /Wrote .*site.iafbt.report\.html \([0-9.]+ KB\): 24 strategies, 10 with a tear sheet, 0 skipped/
assert Files.isRegularFile(basedir.toPath().resolve("target/site/iafbt/report.html"))
String reports = basedir.toPath().resolve("target/site/project-reports.html").toFile().getText("UTF-8")
assert reports.contains("href=\"iafbt/report.html\"")
return true
