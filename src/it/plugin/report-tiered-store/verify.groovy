import java.nio.file.*

String log = new File(basedir, "build.log").text
Path report = basedir.toPath().resolve("target/iafbt/report.html")
assert Files.isRegularFile(report)
assert log.contains("[INFO] Reporting from the local-tiered store ")
assert log =~ /\[INFO\] Wrote .*report\.html \([0-9.]+ KB\): 4 strategies, 2 with a tear sheet, 0 skipped/
String html = report.toFile().getText("UTF-8")
List<List<String>> rows = evaluate(new File(itScripts, "ranking-rows.groovy").text + "\nRankingRows.of(basedir.toPath().resolve('target/iafbt/report.html'))")
List<String> handles = rows.collect { it[3] }
assert handles.sort() == ["sma-crossover-f05-s050-sl2", "sma-crossover-f10-s100-sl5", "sma-crossover-f20-s150-sl2",
        "sma-crossover-f20-s200-sl5"]
assert html.contains("id=\"s2\"") && !html.contains("id=\"s3\"")
assert (html =~ /<dt>Bundle<\/dt><dd>sma-crossover-[^<]+<\/dd>/).size() == 2
return true
