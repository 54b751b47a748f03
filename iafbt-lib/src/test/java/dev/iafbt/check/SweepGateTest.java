package dev.iafbt.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.index.IndexSchema;
import dev.iafbt.index.Indexer;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.SummaryField;
import dev.iafbt.rank.EvaluationFocus;
import dev.iafbt.rank.IndexQuery;
import dev.iafbt.rank.WeightedRanker;
import dev.iafbt.testing.ReferenceFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gates for sweeps: the best N must pass, at least K (or P %) must pass, rules for some bundles only. */
class SweepGateTest {
    @TempDir
    Path project;

    private static final MetricRule SHARPE_AT_LEAST_1 = MetricRule.summary("sharpe_ratio", 1, Double.NaN, Set.of());

    private void bundle(String folder, String id, String tag, double sharpe, double drawdown) throws Exception {
        Path dir = Files.createDirectories(project.resolve(folder));
        Backtest.builder(id).tag(tag).summary(SummaryField.SHARPE_RATIO, sharpe).summary(SummaryField.MAX_DRAWDOWN, drawdown)
                .build().save(dir);
    }

    /** A sweep of 5: sharpe 2.0, 1.5, 0.9, 0.5, 0.1 (drawdown 0.10 .. 0.30, worst for the weakest). */
    private void sweep() throws Exception {
        double[] sharpes = {2.0, 1.5, 0.9, 0.5, 0.1};
        for (int i = 0; i < sharpes.length; i++) {
            bundle("backtests", "s" + i, "sweep", sharpes[i], 0.1 + i * 0.05);
        }
    }

    private CheckRun run(List<MetricRule> rules, SweepGate gate) {
        return new CheckRun(new CheckSettings(List.of("backtests"), project, rules, List.of(), Optional.empty(), false,
                Optional.empty(), false, "allow it", 2, gate));
    }

    private static List<String> failures(CheckRun run) {
        List<String> failed = new ArrayList<>();
        run.verdicts().forEach(v -> v.failures().forEach(f -> failed.add(v.algorithmId() + ": " + f.name())));
        run.closingChecks().filter(CheckResult::isFailure).forEach(c -> failed.add(c.message()));
        return failed;
    }

    private static CheckResult gateResult(CheckRun run) {
        run.verdicts().forEach(v -> { });
        return run.closingChecks().filter(c -> c.name().equals(SweepGate.NAME)).findFirst().orElseThrow();
    }

    @Test
    void withoutAGateEveryBundleMustPass() throws Exception {
        sweep();
        assertThat(failures(run(List.of(SHARPE_AT_LEAST_1), SweepGate.every())))
                .containsExactly("s2: summary thresholds", "s3: summary thresholds", "s4: summary thresholds");
    }

    @Test
    void theTopTwoBySharpePassSoTheWeakerOnesAreTolerated() throws Exception {
        sweep();
        CheckRun run = run(List.of(SHARPE_AT_LEAST_1), SweepGate.top(2, "sharpe_ratio"));

        List<BundleVerdict> verdicts = run.verdicts().toList();
        assertThat(verdicts).allSatisfy(v -> assertThat(v.failures()).isEmpty());
        // the tolerated failures stay visible, and keep counting per rule
        assertThat(verdicts.get(4).checks()).anySatisfy(c -> assertThat(c.message())
                .startsWith("tolerated (not among the top 2 by sharpe_ratio): backtests/s4.iafbt (s4): 1 of 1 summary"));
        assertThat(run.closingChecks().toList()).singleElement().satisfies(c -> {
            assertThat(c.isFailure()).isFalse();
            assertThat(c.message()).isEqualTo("the top 2 by sharpe_ratio must pass (sharpe_ratio, higher is better):"
                    + " all 2 pass; 3 other bundle(s) that break rules are tolerated");
        });
    }

    @Test
    void theTopThreeBySharpeIncludeOneThatFails() throws Exception {
        sweep();
        assertThat(failures(run(List.of(SHARPE_AT_LEAST_1), SweepGate.top(3, "sharpe_ratio")))).containsExactly(
                "s2: summary thresholds",
                "the top 3 by sharpe_ratio must pass (sharpe_ratio, higher is better): 1 of 3 fail: backtests/s2.iafbt (s2)");
    }

    @Test
    void aLowerIsBetterMetricPicksTheSmallestValues() throws Exception {
        sweep();
        // the two smallest drawdowns are s0 and s1, which meet sharpe >= 1
        CheckResult result = gateResult(run(List.of(SHARPE_AT_LEAST_1), SweepGate.top(2, "max_drawdown")));
        assertThat(result.isFailure()).isFalse();
        assertThat(result.message()).contains("lower is better");
    }

    @Test
    void atLeastACountOrAShareMustPass() throws Exception {
        sweep();
        assertThat(gateResult(run(List.of(SHARPE_AT_LEAST_1), SweepGate.atLeast(2))).isFailure()).isFalse();
        assertThat(gateResult(run(List.of(SHARPE_AT_LEAST_1), SweepGate.atLeast("40%"))).message())
                .isEqualTo("at least 40% of the bundles must pass: 2 of 5 pass, 2 required");
        CheckResult tooFew = gateResult(run(List.of(SHARPE_AT_LEAST_1), SweepGate.atLeast("60%")));
        assertThat(tooFew.isFailure()).isTrue();
        assertThat(tooFew.message()).isEqualTo("at least 60% of the bundles must pass: only 2 of 5 pass, 3 required."
                + " Failing: backtests/s2.iafbt (s2), backtests/s3.iafbt (s3), backtests/s4.iafbt (s4)");
    }

    @Test
    void aGateNeverToleratesAnUnreadableBundle() throws Exception {
        sweep();
        Files.write(project.resolve("backtests/broken.iafbt"), new byte[] {'I', 'A', 'F', 'B', 1});
        assertThat(failures(run(List.of(SHARPE_AT_LEAST_1), SweepGate.atLeast(1)))).containsExactly("null: open");
    }

    @Test
    void rulesApplyOnlyToTheBundlesTheirPatternOrTagSelects() throws Exception {
        bundle("backtests/momentum", "m1", "momentum", 0.8, 0.1);
        bundle("backtests/carry", "c1", "carry", 0.4, 0.1);
        MetricRule momentumFiles = MetricRule.summary("sharpe_ratio", 0.5, Double.NaN, Set.of())
                .onlyFor(BundleSelection.files("backtests/momentum/**"));
        MetricRule carryTag = MetricRule.summary("sharpe_ratio", 0.3, Double.NaN, Set.of())
                .onlyFor(BundleSelection.tagged("carry"));
        MetricRule strictMomentum = MetricRule.summary("sharpe_ratio", 1, Double.NaN, Set.of())
                .onlyFor(BundleSelection.tagged("momentum"));

        assertThat(failures(run(List.of(momentumFiles, carryTag), SweepGate.every()))).isEmpty();
        assertThat(failures(run(List.of(momentumFiles, carryTag, strictMomentum), SweepGate.every())))
                .containsExactly("m1: summary thresholds");
        assertThat(strictMomentum.describe()).isEqualTo("sharpe_ratio >= 1 [tag momentum]");
        assertThat(momentumFiles.describe()).isEqualTo("sharpe_ratio >= 0.5 [files backtests/momentum/**]");
    }

    /**
     * Four bundles whose balanced ranking (s1, s2, s3, s0) differs from their Sharpe ranking
     * (s0, s1, s2, s3): s0 has the best Sharpe but the deepest drawdown and the worst win rate and CAGR.
     */
    private void focusSweep() throws Exception {
        double[][] rows = {{2.0, 0.5, 0.2, 0.01}, {1.5, 0.1, 0.6, 0.2}, {0.9, 0.2, 0.5, 0.15}, {0.5, 0.3, 0.3, 0.05}};
        Path dir = Files.createDirectories(project.resolve("backtests"));
        for (int i = 0; i < rows.length; i++) {
            Backtest.builder("s" + i).tag("sweep").summary(SummaryField.SHARPE_RATIO, rows[i][0])
                    .summary(SummaryField.MAX_DRAWDOWN, rows[i][1]).summary(SummaryField.WIN_RATE, rows[i][2])
                    .summary(SummaryField.CAGR, rows[i][3]).build().save(dir);
        }
    }

    /** The bundle paths {@code iafbt:rank} puts first: the weighted ranker over an index of {@code folder}. */
    private List<String> rankedByIndex(Path folder, EvaluationFocus focus, int n) {
        Path indexFile = project.resolve("rank-" + focus.value() + ".sqlite");
        Indexer.builder(folder).output(indexFile).build().run();
        try (SqliteIndex index = SqliteIndex.open(indexFile)) {
            return WeightedRanker.forFocus(focus).rank(index, IndexQuery.builder().columns(IndexSchema.BUNDLE_PATH)
                    .limit(n).build()).stream().map(row -> (String) row.get(IndexSchema.BUNDLE_PATH)).toList();
        }
    }

    @Test
    void theTopTwoByAFocusAreThoseIafbtRankPutsFirstNotTheBestBySharpe() throws Exception {
        focusSweep();
        assertThat(rankedByIndex(project.resolve("backtests"), EvaluationFocus.BALANCED, 2))
                .containsExactly("s1.iafbt", "s2.iafbt");

        // sharpe >= 1 fails s2 and s3; by Sharpe the top two (s0, s1) would pass
        assertThat(gateResult(run(List.of(SHARPE_AT_LEAST_1), SweepGate.top(2, "sharpe_ratio"))).isFailure()).isFalse();
        CheckRun byFocus = run(List.of(SHARPE_AT_LEAST_1), SweepGate.topByFocus(2, "Balanced"));
        assertThat(failures(byFocus)).containsExactly("s2: summary thresholds",
                "the top 2 by focus balanced must pass (balanced score as iafbt:rank ranks it): 1 of 2 fail:"
                        + " backtests/s2.iafbt (s2)");
        CheckRun tolerated = run(List.of(SHARPE_AT_LEAST_1), SweepGate.topByFocus(1, "balanced"));
        List<BundleVerdict> verdicts = tolerated.verdicts().toList();
        assertThat(verdicts).allSatisfy(v -> assertThat(v.failures()).isEmpty());
        assertThat(verdicts.get(3).checks()).anySatisfy(c -> assertThat(c.message())
                .startsWith("tolerated (not among the top 1 by focus balanced): backtests/s3.iafbt (s3)"));
    }

    @Test
    void everyFocusGateRequiresExactlyTheBundlesIafbtRankRanksFirstOverTheReferenceFixtures() {
        Path fixtures = ReferenceFixtures.dir();
        List<Path> bundles = ReferenceFixtures.bundles();
        // a rule no bundle meets, so the gate's failure names its required bundles, best first
        MetricRule impossible = MetricRule.summary("number_of_trades", 1e12, Double.NaN, Set.of());
        int compared = 0;
        for (EvaluationFocus focus : EvaluationFocus.values()) {
            for (int n : new int[] {1, 3, bundles.size()}) {
                List<String> expected = rankedByIndex(fixtures, focus, n).stream()
                        .map(path -> path + " (" + Backtest.open(fixtures.resolve(path)).algorithmId() + ")").toList();
                CheckRun run = new CheckRun(new CheckSettings(List.of("*.iafbt"), fixtures, List.of(impossible), List.of(),
                        Optional.empty(), false, Optional.empty(), false, "allow it", 2, SweepGate.topByFocus(n, focus.value())));
                String message = gateResult(run).message();
                assertThat(message).as(focus + " top " + n)
                        .endsWith(n + " of " + n + " fail: " + String.join(", ", expected));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(12);
    }

    @Test
    void aFocusGateRefusesAnUnknownPreset() {
        assertThatThrownBy(() -> SweepGate.topByFocus(3, "balancd")).hasMessageContaining("balanced, profit");
        assertThatThrownBy(() -> SweepGate.topByFocus(0, "balanced")).hasMessageContaining("1 or more");
    }

    @Test
    void badGateSettingsSayWhatToWrite() {
        assertThatThrownBy(() -> SweepGate.atLeast("most")).hasMessage(
                "the minimum number of passing bundles must be a count such as 40 or a percentage such as 80%, not 'most'");
        assertThatThrownBy(() -> SweepGate.top(0, "sharpe_ratio")).hasMessageContaining("1 or more");
        assertThatThrownBy(() -> SweepGate.atLeast("150%")).hasMessageContaining("at most 100%");
    }
}
