package dev.iafbt.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.index.IndexRow;
import dev.iafbt.index.BacktestIndex;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.testing.IndexBackend;
import dev.iafbt.model.SummaryField;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

class WeightedRankerTest {
    @TempDir
    Path tmp;

    private static List<Object> column(List<LinkedHashMap<String, Object>> rows, String key) {
        return rows.stream().map(r -> r.get(key)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(IndexBackend.class)
    void riskAdjustedPresetGivesTheVerifiedScores(IndexBackend backend) throws Exception {
        try (BacktestIndex index = DemoIndex.threeAlgos(backend, tmp)) {
            List<LinkedHashMap<String, Object>> rows = WeightedRanker.forFocus(EvaluationFocus.parse("RISK_ADJUSTED"))
                    .rank(index, IndexQuery.builder().build());
            assertThat(column(rows, "algorithm_id")).containsExactly("algo_1", "algo_2", "algo_0");
            assertThat(column(rows, WeightedRanker.SCORE_KEY)).containsExactly(3.0, 1.5, 0.0);
            assertThat(rows.get(0).keySet()).containsSubsequence(IndexQuery.DEFAULT_RANK_COLUMNS).contains("_score");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(IndexBackend.class)
    void customWeightsMergeOntoBalancedAndGiveTheVerifiedScores(IndexBackend backend) throws Exception {
        try (BacktestIndex index = DemoIndex.threeAlgos(backend, tmp)) {
            List<LinkedHashMap<String, Object>> up = WeightedRanker.forFocus(null, Map.of("sharpe_ratio", 1.0))
                    .rank(index, IndexQuery.builder().build());
            assertThat(column(up, "algorithm_id")).containsExactly("algo_1", "algo_2", "algo_0");
            assertThat(column(up, "_score")).containsExactly(1.0, 0.5, 0.0);

            List<LinkedHashMap<String, Object>> down = WeightedRanker.forFocus(null, RankWeights.parse("sharpe_ratio=-1"))
                    .rank(index, IndexQuery.builder().limit(2).build());
            assertThat(column(down, "algorithm_id")).containsExactly("algo_0", "algo_2");
            assertThat(column(down, "_score")).containsExactly(0.0, -0.5);
        }
    }

    @Test
    void presetsMatchTheReferenceTable() {
        assertThat(EvaluationFocus.BALANCED.weights()).hasSize(17).containsEntry("max_drawdown", -1.5);
        assertThat(EvaluationFocus.PROFIT.weights()).hasSize(15).containsEntry("cagr", 2.5);
        assertThat(EvaluationFocus.FREQUENCY.weights()).hasSize(14).containsEntry("average_trade_duration", -0.3);
        assertThat(EvaluationFocus.RISK_ADJUSTED.weights()).hasSize(17).containsEntry("sharpe_ratio", 3.0)
                .containsEntry("percentage_negative_trades", -1.0);
        assertThat(EvaluationFocus.parse("balanced")).isEqualTo(EvaluationFocus.BALANCED);
        assertThat(EvaluationFocus.parse(" Risk-Adjusted ")).isEqualTo(EvaluationFocus.RISK_ADJUSTED);
        assertThatThrownBy(() -> EvaluationFocus.parse("speed")).isInstanceOf(QueryException.class)
                .hasMessageContaining("balanced, profit, frequency, risk_adjusted");
    }

    @Test
    void weightsParseMergeAndValidate() {
        assertThat(RankWeights.parse("sharpe_ratio=2, max_drawdown=-1,,")).containsExactly(
                Map.entry("sharpe_ratio", 2.0), Map.entry("max_drawdown", -1.0));
        assertThatThrownBy(() -> RankWeights.parse("sharpe_ratio")).isInstanceOf(QueryException.class)
                .hasMessageContaining("metric=weight");
        assertThatThrownBy(() -> RankWeights.parse("sharpe_ratio=abc")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> RankWeights.parse("sharpe_ratio=NaN")).hasMessageContaining("finite");
        Map<String, Double> merged = RankWeights.merge(EvaluationFocus.PROFIT, Map.of("summary_cagr", 9.0, "win_loss_ratio", 1.0));
        assertThat(merged).containsEntry("cagr", 9.0).containsEntry("win_loss_ratio", 1.0).hasSize(16);
        assertThat(List.copyOf(merged.keySet()).indexOf("cagr")).isEqualTo(2); // keeps the preset position
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(IndexBackend.class)
    void unknownCustomMetricIsRefusedButPresetOnlyMetricsAreSkipped(IndexBackend backend) throws Exception {
        try (BacktestIndex index = DemoIndex.threeAlgos(backend, tmp)) {
            assertThatThrownBy(() -> WeightedRanker.forFocus(null, Map.of("sharp_ratio", 1.0)).rank(index, IndexQuery.builder().build()))
                    .isInstanceOf(QueryException.class).hasMessageContaining("unknown weight column 'sharp_ratio'");
            assertThat(WeightedRanker.forFocus(EvaluationFocus.PROFIT).rank(index, IndexQuery.builder().build())).hasSize(3);
            assertThatThrownBy(() -> WeightedRanker.forFocus(EvaluationFocus.PROFIT)
                    .rank(index, IndexQuery.builder().sortBy("sharpe_ratio").build())).hasMessageContaining("remove sortBy");
        }
    }

    @Test
    void nanInfinityAndNullAreSkippedAndTiesKeepIndexOrder() {
        List<Map<String, Object>> rows = new ArrayList<>();
        Object[] values = {1.0, Double.POSITIVE_INFINITY, null, 3.0, Double.NaN, "text", 1.0};
        for (int i = 0; i < values.length; i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", i);
            row.put("m", values[i]);
            rows.add(row);
        }
        List<LinkedHashMap<String, Object>> ranked = WeightedRanker.score(rows, Map.of("m", 2.0), false, null);
        assertThat(column(ranked, "id")).containsExactly(3, 0, 1, 2, 4, 5, 6);
        assertThat(column(ranked, "_score")).containsExactly(2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        assertThat(column(WeightedRanker.score(rows, Map.of("m", 2.0), true, 2), "id")).containsExactly(0, 1);
    }

    @Test
    void scoreIsRoundedLikePython() {
        assertThat(WeightedRanker.round6(1.0 / 3)).isEqualTo(0.333333);
        assertThat(WeightedRanker.round6(2.0000005)).isEqualTo(2.000001); // binary value is above the half
        assertThat(WeightedRanker.round6(0.0000005)).isEqualTo(0.0); // Python: round(5e-07, 6) == 0.0
        assertThat(SummaryField.SHARPE_RATIO.isInteger()).isFalse();
        assertThat(IndexRow.builder().bundlePath("x").build().hasSummary()).isFalse();
    }
}
