package dev.iafbt.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.metrics.RunMetrics;
import dev.iafbt.metrics.RunMetricsCalculator;
import dev.iafbt.recompute.MetricsAudit;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A Java backtester passes snapshots and trades and gets every metric, series and the summary. */
class ComputedMetricsBuilderTest {
    private static final Instant START = Instant.parse("2023-01-01T00:00:00Z");

    private static RunBuilder run(int days, double drift) {
        RunBuilder run = RunBuilder.window(START, START.plus(Duration.ofDays(days))).name("w" + days)
                .tradingSymbol("EUR").initialUnallocated(1000);
        double value = 1000;
        for (int d = 0; d <= days; d++) {
            value *= 1 + drift * Math.sin(d / 7.0);
            run.snapshot(START.plus(Duration.ofDays(d)), value);
        }
        return run.trade(TradeBuilder.withId(1).set("status", "CLOSED").set("net_gain", 12.5).set("cost", 250.0)
                        .set("amount", 0.01).set("open_price", 25000.0).set("opened_at", "2023-01-03T00:00:00+00:00")
                        .set("closed_at", "2023-01-20T00:00:00+00:00"))
                .trade(TradeBuilder.withId(2).set("status", "CLOSED").set("net_gain", -4.0).set("cost", 200.0)
                        .set("amount", 0.01).set("open_price", 20000.0).set("opened_at", "2023-02-01T00:00:00+00:00")
                        .set("closed_at", "2023-02-02T12:00:00+00:00"));
    }

    @Test
    void buildingWithComputeMetricsGivesACompleteFreshBundle() {
        Backtest backtest = Backtest.builder("java-backtester").run(run(400, 0.01)).run(run(120, -0.004))
                .computeMetrics(0.027).build();

        assertThat(backtest.riskFreeRate()).isEqualTo(0.027);
        assertThat(MetricsAudit.audit(backtest, 0.0)).isEmpty();
        BacktestRun first = backtest.runs().get(0);
        RunMetrics expected = RunMetricsCalculator.compute(first.metricsInput(), 0.027);
        assertThat(first.metrics().sharpeRatio()).isEqualTo(expected.number("sharpe_ratio"));
        assertThat(first.metrics().equityCurve().size()).isEqualTo(401);
        assertThat(first.metrics().scalar("win_rate")).isEqualTo(0.5);
        assertThat(backtest.summary().orElseThrow().get(SummaryField.NUMBER_OF_TRADES)).isEqualTo(4.0);
        assertThat(backtest.summary().orElseThrow().get("max_drawdown"))
                .isEqualTo(Math.min(first.metrics().maxDrawdown(), backtest.runs().get(1).metrics().maxDrawdown()));
    }
}
