String log = new File(basedir, "build.log").text
assert log =~ /\[INFO\] 1 recomputed, 0 up to date, 0 failed in /
assert log.contains("metrics up to date (tolerance 1.0E-9)")
// the stale bundle is named with run, field, stored and recomputed value, and the fix
assert log =~ /\[WARNING\] backtests\/stale\/[^ ]+\.iafbt \([^)]*\): \d+ stored metric value\(s\) differ from a fresh recomputation/
assert log =~ /run 0 [^:]*: stored [^,]+, recomputed /
assert log.contains("Refresh them with: mvn iafbt:recompute -Diafbt.inPlace=true")
assert !(log =~ /\[WARNING\] backtests\/refreshed\//)
assert log.contains("1 of 2 bundle(s) violate the rules")
return true
