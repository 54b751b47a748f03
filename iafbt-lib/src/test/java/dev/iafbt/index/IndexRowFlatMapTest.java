package dev.iafbt.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.model.SummaryField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mirrors the reference's tests/domain/backtests/test_index_row.py. */
class IndexRowFlatMapTest {

    private static IndexRow sample() {
        return IndexRow.builder().bundlePath("x.iafbt").algorithmId("algo").tag("demo")
                .engineType("vector").riskFreeRate(0.027).numberOfRuns(2)
                .parameter("fast", 5L).parameter("win", 1.5).strategyIds(List.of("s"))
                .summary(SummaryField.SHARPE_RATIO, Double.NaN).summary(SummaryField.NUMBER_OF_TRADES, 4L)
                .summaryExtra("omega_ratio", 2.0).extra("custom", "hello").provenance(1L, 2L).build();
    }

    @Test
    void flatMapCarriesThePrefixesInTheReferenceOrder() {
        LinkedHashMap<String, Object> flat = sample().toFlatMap();
        List<String> keys = List.copyOf(flat.keySet());
        assertThat(keys.subList(0, 9)).containsExactly("algorithm_id", "tag", "bundle_path",
                "framework_version", "engine_type", "risk_free_rate", "number_of_runs", "parameters", "strategy_ids");
        assertThat(keys.get(9)).isEqualTo("summary.total_net_gain");
        assertThat(flat).containsEntry("parameters", "{\"fast\": 5, \"win\": 1.5}")
                .containsEntry("strategy_ids", "[\"s\"]").containsEntry("summary.number_of_trades", 4L)
                .containsEntry("summary.average_loss", null).containsEntry("extras.custom", "hello")
                .containsEntry("summary.omega_ratio", 2.0);
        assertThat(keys.stream().filter(k -> k.startsWith("summary."))).hasSize(56);
    }

    @Test
    void flatMapRoundTripIsLossless() {
        IndexRow row = sample();
        assertThat(IndexRow.fromFlatMap(row.toFlatMap())).isEqualTo(row);
        IndexRow bare = IndexRow.builder().bundlePath("y").build();
        assertThat(bare.toFlatMap()).doesNotContainKey("summary.sharpe_ratio").containsEntry("parameters", null);
        assertThat(IndexRow.fromFlatMap(bare.toFlatMap())).isEqualTo(bare);
    }

    @Test
    void unknownColumnsLandInExtras() {
        Map<String, Object> flat = new LinkedHashMap<>();
        flat.put("algorithm_id", "a1");
        flat.put("summary.sharpe_ratio", 1.5);
        flat.put("extras.custom", "hello");
        flat.put("totally_unknown", 7);
        IndexRow row = IndexRow.fromFlatMap(flat);
        assertThat(row.algorithmId()).isEqualTo("a1");
        assertThat(row.summary(SummaryField.SHARPE_RATIO)).isEqualTo(1.5);
        assertThat(row.extras()).containsEntry("custom", "hello").containsEntry("totally_unknown", 7);
    }
}
