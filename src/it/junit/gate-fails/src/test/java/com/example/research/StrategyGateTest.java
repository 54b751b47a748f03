package com.example.research;

import dev.iafbt.junit.BacktestGate;
import dev.iafbt.junit.Threshold;
import org.junit.jupiter.api.BeforeAll;

class StrategyGateTest {
    @BeforeAll
    static void storeResults() throws Exception {
        StoredBacktests.write("momentum_fast", 1.42, 0.12, 40);
        StoredBacktests.write("weak_strategy", 0.4, 0.31, 12);
    }

    @BacktestGate("target/backtests")
    @Threshold(metric = "sharpe_ratio", atLeast = 1.0)
    @Threshold(metric = "max_drawdown", atMost = 0.25)
    @Threshold(metric = "number_of_trades", atLeast = 30)
    void everyStrategyMeetsTheBar() {
    }
}
