String log = new File(basedir, "build.log").text
assert log.contains("[INFO] iafbt.base: " + new File(basedir, "base").canonicalPath + " (bundle folder)")
assert log.contains(": 4 in base, 4 in head: 3 changed, 0 unchanged, 1 new, 1 removed; 1 regression(s)")
// head's ranking first, then what was removed
assert log.contains("[INFO]   a: #1 -> #1, sharpe_ratio -0.05")
assert log.contains("[INFO]   c: #3 -> #2 (up 1), sharpe_ratio +0.4")
assert log.contains("[INFO]   fresh: new, #3")
assert log.contains("[INFO]   b: #2 -> #4 (down 2), sharpe_ratio -0.4")
assert log.contains("[INFO]   gone: removed (was #4)")
assert log.contains("[WARNING] Regression: b: sharpe_ratio 1.2 -> 0.8 (worse by 0.4, allowed 0.2)")
assert log.contains("1 regression(s) beyond sharpe_ratio=0.2 (see the warnings above). Fix the strategies, or raise the limit")
assert log.contains("BUILD FAILURE")

File out = new File(basedir, "target/iafbt")
List<String> csv = new File(out, "diff.csv").readLines("UTF-8")
assert csv[0].startsWith("algorithm_id,change,base_rank,head_rank,rank_shift,sharpe_ratio_base,sharpe_ratio_head,sharpe_ratio_delta")
assert csv.drop(1).collect { it.split(",")[0] } == ["a", "c", "fresh", "b", "gone"]
def json = new groovy.json.JsonSlurper().parse(new File(out, "diff.json"))
assert json.find { it.algorithm_id == "b" }.rank_shift == -2
String html = new File(out, "diff.html").getText("UTF-8")
assert html.contains("Regressions (1)")
assert html.contains("b: sharpe_ratio 1.2 -&gt; 0.8 (worse by 0.4, allowed 0.2)")
return true
