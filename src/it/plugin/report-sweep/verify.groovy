import java.nio.file.*

String log = new File(basedir, "build.log").text
Path report = basedir.toPath().resolve("target/iafbt/report.html")
assert Files.isRegularFile(report)
assert log =~ /\[INFO\] Wrote .*report\.html \([0-9.]+ KB\): 24 strategies, 5 with a tear sheet, 0 skipped/
assert !log.contains("[WARNING]")
String html = report.toFile().getText("UTF-8")
assert html.contains("<title>Sweep &lt;report&gt;</title>")
assert html.contains("risk_adjusted focus score, descending")
assert html.contains("id=\"s5\"") && !html.contains("id=\"s6\"")
assert html.contains("Content-Security-Policy")
List<List<String>> rows = evaluate(new File(itScripts, "ranking-rows.groovy").text + "\nRankingRows.of(basedir.toPath().resolve('target/iafbt/report.html'))")
assert rows.size() == 24 && rows.every { it[4] == "sample-sweep" }
// no -Diafbt.audit=true and no index: the stale sample bundles are not badged, and the notes say why
assert !html.contains('<span class="badge-stale"')
assert html.contains("stored metrics of 5 tear sheets were not audited against a fresh recomputation")
return true
