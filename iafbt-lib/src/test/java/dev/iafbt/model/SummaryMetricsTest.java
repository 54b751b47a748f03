package dev.iafbt.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.bundle.DocMap;
import org.junit.jupiter.api.Test;

class SummaryMetricsTest {
    private final SummaryMetrics summary = SummaryMetrics.of(new DocMap()
            .with("sharpe_ratio", Double.NaN).with("max_drawdown", null).with("number_of_trades", 12L)
            .with("profit_factor", Double.POSITIVE_INFINITY));

    @Test
    void knownMetricStoredAsNilReadsAsNull() {
        assertThat(summary.get("max_drawdown")).isNull();
        assertThat(summary.get("summary_max_drawdown")).isNull();
        assertThat(summary.get("win_rate")).isNull(); // missing
    }

    @Test
    void valuesKeepNanInfinityAndWidenInts() {
        assertThat(summary.get("sharpe_ratio")).isNaN();
        assertThat(summary.get(SummaryField.PROFIT_FACTOR)).isInfinite();
        assertThat(summary.get("summary_number_of_trades")).isEqualTo(12.0);
        assertThat(summary.numberOfTrades()).isEqualTo(12L);
    }

    @Test
    void unknownMetricNamesTheKnownOnes() {
        assertThatThrownBy(() -> summary.get("sharpe")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("unknown summary metric 'sharpe'", "sharpe_ratio");
    }
}
