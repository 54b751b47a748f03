package com.example.research;

import dev.iafbt.junit.BacktestGate;
import dev.iafbt.junit.Threshold;

/** Would fail if it ran (there is no such folder): the build passing would mean it silently did not. */
class StrategyGateTest {
    @BacktestGate("no-such-folder")
    @Threshold(metric = "sharpe_ratio", atLeast = 1.0)
    void everyStrategyMeetsTheBar() {
    }
}
