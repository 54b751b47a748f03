package dev.iafbt.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.index.IndexRow;
import dev.iafbt.model.SummaryField;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two sweeps compared per algorithm id: deltas, new and removed strategies, rank shift, regressions. */
class SweepDiffTest {
    @Test
    void entriesFollowHeadsRankingThenTheRemovedOnes() {
        SweepDiff diff = SweepDiffSamples.knownRegression(Map.of());

        assertThat(diff.entries()).extracting(SweepDiff.Entry::algorithmId).containsExactly("a", "c", "fresh", "b", "gone");
        assertThat(diff.entries()).extracting(SweepDiff.Entry::change).containsExactly(SweepDiff.Change.CHANGED,
                SweepDiff.Change.CHANGED, SweepDiff.Change.NEW, SweepDiff.Change.CHANGED, SweepDiff.Change.REMOVED);
        assertThat(diff.entries()).extracting(SweepDiff.Entry::rankShift).containsExactly(0, 1, null, -2, null);
        assertThat(diff.summary()).isEqualTo("4 in base, 4 in head: 3 changed, 0 unchanged, 1 new, 1 removed; 0 regression(s)");
    }

    @Test
    void aRegressionIsWorseningBeyondTheLimitInTheMetricsOwnDirection() {
        SweepDiff diff = SweepDiffSamples.knownRegression(Map.of(SummaryField.SHARPE_RATIO, 0.2, SummaryField.MAX_DRAWDOWN, 0.05));

        // a's Sharpe fell by 0.05 (allowed), b's by 0.4; b's drawdown grew by 0.08 (worse, since lower is better)
        assertThat(diff.regressions()).extracting(SweepDiff.Regression::describe).containsExactly(
                "b: sharpe_ratio 1.2 -> 0.8 (worse by 0.4, allowed 0.2)",
                "b: max_drawdown 0.1 -> 0.18 (worse by 0.08, allowed 0.05)");
    }

    @Test
    void rowsCarryBaseHeadAndDeltaPerMetricAndDuplicatesAreNamed() {
        List<IndexRow> base = List.of(SweepDiffSamples.row("a", 1.0, 0.1), SweepDiffSamples.row("a", 2.0, 0.1));
        SweepDiff diff = SweepDiff.of(base, List.of(SweepDiffSamples.row("a", 1.25, 0.1)), SummaryField.SHARPE_RATIO, List.of(), Map.of());

        assertThat(diff.columns()).containsExactly("algorithm_id", "change", "base_rank", "head_rank", "rank_shift",
                "sharpe_ratio_base", "sharpe_ratio_head", "sharpe_ratio_delta");
        assertThat(diff.rows()).singleElement().satisfies(r -> {
            assertThat(r.get("sharpe_ratio_delta")).isEqualTo(0.25);
            assertThat(r.get("change")).isEqualTo("changed");
        });
        assertThat(diff.duplicates()).containsExactly("base: a (2 rows)");
    }
}
