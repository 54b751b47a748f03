package com.example.research;

import dev.iafbt.junit.BacktestGate;
import dev.iafbt.junit.BacktestGates;
import dev.iafbt.junit.Baseline;
import dev.iafbt.junit.Threshold;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

class StrategyGateTest {
    @BeforeAll
    static void storeResults() throws Exception {
        StoredBacktests.write("momentum_fast", 1.42, 0.12, 40);
        StoredBacktests.write("carry", 1.08, 0.2, 31);
    }

    @BacktestGate("target/backtests")
    @Threshold(metric = "sharpe_ratio", atLeast = 1.0)
    @Threshold(metric = "max_drawdown", atMost = 0.25)
    @Threshold(metric = "number_of_trades", atLeast = 30)
    @Baseline(file = "src/test/resources/iafbt-baseline.csv", metrics = {"sharpe_ratio", "max_drawdown"})
    void everyStrategyMeetsTheBar() {
    }

    @TestFactory
    Stream<DynamicNode> runsStayPositive() {
        return BacktestGates.in("target/backtests/*.iafbt")
                .requireEachRun("sharpe_ratio").atLeast(0.5)
                .dynamicTests();
    }
}
