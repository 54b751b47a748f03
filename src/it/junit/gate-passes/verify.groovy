def log = new File(basedir, 'build.log').text
// the summary max_drawdown rule is the shallowest window's: the gate adds one skipped note naming the run-scope rule
assert log.contains('Tests run: 8, Failures: 0, Errors: 0, Skipped: 1') : 'expected 2 bundles + the baseline orphan check, 2 x (run thresholds, round trip) and the summary-quirk note'
assert log.contains('BUILD SUCCESS')
def report = new File(basedir, 'target/surefire-reports/TEST-com.example.research.StrategyGateTest.xml').text
assert report.contains('summary rules mean what they say')
assert report.contains('target/backtests/carry.iafbt (carry)')
assert report.contains('target/backtests/momentum_fast.iafbt (momentum_fast)')
assert report.contains('run thresholds: target/backtests/carry.iafbt (carry)')
// the verified round trips of the 2 bundles are remembered for the next build
File[] versions = new File(basedir, 'target/iafbt/roundtrip-cache').listFiles()
assert versions.length == 1
assert versions[0].list().length == 2
return true
