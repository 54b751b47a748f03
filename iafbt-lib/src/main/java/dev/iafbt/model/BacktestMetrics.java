package dev.iafbt.model;

import dev.iafbt.bundle.Bundle;
import dev.iafbt.bundle.DocList;
import dev.iafbt.bundle.DocMap;
import dev.iafbt.internal.bundle.IsoDateTimes;
import java.time.Instant;
import java.util.Optional;

/**
 * The per-run metrics: about 55 scalars, the eight series (inline pair lists, or
 * {@code {"@blob": key}} references into the v2 {@code blobs} map), pairs such as
 * {@code best_month}, and the best and worst trade.
 */
public final class BacktestMetrics extends DocView {
    private final BlobResolver blobs;

    BacktestMetrics(Bundle bundle, DocMap map, String path, BlobResolver blobs) {
        super(bundle, map, path);
        this.blobs = blobs;
    }

    /** Any scalar metric by its bundle key, as a double; null when nil or missing. */
    public Double scalar(String key) {
        return doubleOrNull(key);
    }

    /**
     * One of the eight series by name. A blob reference is decoded from its Parquet blob (once;
     * the result is cached per bundle); a reference whose blob is missing is an error, unlike the
     * reference, which silently reads it as empty.
     */
    public MetricSeries series(String field) {
        Object value = value(field);
        if (value == null) {
            return MetricSeries.empty();
        }
        if (value instanceof DocMap ref && ref.get(BlobResolver.REF_KEY) instanceof String key) {
            return blobs.series(key, where(field));
        }
        if (value instanceof DocList pairs) {
            return InlineSeries.parse(pairs, bundle == null ? "document" : bundle.sourceName(), where(field));
        }
        throw shape(field, "a list of [value, datetime] pairs or a blob reference", value);
    }

    /** The blob key this series points to, when it is stored as a v2 blob. */
    public Optional<String> blobKey(String field) {
        Object value = map.get(field);
        return value instanceof DocMap ref && ref.get(BlobResolver.REF_KEY) instanceof String key
                ? Optional.of(key) : Optional.empty();
    }

    public MetricSeries equityCurve() {
        return series("equity_curve");
    }

    public MetricSeries drawdownSeries() {
        return series("drawdown_series");
    }

    public MetricSeries rollingSharpeRatio() {
        return series("rolling_sharpe_ratio");
    }

    public Double sharpeRatio() {
        return scalar("sharpe_ratio");
    }

    public Double maxDrawdown() {
        return scalar("max_drawdown");
    }

    public Double totalNetGain() {
        return scalar("total_net_gain");
    }

    public Double finalValue() {
        return scalar("final_value");
    }

    public Long numberOfTrades() {
        return longOrNull("number_of_trades");
    }

    /**
     * {@code number_of_positive_trades}/{@code _negative_}: written as {@code [count, pct_0_100]}
     * by the current reference, as a plain int by older bundles.
     */
    public TradeCount tradeCount(String key) {
        Object value = value(key);
        if (value instanceof DocList pair && !pair.isEmpty()) {
            Long count = DocNumbers.toLong(pair.get(0), () -> where(key) + "[0]");
            Double pct = pair.size() > 1 ? DocNumbers.toDouble(pair.get(1), () -> where(key) + "[1]") : null;
            return new TradeCount(count, pct);
        }
        return new TradeCount(longOrNull(key), null);
    }

    /** {@code best_month} and friends: {@code [value|nil, datetime|nil]}; nils come back as null. */
    public DatedValue datedValue(String key) {
        Object value = value(key);
        if (value instanceof DocList pair && pair.size() == 2) {
            return new DatedValue(DocNumbers.toDouble(pair.get(0), () -> where(key) + "[0]"),
                    IsoDateTimes.parseOrNull(pair.get(1)));
        }
        if (value == null) {
            return new DatedValue(null, null);
        }
        throw shape(key, "a [value, datetime] pair", value);
    }

    public Optional<Trade> bestTrade() {
        DocMap trade = mapOrNull("best_trade");
        return trade == null ? Optional.empty() : Optional.of(new Trade(bundle, trade, where("best_trade")));
    }

    public Optional<Trade> worstTrade() {
        DocMap trade = mapOrNull("worst_trade");
        return trade == null ? Optional.empty() : Optional.of(new Trade(bundle, trade, where("worst_trade")));
    }

    public Instant startDate() {
        return instant("backtest_start_date");
    }

    public Instant endDate() {
        return instant("backtest_end_date");
    }

    /** A count stored either as an int or as {@code [count, percentage 0–100]}. */
    public record TradeCount(Long count, Double percentage) {
    }

    /** A value with its date, either of which may be absent. */
    public record DatedValue(Double value, Instant time) {
    }
}
