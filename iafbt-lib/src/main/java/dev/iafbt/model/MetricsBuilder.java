package dev.iafbt.model;

import dev.iafbt.bundle.DocList;
import dev.iafbt.bundle.DocMap;
import dev.iafbt.internal.bundle.IsoDateTimes;
import java.time.Instant;
import java.time.ZoneOffset;

/** Builds a run's {@code backtest_metrics} map with every key in reference order. */
public final class MetricsBuilder extends MapBuilder<MetricsBuilder> {
    MetricsBuilder(Instant start, Instant end) {
        super(DocumentSkeletons.metrics());
        map.put("backtest_start_date", IsoDateTimes.formatUtc(start));
        map.put("backtest_end_date", IsoDateTimes.formatUtc(end));
    }

    public static MetricsBuilder window(Instant start, Instant end) {
        return new MetricsBuilder(start, end);
    }

    /**
     * Sets one of the series. Timestamps are written as the engines write them (ISO with
     * {@code +00:00}); yearly labels as naive {@code YYYY-01-01T00:00:00}.
     */
    public MetricsBuilder series(String field, MetricSeries series) {
        if (!MetricSeries.BLOB_FIELDS.contains(field)) {
            throw new IllegalArgumentException("'" + field + "' is not a metric series; known: " + MetricSeries.BLOB_FIELDS);
        }
        DocList pairs = new DocList(series.size());
        boolean yearly = "yearly_returns".equals(field);
        for (int i = 0; i < series.size(); i++) {
            String time = yearly
                    ? IsoDateTimes.formatRaw(series.timeAt(i).atOffset(ZoneOffset.UTC).toLocalDateTime())
                    : IsoDateTimes.formatUtc(series.timeAt(i));
            pairs.add(DocList.of(series.valueAt(i), time));
        }
        map.put(field, pairs);
        return this;
    }

    public MetricsBuilder sharpeRatio(double value) {
        return set("sharpe_ratio", value);
    }

    public MetricsBuilder maxDrawdown(double value) {
        return set("max_drawdown", value);
    }

    public MetricsBuilder totalNetGain(double value) {
        return set("total_net_gain", value);
    }

    DocMap build() {
        return map;
    }

    @Override
    String kind() {
        return "BacktestMetrics";
    }
}
