package dev.iafbt.junit.samples;

import dev.iafbt.junit.BacktestGates;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** {@code @TestFactory} samples; the test sets {@link #project} and {@link #configuration} before running them. */
public final class ProgrammaticGates {
    public static volatile Path project;
    public static volatile Map<String, String> configuration = Map.of();

    private ProgrammaticGates() {
    }

    static BacktestGates gates(String... patterns) {
        return BacktestGates.in(patterns).baseDirectory(project)
                .configuration(key -> Optional.ofNullable(configuration.get(key)));
    }

    public static class Thresholds {
        @TestFactory
        Stream<DynamicNode> gate() {
            return gates("backtests")
                    .require("sharpe_ratio").atLeast(1.0)
                    .require("max_drawdown").atMost(0.25)
                    .requireEachRun("sharpe_ratio").atLeast(0.5)
                    .dynamicTests();
        }
    }

    public static class WithBaseline {
        @TestFactory
        Stream<DynamicNode> gate() {
            return gates("backtests")
                    .require("sharpe_ratio").atLeast(0.0)
                    .baseline("baseline.csv", 0.05)
                    .roundTrip(false)
                    .parallelism(3)
                    .dynamicTests();
        }
    }

    public static class Empty {
        @TestFactory
        Stream<DynamicNode> gate() {
            return gates("nothing-here/*.iafbt").require("sharpe_ratio").atLeast(1.0).dynamicTests();
        }
    }
}
