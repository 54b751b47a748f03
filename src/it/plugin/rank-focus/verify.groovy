String log = new File(basedir, "build.log").text
assert log.contains("[INFO] 24 indexed, 0 unchanged, 0 removed, 0 failed")
assert log =~ /\[INFO\] Top 3 of 24 indexed bundle\(s\) by weighted score \(risk_adjusted\), descending; index: .*index\.sqlite/
assert log =~ /\[INFO\] algorithm_id\s+summary_sharpe_ratio\s+summary_max_drawdown\s+_score\n/
String beforeCheck = log.substring(0, log.indexOf("(best-three-by-focus)"))
assert !beforeCheck.contains("[WARNING]")

List<String> rank = new File(basedir, "target/iafbt/rank.csv").readLines("UTF-8")
assert rank[0] == "algorithm_id,summary_sharpe_ratio,summary_max_drawdown,_score"
assert rank.size() == 4
List<Double> scores = rank.drop(1).collect { it.split(",")[3] as double }
assert scores == scores.sort(false).reverse()
assert scores.every { it == Math.round(it * 1e6) / 1e6 } // rounded to 6 decimals
String json = new File(basedir, "target/iafbt/rank.json").getText("UTF-8")
assert (json =~ /"_score": -?\d/).size() == 3

// the check's top 3 by the focus are exactly rank's top 3: those fail the impossible rule, the rest are tolerated
def check = new groovy.json.JsonSlurper().parse(new File(basedir, "target/iafbt/check.json"))
List<String> rankedIds = rank.drop(1).collect { it.split(",")[0] }
assert check.bundles.findAll { !it.passed }.collect { it.algorithm_id }.toSet() == rankedIds.toSet()
// in rank's order (the sample bundles are named after their algorithm id)
assert log.contains("the top 3 by focus risk_adjusted must pass (risk_adjusted score as iafbt:rank ranks it): 3 of 3 fail: "
        + rankedIds.collect { "backtests/${it}.iafbt (${it})" }.join(", ") + "\n")
return true
