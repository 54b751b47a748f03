package dev.iafbt.recompute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.model.Backtest;
import dev.iafbt.testing.GoldenMetrics;
import dev.iafbt.testing.ReferenceFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsAuditTest {
    @Test
    void theReferencesOwnRecalculationIsUpToDate() {
        Backtest fresh = Backtest.open(GoldenMetrics.file("recomputed/batch-0a0bbdc2-v2.iafbt"));
        assertThat(MetricsAudit.audit(fresh, MetricsAudit.DEFAULT_TOLERANCE)).isEmpty();
    }

    @Test
    void metricsFromAnOlderVersionAreNamedFieldByField() {
        Backtest old = Backtest.open(ReferenceFixtures.file("batch-0a0bbdc2-v2.iafbt"));
        List<StaleValue> stale = MetricsAudit.audit(old, MetricsAudit.DEFAULT_TOLERANCE);
        // the report showed "longest win streak 0" next to 1,173 trades: stored 0, fresh 11
        assertThat(stale).anySatisfy(v -> {
            assertThat(v.run()).isEqualTo("run 0 (train_window_7)");
            assertThat(v.field()).isEqualTo("max_consecutive_wins");
            assertThat(v.stored()).isEqualTo("0.0");
            assertThat(Double.parseDouble(v.recomputed())).isPositive();
        });
        assertThat(stale).anySatisfy(v -> assertThat(v.field()).isEqualTo("twr_equity_curve"));
        assertThat(stale).anySatisfy(v -> assertThat(v.run()).isEqualTo("summary"));
        // the values the old version already computed as v8.10.0 does are not reported
        assertThat(stale).noneSatisfy(v -> assertThat(v.field()).isIn("sharpe_ratio", "sortino_ratio", "win_rate"));
    }

    @Test
    void aHandEditedValueIsCaught() {
        Backtest edited = Backtest.open(GoldenMetrics.file("edge/edge-11-rfr-0.027.iafbt"));
        edited.runs().get(0).metrics().raw().put("max_drawdown", 0.01);
        List<StaleValue> stale = MetricsAudit.audit(edited, MetricsAudit.DEFAULT_TOLERANCE);
        assertThat(stale).extracting(StaleValue::field).containsExactly("max_drawdown");
        assertThat(stale.get(0).stored()).isEqualTo("0.01");
    }

    @Test
    void theRateDecidesTheSharpeRatio() {
        Backtest atZero = Backtest.open(GoldenMetrics.file("edge/edge-12-rfr-0.0.iafbt"));
        assertThat(MetricsAudit.audit(atZero, 0.027, MetricsAudit.DEFAULT_TOLERANCE)).extracting(StaleValue::field)
                .contains("sharpe_ratio", "sortino_ratio").doesNotContain("cagr", "rolling_sharpe_ratio");
    }
}
