String log = new File(basedir, "build.log").text
// every violation is a warning, with the value as a person writes it, the bound and the unit
assert log.contains("[WARNING] backtests/sma-crossover-f05-s200-sl5.iafbt (sma-crossover-f05-s200-sl5): 2 of 2 summary thresholds violated:")
assert log.contains("[WARNING]     sharpe_ratio = -0.1192, required >= 1 [annualised ratio]")
assert log.contains("[WARNING]     max_drawdown = 0.2528, required <= 0.25 [decimal fraction, positive, 0.14 = 14%]")
assert log.contains("[WARNING] backtests/sma-crossover-f20-s200-sl5.iafbt (sma-crossover-f20-s200-sl5): 1 of 2 summary thresholds violated:")
assert (log =~ /summary thresholds violated/).size() == 12
// a missing baseline is one failure that says how to create it, not one per bundle
assert (log =~ /does not exist/).size() == 1
assert log.contains("[WARNING] src/test/iafbt-baseline.csv does not exist (")
assert log.contains("Record the current values of 24 bundle(s) with -Diafbt.baseline.update=true")
assert !log.contains("new bundle")
// one line per rule, then the verdicts for CI: a JUnit XML report and a JSON file under target/iafbt
assert log.contains("[WARNING] sharpe_ratio >= 1: 12 of 24 fail\n")
assert log.contains("[WARNING] max_drawdown <= 0.25: 1 of 24 fail\n")
def suite = new groovy.xml.XmlSlurper().parse(new File(basedir, "target/iafbt/TEST-iafbt-check.xml"))
assert suite.@failures.text() == "13"
// a test case per bundle, one for the baseline file, and the note on the summary max_drawdown rule
assert suite.testcase.size() == 24 + 1 + 1
def json = new groovy.json.JsonSlurper().parse(new File(basedir, "target/iafbt/check.json"))
assert json.bundles.count { !it.passed } == 12
// then the build fails once, after all of them
assert log.contains("12 of 24 bundle(s) violate the rules, and 1 check(s) over all bundles failed (see the warnings above).")
assert (log =~ /\[ERROR\] Failed to execute goal/).size() == 1
return true
