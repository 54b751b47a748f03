import dev.iafbt.junit.BacktestGate;
import dev.iafbt.junit.Threshold;

class StrategyGateTest {
    @BacktestGate("backtests")                       // every *.iafbt under backtests/, one test each
    @Threshold(metric = "sharpe_ratio", atLeast = 1.0)
    @Threshold(metric = "max_drawdown", atMost = 0.25, eachRun = true) // every window
    @Threshold(metric = "number_of_trades", atLeast = 30)
    void everyStrategyMeetsTheBar() {}
}
