package dev.iafbt.junit.samples;

import dev.iafbt.check.SpecialValue;
import dev.iafbt.junit.BacktestGate;
import dev.iafbt.junit.Baseline;
import dev.iafbt.junit.Threshold;
import dev.iafbt.junit.Toggle;

/**
 * Gate classes run only through the engine test kit (surefire excludes this package): many are
 * meant to fail. Bundle paths are relative; the tests point {@code iafbt.gate.baseDir} at a
 * temporary project directory.
 */
public final class AnnotatedGates {
    private AnnotatedGates() {
    }

    /** The three rules of the example. */
    public static class StandardBar {
        @BacktestGate("backtests")
        @Threshold(metric = "sharpe_ratio", atLeast = 1.0)
        @Threshold(metric = "max_drawdown", atMost = 0.25)
        @Threshold(metric = "number_of_trades", atLeast = 30)
        void gate() {
        }
    }

    /** Glob and the named attribute; round trip off to show the toggle. */
    public static class GlobWithoutRoundTrip {
        @BacktestGate(bundles = "backtests/**/*.iafbt", roundTrip = Toggle.OFF)
        @Threshold(metric = "summary_sharpe_ratio", atLeast = 1.0)
        void gate() {
        }
    }

    /** Between, a per-run rule, and a rule that tolerates infinity. */
    public static class RangesAndRuns {
        @BacktestGate("backtests")
        @Threshold(metric = "win_rate", atLeast = 0.4, atMost = 0.9)
        @Threshold(metric = "profit_factor", atLeast = 1.5, allow = SpecialValue.INFINITE)
        @Threshold(metric = "sharpe_ratio", atLeast = 0.5, eachRun = true)
        void gate() {
        }
    }

    /** Stored metrics must equal a fresh recomputation. */
    public static class MetricsUpToDate {
        @BacktestGate(value = "backtests", metricsUpToDate = true, roundTrip = Toggle.OFF)
        void gate() {
        }
    }

    /** Missing and NaN tolerated explicitly. */
    public static class Lenient {
        @BacktestGate("backtests")
        @Threshold(metric = "sortino_ratio", atLeast = 1.0, allow = {SpecialValue.MISSING, SpecialValue.NAN})
        void gate() {
        }
    }

    /** Class-level rule and baseline, shared by the method. */
    @Threshold(metric = "sharpe_ratio", atLeast = 0.0)
    @Baseline(file = "baseline.csv", tolerance = 0.05, metrics = {"sharpe_ratio", "max_drawdown"})
    public static class WithBaseline {
        @BacktestGate("backtests")
        void gate() {
        }
    }

    /** A typo in a metric name must be a configuration error, not a silently passing gate. */
    public static class UnknownMetric {
        @BacktestGate("backtests")
        @Threshold(metric = "sharp_ratio", atLeast = 1.0)
        void gate() {
        }
    }

    /** A house annotation composed from ours. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
    @BacktestGate("backtests")
    @Threshold(metric = "sharpe_ratio", atLeast = 1.0)
    public @interface HouseGate {
    }

    public static class Composed {
        @HouseGate
        void gate() {
        }
    }

    /** A sweep where only the best two by Sharpe must meet the bar. */
    public static class TopTwoOfSweep {
        @BacktestGate(value = "backtests", top = 2, by = "sharpe_ratio")
        @Threshold(metric = "sharpe_ratio", atLeast = 1.0)
        void gate() {
        }
    }

    /** A sweep where only the best by the balanced focus score (iafbt:rank's order) must meet the bar. */
    public static class TopOneByBalancedFocus {
        @BacktestGate(value = "backtests", top = 1, focus = "balanced")
        @Threshold(metric = "sharpe_ratio", atLeast = 1.0)
        void gate() {
        }
    }

    /** A metric and a focus at once: which one orders is ambiguous. */
    public static class TopByMetricAndFocus {
        @BacktestGate(value = "backtests", top = 1, by = "sharpe_ratio", focus = "balanced")
        void gate() {
        }
    }

    /** A sweep where half the bundles must meet the bar, and momentum bundles a stricter one. */
    public static class HalfOfSweepStricterForMomentum {
        @BacktestGate(value = "backtests", atLeast = "50%")
        @Threshold(metric = "sharpe_ratio", atLeast = 1.0)
        @Threshold(metric = "max_drawdown", atMost = 0.15, files = "backtests/momentum*")
        void gate() {
        }
    }
}
