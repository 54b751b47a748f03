package dev.iafbt.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.junit.samples.AnnotatedGates;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.SummaryField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class AnnotatedGateTest {
    @TempDir
    Path project;

    Path backtests() {
        return project.resolve("backtests");
    }

    @Test
    void metricsUpToDateFailsTheStaleBundleNamingRunFieldAndValues() {
        Path dir = project.resolve("backtests");
        // the builder's sample metrics are not what its snapshots give; a recomputed copy's are
        Path stale = TestBundles.write(dir, "stale", 1.4, 0.12, 40);
        Backtest.open(stale).recompute().save(dir.resolve("fresh.iafbt"));

        EngineExecutionResults results = GateKit.run(AnnotatedGates.MetricsUpToDate.class, project);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(1));
        assertThat(GateKit.names(results.testEvents().failed())).containsExactly("backtests/stale.iafbt (stale)");
        assertThat(GateKit.messages(results.testEvents().failed())).singleElement().asString()
                .startsWith("backtests/stale.iafbt (stale): ")
                .containsPattern("run 0 final_value: stored [^,]+, recomputed 1100.0")
                .endsWith("Refresh them with: mvn iafbt:recompute -Diafbt.inPlace=true");
    }

    @Test
    void everyBundleIsOneTestNamedAfterFileAndAlgorithm() {
        TestBundles.write(backtests(), "momentum_fast", 1.4, 0.12, 40);
        TestBundles.write(backtests(), "carry", 1.1, 0.2, 31);

        EngineExecutionResults results = GateKit.run(AnnotatedGates.StandardBar.class, project);

        // the third test is the note on the summary max_drawdown rule (the shallowest window's drawdown)
        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(2).aborted(1).failed(0));
        assertThat(GateKit.names(results.testEvents().succeeded()))
                .containsExactly("backtests/carry.iafbt (carry)", "backtests/momentum_fast.iafbt (momentum_fast)");
        assertThat(GateKit.names(results.testEvents().aborted())).containsExactly("summary rules mean what they say");
    }

    @Test
    void aFailureListsEveryViolatedRuleWithValueBoundAndUnit() {
        TestBundles.write(backtests(), "good", 1.4, 0.12, 40);
        TestBundles.write(backtests(), "weak", 0.83, 0.31, 12);

        EngineExecutionResults results = GateKit.run(AnnotatedGates.StandardBar.class, project);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(1));
        assertThat(GateKit.messages(results.testEvents().failed())).singleElement().asString()
                .startsWith("backtests/weak.iafbt (weak): 3 of 3 summary thresholds violated:")
                .contains("sharpe_ratio = 0.83, required >= 1 [annualised ratio]")
                .contains("max_drawdown = 0.31, required <= 0.25 [decimal fraction, positive, 0.14 = 14%]")
                .contains("number_of_trades = 12, required >= 30 [count]");
    }

    @Test
    void nanInfinityAndMissingFailByDefaultWithTheirReason() {
        TestBundles.save(backtests(), TestBundles.builder("odd", 1.0)
                .summary(SummaryField.SHARPE_RATIO, Double.NaN)
                .summary(SummaryField.MAX_DRAWDOWN, Double.POSITIVE_INFINITY));

        EngineExecutionResults results = GateKit.run(AnnotatedGates.StandardBar.class, project);

        assertThat(GateKit.messages(results.testEvents().failed())).singleElement().asString()
                .contains("sharpe_ratio is NaN, required >= 1", "NaN fails unless the rule allows NAN")
                .contains("max_drawdown is +inf (not finite)", "infinities fail unless the rule allows INFINITE")
                .contains("number_of_trades is missing (nil or absent)", "missing values fail unless the rule allows MISSING");
    }

    @Test
    void allowedSpecialValuesPass() {
        TestBundles.save(backtests(), TestBundles.builder("nan", 1.0).summary(SummaryField.SORTINO_RATIO, Double.NaN));
        TestBundles.save(backtests(), TestBundles.builder("missing", 1.0));

        GateKit.run(AnnotatedGates.Lenient.class, project).testEvents()
                .assertStatistics(stats -> stats.succeeded(2).failed(0));
    }

    @Test
    void betweenEachRunAndInfinityComparedAsNumber() {
        TestBundles.save(backtests(), TestBundles.builder("fine", 0.9, 0.7)
                .summary(SummaryField.WIN_RATE, 0.55).summary(SummaryField.PROFIT_FACTOR, Double.POSITIVE_INFINITY));
        TestBundles.save(backtests(), TestBundles.builder("off", 0.9, 0.2)
                .summary(SummaryField.WIN_RATE, 0.95).summary(SummaryField.PROFIT_FACTOR, 1.2));

        EngineExecutionResults results = GateKit.run(AnnotatedGates.RangesAndRuns.class, project);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(1));
        assertThat(GateKit.messages(results.testEvents().failed())).singleElement().asString()
                .startsWith("backtests/off.iafbt (off): 2 checks failed (summary thresholds, run thresholds)")
                .contains("win_rate = 0.95, required between 0.4 and 0.9 [0..1 decimal]")
                .contains("profit_factor = 1.2, required >= 1.5")
                .contains("run 1 (2024-01-01T00:00:00Z..2024-06-30T00:00:00Z): sharpe_ratio = 0.2, required >= 0.5");
    }

    @Test
    void globsMatchNestedAndTopLevelBundlesAndTheRoundTripCanBeSwitchedOff() throws IOException {
        TestBundles.write(backtests(), "top", 1.5, 0.1, 40);
        TestBundles.write(backtests().resolve("2024/q1"), "nested", 1.5, 0.1, 40);
        TestBundles.recompressAtLevel3(backtests().resolve("top.iafbt")); // would fail the round trip
        Files.writeString(backtests().resolve("notes.txt"), "not a bundle");

        EngineExecutionResults results = GateKit.run(AnnotatedGates.GlobWithoutRoundTrip.class, project);

        assertThat(GateKit.names(results.testEvents().succeeded()))
                .containsExactly("backtests/2024/q1/nested.iafbt (nested)", "backtests/top.iafbt (top)");
    }

    @Test
    void anEmptyFolderFailsUnlessAllowed() throws IOException {
        Files.createDirectories(backtests());

        EngineExecutionResults results = GateKit.run(AnnotatedGates.StandardBar.class, project);

        results.testEvents().assertStatistics(stats -> stats.started(2).failed(1).aborted(1));
        assertThat(GateKit.messages(results.testEvents().failed())).singleElement().asString()
                .startsWith("no .iafbt bundles matched [backtests]")
                .contains("; checking nothing is a failure (set allowEmpty, or iafbt.gate.allowEmpty=true, if that is intended)");

        GateKit.run(AnnotatedGates.StandardBar.class, project, GateConfiguration.ALLOW_EMPTY, "true")
                .testEvents().assertStatistics(stats -> stats.skipped(0).aborted(2).failed(0));
    }

    @Test
    void aMissingFolderSaysSo() {
        EngineExecutionResults results = GateKit.run(AnnotatedGates.StandardBar.class, project);

        assertThat(GateKit.messages(results.testEvents().failed())).singleElement().asString()
                .contains("(backtests does not exist)");
    }

    @Test
    void anUnreadableBundleIsAFailedTestNamingTheFile() throws IOException {
        TestBundles.write(backtests(), "good", 1.4, 0.12, 40);
        Files.writeString(backtests().resolve("broken.iafbt"), "garbage");

        EngineExecutionResults results = GateKit.run(AnnotatedGates.StandardBar.class, project);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(1));
        assertThat(GateKit.names(results.testEvents().failed())).containsExactly("backtests/broken.iafbt (unreadable)");
        assertThat(GateKit.messages(results.testEvents().failed())).singleElement().asString()
                .startsWith("backtests/broken.iafbt: cannot be read:")
                .contains("broken.iafbt: not an .iafbt bundle (missing IAFB magic bytes)");
    }

    @Test
    void anUnknownMetricIsAConfigurationErrorListingTheKnownOnes() {
        TestBundles.write(backtests(), "good", 1.4, 0.12, 40);

        EngineExecutionResults results = GateKit.run(AnnotatedGates.UnknownMetric.class, project);

        assertThat(GateKit.messages(results.containerEvents().failed())).singleElement().asString()
                .startsWith("@BacktestGate on UnknownMetric.gate: unknown summary metric 'sharp_ratio'; did you mean sharpe_ratio?")
                .contains("stability_score");
    }

    @Test
    void composedHouseAnnotationsWork() {
        TestBundles.write(backtests(), "good", 1.4, 0.12, 40);

        GateKit.run(AnnotatedGates.Composed.class, project).testEvents()
                .assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Test
    void manyBundlesAreReadInParallelButReportedInPathOrder() {
        for (int i = 0; i < 24; i++) {
            TestBundles.write(backtests(), String.format("algo_%02d", i), 1.0 + i / 10.0, 0.1, 40);
        }

        EngineExecutionResults results = GateKit.run(AnnotatedGates.StandardBar.class, project,
                GateConfiguration.PARALLELISM, "3");

        assertThat(GateKit.names(results.testEvents().succeeded())).hasSize(24).isSorted();
    }

    @Test
    void aTopNGateFailsOnlyWhenOneOfTheBestFailsAndSkipsTheRestWithTheReason() {
        TestBundles.write(backtests(), "best", 1.8, 0.1, 40);
        TestBundles.write(backtests(), "second", 1.2, 0.1, 40);
        TestBundles.write(backtests(), "weak", 0.4, 0.1, 40);

        EngineExecutionResults results = GateKit.run(AnnotatedGates.TopTwoOfSweep.class, project);

        results.testEvents().assertStatistics(stats -> stats.succeeded(3).failed(0).aborted(1));
        assertThat(GateKit.messages(results.testEvents().aborted())).singleElement().asString()
                .startsWith("tolerated (not among the top 2 by sharpe_ratio): backtests/weak.iafbt (weak)");
        assertThat(GateKit.names(results.testEvents().succeeded())).contains("sweep gate");
    }

    @Test
    void aTopNGateByAFocusRequiresTheBundlesIafbtRankPutsFirst() {
        // by Sharpe "reckless" is best and passes; by the balanced score "steady" is (its trades and
        // shallow drawdown outweigh the Sharpe), and it fails sharpe >= 1
        TestBundles.write(backtests(), "reckless", 2.0, 0.5, 40);
        TestBundles.write(backtests(), "steady", 0.8, 0.1, 200);
        TestBundles.write(backtests(), "weak", 0.4, 0.3, 40);

        EngineExecutionResults results = GateKit.run(AnnotatedGates.TopOneByBalancedFocus.class, project);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(2).aborted(1));
        assertThat(GateKit.names(results.testEvents().failed())).containsExactly("backtests/steady.iafbt (steady)", "sweep gate");
        assertThat(GateKit.messages(results.testEvents().failed())).last().asString()
                .isEqualTo("the top 1 by focus balanced must pass (balanced score as iafbt:rank ranks it): 1 of 1 fail:"
                        + " backtests/steady.iafbt (steady)");
        assertThat(GateKit.messages(results.testEvents().aborted())).singleElement().asString()
                .startsWith("tolerated (not among the top 1 by focus balanced): backtests/weak.iafbt (weak)");
    }

    @Test
    void aGateOrderedByAMetricAndAFocusAtOnceIsAConfigurationError() {
        TestBundles.write(backtests(), "steady", 0.8, 0.1, 200);

        EngineExecutionResults results = GateKit.run(AnnotatedGates.TopByMetricAndFocus.class, project);

        assertThat(GateKit.messages(results.containerEvents().failed())).singleElement().asString()
                .contains("set by (a summary metric) or focus (a ranking preset), not both");
    }

    @Test
    void aQuorumGateCountsPassingBundlesAndRulesCanTargetSomeFiles() {
        TestBundles.write(backtests(), "carry", 1.3, 0.2, 40);
        TestBundles.write(backtests(), "momentum_fast", 1.4, 0.2, 40); // the momentum-only drawdown rule fails
        TestBundles.write(backtests(), "weak", 0.4, 0.1, 40);

        EngineExecutionResults results = GateKit.run(AnnotatedGates.HalfOfSweepStricterForMomentum.class, project);

        results.testEvents().assertStatistics(stats -> stats.failed(1));
        assertThat(GateKit.messages(results.testEvents().failed())).singleElement().asString()
                .isEqualTo("at least 50% of the bundles must pass: only 1 of 3 pass, 2 required."
                        + " Failing: backtests/momentum_fast.iafbt (momentum_fast), backtests/weak.iafbt (weak)");
    }
}
