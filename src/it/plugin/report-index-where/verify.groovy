import java.nio.file.*

String log = new File(basedir, "build.log").text
Path report = basedir.toPath().resolve("target/iafbt/report.html")
assert Files.isRegularFile(report)
assert log.contains("[INFO] Reporting from index ") && log.contains("index.sqlite; only the top 3 bundle(s) are opened")
List<String> csv = basedir.toPath().resolve("target/iafbt/rank.csv").toFile().readLines("UTF-8")
int ranked = csv.size() - 1
assert ranked > 0 && ranked < 24 : "the filter keeps some, not all, of the 24 strategies: " + ranked
assert log =~ /\[INFO\] Wrote .*report\.html \([0-9.]+ KB\): ${ranked} strategies, 3 with a tear sheet, 0 skipped/
// the only warning: the index's audit found the sample sweep's made-up metrics stale
assert log.readLines().findAll { it.startsWith("[WARNING]") }.every { it.contains("store metrics that differ from a fresh recomputation") }
String html = report.toFile().getText("UTF-8")
assert html.contains("balanced focus score, descending; where summary_sharpe_ratio &gt; 0")
List<List<String>> rows = evaluate(new File(itScripts, "ranking-rows.groovy").text + "\nRankingRows.of(basedir.toPath().resolve('target/iafbt/report.html'))")
assert rows.size() == ranked && rows.every { it[4] == "sample-sweep" }
assert html.contains("id=\"s3\"") && !html.contains("id=\"s4\"")
// the report's order is rank's: the algorithm ids in the same sequence
int id = csv[0].split(",").toList().indexOf("algorithm_id")
List<String> rankIds = csv.drop(1).collect { it.split(",")[id] }
// (a tear sheet's id is a link; a stale bundle's id cell carries the "stale metrics" badge class and its tooltip)
List<String> reportIds = rows.collect { it[2].replaceAll(/<[^>]*>/, "") }
assert reportIds == rankIds
// the sample sweep's made-up metrics are stale: audited once by the index, badged by the report from its records
assert (html =~ /<span class="badge-stale"/).size() == 3
assert !html.contains("were not audited")
assert !Files.exists(basedir.toPath().resolve("backtests/index.sqlite")) : "the index went where iafbt.index says"
return true
