String log = new File(basedir, "build.log").text
assert log =~ /\[INFO\] --- iafbt:[^:]+:check \(default\) @ check-passes ---/
assert log.contains("[INFO] Checking 24 bundle(s) in " + new File(basedir, "backtests").canonicalPath
        + ": max_drawdown <= 0.3, number_of_trades >= 20, sharpe_ratio between -2 and 3, profit_factor >= 1, byte-identical round trip")
assert log.contains("[INFO] All 24 bundle(s) meet the rules.")
assert log.contains("[INFO] Round trips: 24 re-encoded, 0 already verified (remembered in "
        + new File(basedir, "target/iafbt/roundtrip-cache").canonicalPath + ")")
// no bundle warning; the only warnings are the notes on summary fields that are not what their names suggest
assert log.readLines().findAll { it.startsWith("[WARNING]") }.every { it.startsWith("[WARNING] summary rule ") }
assert log.contains("[WARNING] summary rule max_drawdown <= 0.3: the summary's max_drawdown is the SHALLOWEST window's")
assert log.contains("BUILD SUCCESS")
// every verified round trip is remembered for the next build, by content hash and iafbt version
File[] versions = new File(basedir, "target/iafbt/roundtrip-cache").listFiles()
assert versions.length == 1
assert versions[0].list().length == 24
return true
