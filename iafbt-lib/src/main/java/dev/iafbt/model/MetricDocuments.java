package dev.iafbt.model;

import dev.iafbt.bundle.DocList;
import dev.iafbt.bundle.DocMap;
import dev.iafbt.internal.bundle.IsoDateTimes;
import dev.iafbt.metrics.DatedValue;
import dev.iafbt.metrics.RunMetrics;
import dev.iafbt.metrics.TimeSeries;
import dev.iafbt.metrics.TradeCount;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Computed metrics as the reference's {@code BacktestMetrics.to_dict()} and
 * {@code BacktestSummaryMetrics.to_dict()} write them: identity fields first, series as
 * {@code [value, ISO]} pairs (yearly labels naive, the rest with {@code +00:00}; the v2 writer
 * turns them into blobs), {@code best_month}-style pairs, trade counts as {@code [count, percent]}
 * and the best and worst trade as the run's own trade maps.
 */
final class MetricDocuments {
    private static final List<String> YEARLY = List.of("yearly_returns", "best_year", "worst_year");

    private MetricDocuments() {
    }

    static DocMap runMetrics(BacktestRun run, RunMetrics metrics) {
        DocMap out = new DocMap(RunMetrics.FIELDS.size() + 5);
        DocMap raw = run.raw();
        out.put("backtest_start_date", IsoDateTimes.formatUtc(run.startDate()));
        out.put("backtest_end_date", IsoDateTimes.formatUtc(run.endDate()));
        out.put("backtest_date_range_name", orElse(raw.get("backtest_date_range_name"), ""));
        out.put("trading_symbol", orElse(raw.get("trading_symbol"), ""));
        out.put("initial_unallocated", orElse(raw.get("initial_unallocated"), 0.0));
        List<Trade> trades = run.trades();
        for (Map.Entry<String, Object> e : metrics.values().entrySet()) {
            out.put(e.getKey(), value(e.getKey(), e.getValue(), trades));
        }
        return out;
    }

    static DocMap summary(Map<String, Object> summary) {
        DocMap out = new DocMap(summary.size());
        summary.forEach(out::put);
        return out;
    }

    private static Object value(String field, Object value, List<Trade> trades) {
        boolean yearly = YEARLY.contains(field);
        if (value instanceof TimeSeries series) {
            DocList pairs = new DocList(series.size());
            for (int i = 0; i < series.size(); i++) {
                pairs.add(DocList.of(series.values()[i], label(series.epochMillis()[i], yearly)));
            }
            return pairs;
        }
        if (value instanceof DatedValue dated) {
            return DocList.of(dated.value(), dated.epochMillis() == null ? null : label(dated.epochMillis(), yearly));
        }
        if (value instanceof TradeCount count) {
            return DocList.of(count.count(), count.percentage());
        }
        if (field.equals("best_trade") || field.equals("worst_trade")) {
            return value == null ? null : trades.get((Integer) value).raw();
        }
        return value;
    }

    private static String label(long epochMillis, boolean naive) {
        Instant at = Instant.ofEpochMilli(epochMillis);
        return naive ? IsoDateTimes.formatRaw(at.atOffset(ZoneOffset.UTC).toLocalDateTime()) : IsoDateTimes.formatUtc(at);
    }

    private static Object orElse(Object value, Object fallback) {
        return value == null ? fallback : value;
    }
}
