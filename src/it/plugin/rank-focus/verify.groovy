String log = new File(basedir, "build.log").text
assert log.contains("[INFO] 24 indexed, 0 unchanged, 0 removed, 0 failed")
assert log =~ /\[INFO\] Top 3 of 24 indexed bundle\(s\) by weighted score \(risk_adjusted\), descending; index: .*index\.sqlite/
assert log =~ /\[INFO\] algorithm_id\s+summary_sharpe_ratio\s+summary_max_drawdown\s+_score\n/
assert !log.contains("[WARNING]")

List<String> rank = new File(basedir, "target/iafbt/rank.csv").readLines("UTF-8")
assert rank[0] == "algorithm_id,summary_sharpe_ratio,summary_max_drawdown,_score"
assert rank.size() == 4
List<Double> scores = rank.drop(1).collect { it.split(",")[3] as double }
assert scores == scores.sort(false).reverse()
assert scores.every { it == Math.round(it * 1e6) / 1e6 } // rounded to 6 decimals
String json = new File(basedir, "target/iafbt/rank.json").getText("UTF-8")
assert (json =~ /"_score": -?\d/).size() == 3
return true
