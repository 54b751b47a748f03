package dev.iafbt.model;

import dev.iafbt.bundle.Bundle;
import dev.iafbt.bundle.DocMap;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The backtest's 55-field cross-window roll-up, as stored: a bundle save never
 * recomputes it, and neither does this view. Any field may be nil, NaN or ±inf.
 */
public final class SummaryMetrics extends DocView {
    SummaryMetrics(Bundle bundle, DocMap map, String path) {
        super(bundle, map, path);
    }

    /** A view over a bare summary map (for builders and tests). */
    public static SummaryMetrics of(DocMap map) {
        return new SummaryMetrics(null, map, "summary");
    }

    /** The value as a double (ints widened); null when nil or missing. NaN and ±inf as stored. */
    public Double get(SummaryField field) {
        return doubleOrNull(field.key());
    }

    /** Like {@link #get(SummaryField)} by key; {@code summary_}-prefixed names are accepted. */
    public Double get(String key) {
        SummaryField field = SummaryField.byKey(key).orElseThrow(() -> new IllegalArgumentException(
                "unknown summary metric '" + key + "'; known: " + Arrays.stream(SummaryField.values())
                        .map(SummaryField::key).toList()));
        return get(field);
    }

    /** The stored value as it is: Long, Double, null, or (rarely) a string. */
    public Object stored(SummaryField field) {
        return value(field.key());
    }

    public boolean isStored(SummaryField field) {
        return has(field.key());
    }

    /** All 55 values in to_dict order, null for nil or missing. */
    public Map<SummaryField, Double> values() {
        Map<SummaryField, Double> values = new EnumMap<>(SummaryField.class);
        for (SummaryField field : SummaryField.values()) {
            values.put(field, get(field));
        }
        return values;
    }

    /** Keys in the stored map that are not summary fields (the reference's reader rejects them). */
    public Map<String, Object> unknownEntries() {
        Map<String, Object> unknown = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (SummaryField.byKey(key).isEmpty()) {
                unknown.put(key, value);
            }
        });
        return unknown;
    }

    public Double sharpeRatio() {
        return get(SummaryField.SHARPE_RATIO);
    }

    public Double maxDrawdown() {
        return get(SummaryField.MAX_DRAWDOWN);
    }

    public Double totalNetGain() {
        return get(SummaryField.TOTAL_NET_GAIN);
    }

    public Long numberOfTrades() {
        return longOrNull(SummaryField.NUMBER_OF_TRADES.key());
    }
}
