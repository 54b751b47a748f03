package dev.iafbt.recompute;

import dev.iafbt.metrics.DatedValue;
import dev.iafbt.metrics.RunMetrics;
import dev.iafbt.metrics.RunMetricsCalculator;
import dev.iafbt.metrics.SummaryMetricsCalculator;
import dev.iafbt.metrics.TimeSeries;
import dev.iafbt.metrics.TradeCount;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.BacktestMetrics;
import dev.iafbt.model.BacktestRun;
import dev.iafbt.model.MetricSeries;
import dev.iafbt.model.SummaryMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recomputes a backtest's metrics and lists every stored value that disagrees beyond a tolerance:
 * what catches metrics written by older framework versions and hand-edited bundles. Values agree
 * when bit-equal, both NaN, or within {@code tolerance} relative (absolute below 1). The best and
 * worst trade are not compared (they are copies of trades, not figures).
 */
public final class MetricsAudit {
    /** The default tolerance: what the metrics' parity with the reference is held to. */
    public static final double DEFAULT_TOLERANCE = 1e-9;

    private MetricsAudit() {
    }

    /** At the rate a recompute uses by default: the stored rate, else 0.0. */
    public static List<StaleValue> audit(Backtest backtest, double tolerance) {
        return audit(backtest, backtest.recomputeRiskFreeRate(), tolerance);
    }

    public static List<StaleValue> audit(Backtest backtest, double riskFreeRate, double tolerance) {
        List<StaleValue> stale = new ArrayList<>();
        List<RunMetrics> fresh = new ArrayList<>();
        List<BacktestRun> runs = backtest.runs();
        for (int i = 0; i < runs.size(); i++) {
            BacktestRun run = runs.get(i);
            RunMetrics metrics = RunMetricsCalculator.compute(run.metricsInput(), riskFreeRate);
            fresh.add(metrics);
            String where = "run " + i + (run.dateRangeName() == null ? "" : " (" + run.dateRangeName() + ")");
            BacktestMetrics stored = run.metrics();
            if (stored == null) {
                stale.add(new StaleValue(where, "backtest_metrics", "none", "computed"));
                continue;
            }
            for (Map.Entry<String, Object> e : metrics.values().entrySet()) {
                compareRunField(where, e.getKey(), e.getValue(), stored, tolerance).ifPresent(stale::add);
            }
        }
        if (!fresh.isEmpty()) {
            Optional<SummaryMetrics> summary = backtest.summary();
            SummaryMetricsCalculator.compute(fresh).forEach((field, value) -> {
                Double stored = summary.map(s -> s.get(field)).orElse(null);
                Double recomputed = value instanceof Number n ? n.doubleValue() : null;
                if (!agree(stored, recomputed, tolerance)) {
                    stale.add(new StaleValue("summary", field, String.valueOf(stored), String.valueOf(recomputed)));
                }
            });
        }
        return stale;
    }

    private static Optional<StaleValue> compareRunField(String where, String field, Object value, BacktestMetrics stored,
            double tolerance) {
        if (value instanceof TimeSeries series) {
            MetricSeries old = stored.series(field);
            String difference = seriesDifference(old, series, tolerance);
            return difference == null ? Optional.empty()
                    : Optional.of(new StaleValue(where, field, old.size() + " points" + difference, series.size() + " points"));
        }
        if (field.equals("best_trade") || field.equals("worst_trade")) {
            return Optional.empty(); // copies of trades, not figures
        }
        Double oldValue;
        Double newValue;
        if (value instanceof DatedValue dated) {
            oldValue = stored.datedValue(field).value();
            newValue = dated.value();
        } else if (value instanceof TradeCount count) {
            oldValue = stored.tradeCount(field).count() == null ? null : stored.tradeCount(field).count().doubleValue();
            newValue = (double) count.count();
        } else {
            oldValue = stored.scalar(field);
            newValue = ((Number) value).doubleValue();
        }
        return agree(oldValue, newValue, tolerance) ? Optional.empty()
                : Optional.of(new StaleValue(where, field, String.valueOf(oldValue), String.valueOf(newValue)));
    }

    /** Null when the series agree; else where they first differ. */
    private static String seriesDifference(MetricSeries old, TimeSeries fresh, double tolerance) {
        if (old.size() != fresh.size()) {
            return "";
        }
        for (int i = 0; i < old.size(); i++) {
            if (old.epochMillisAt(i) != fresh.epochMillis()[i]
                    || !agree(old.valueAt(i), fresh.values()[i], tolerance)) {
                return " (first difference at point " + i + ": " + old.valueAt(i) + " vs " + fresh.values()[i] + ")";
            }
        }
        return null;
    }

    static boolean agree(Double a, Double b, double tolerance) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        if (a.equals(b) || (Double.isNaN(a) && Double.isNaN(b)) || a.doubleValue() == b.doubleValue()) {
            return true;
        }
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            return false;
        }
        return Math.abs(a - b) <= tolerance * Math.max(1.0, Math.abs(b));
    }
}
