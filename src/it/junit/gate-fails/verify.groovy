def log = new File(basedir, 'build.log').text
// 2 bundles, plus the skipped note that the summary max_drawdown is the shallowest window's
assert log.contains('Tests run: 3, Failures: 1, Errors: 0, Skipped: 1')
assert log.contains('target/backtests/weak_strategy.iafbt (weak_strategy): 3 of 3 summary thresholds violated:')
assert log.contains('sharpe_ratio = 0.4, required >= 1 [annualised ratio]')
assert log.contains('max_drawdown = 0.31, required <= 0.25 [decimal fraction, positive, 0.14 = 14%]')
assert log.contains('number_of_trades = 12, required >= 30 [count]')
// one clear assertion: Surefire's summary line carries the message, no stack frames anywhere
assert log.contains('[ERROR]   StrategyGateTest.everyStrategyMeetsTheBar()[2] target/backtests/weak_strategy.iafbt (weak_strategy): 3 of 3 summary thresholds violated:')
assert !log.contains('\tat ')
assert log.contains('BUILD FAILURE')
return true
