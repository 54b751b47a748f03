package dev.iafbt.index;

import dev.iafbt.model.SummaryField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference's flat-dict form of an index row ({@code BacktestIndexRow.to_flat_dict} /
 * {@code from_flat_dict}), the shape of a tabular export such as
 * {@code index.parquet}.
 *
 * <p>Written in order: the 7 identity keys, {@code parameters} and {@code strategy_ids} as JSON
 * strings (null when empty), {@code summary.<field>} for all 55 fields in to_dict order when the
 * row has a summary, then {@code extras.<key>}. Two deliberate additions keep the round trip
 * lossless for Java callers: extras that are not scalars are kept (the reference drops them), and
 * non-null provenance is written as {@code bundle_mtime_ns}/{@code bundle_size} (a Python reader
 * files those under extras). Reading is tolerant: an unknown {@code summary.x} becomes a summary
 * extra where the reference raises TypeError, and any other unknown key becomes an extra.
 */
final class FlatRows {
    static final String SUMMARY_PREFIX = "summary.";
    static final String EXTRAS_PREFIX = "extras.";

    private FlatRows() {
    }

    static LinkedHashMap<String, Object> toFlatMap(IndexRow row) {
        LinkedHashMap<String, Object> flat = new LinkedHashMap<>();
        flat.put("algorithm_id", row.algorithmId());
        flat.put("tag", row.tag());
        flat.put("bundle_path", row.bundlePath());
        flat.put("framework_version", row.frameworkVersion());
        flat.put("engine_type", row.engineType());
        flat.put("risk_free_rate", row.riskFreeRate());
        flat.put("number_of_runs", row.numberOfRuns());
        flat.put("parameters", JsonColumns.encode(row.parameters()));
        flat.put("strategy_ids", JsonColumns.encode(row.strategyIds()));
        if (row.hasSummary()) {
            for (SummaryField field : SummaryField.values()) {
                flat.put(SUMMARY_PREFIX + field.key(), row.summary(field));
            }
            row.summaryExtras().forEach((k, v) -> flat.put(SUMMARY_PREFIX + k, v));
        }
        row.extras().forEach((k, v) -> flat.put(EXTRAS_PREFIX + k, v));
        if (row.bundleMtimeNs() != null) {
            flat.put(IndexSchema.BUNDLE_MTIME_NS, row.bundleMtimeNs());
        }
        if (row.bundleSize() != null) {
            flat.put(IndexSchema.BUNDLE_SIZE, row.bundleSize());
        }
        return flat;
    }

    static IndexRow fromFlatMap(Map<String, ?> flat) {
        IndexRow.Builder b = IndexRow.builder();
        Long mtime = null;
        Long size = null;
        for (Map.Entry<String, ?> entry : flat.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            switch (key) {
                case "algorithm_id" -> b.algorithmId(text(value));
                case "tag" -> b.tag(text(value));
                case "bundle_path" -> b.bundlePath(text(value));
                case "framework_version" -> b.frameworkVersion(text(value));
                case "engine_type" -> b.engineType(text(value));
                case "risk_free_rate" -> b.riskFreeRate(value == null ? null : number(key, value).doubleValue());
                case "number_of_runs" -> b.numberOfRuns(value == null ? 0 : number(key, value).longValue());
                case "parameters" -> b.parameters(objectValue(key, value));
                case "strategy_ids" -> b.strategyIds(arrayValue(key, value));
                case IndexSchema.BUNDLE_MTIME_NS -> mtime = value == null ? null : number(key, value).longValue();
                case IndexSchema.BUNDLE_SIZE -> size = value == null ? null : number(key, value).longValue();
                default -> putPrefixed(b, key, value);
            }
        }
        return b.provenance(mtime, size).build();
    }

    private static void putPrefixed(IndexRow.Builder b, String key, Object value) {
        if (key.startsWith(SUMMARY_PREFIX)) {
            String name = key.substring(SUMMARY_PREFIX.length());
            SummaryField field = SummaryField.byKey(name).filter(f -> f.key().equals(name)).orElse(null);
            Number number = SqliteNumbers.fromObject(value);
            if (field != null && (value == null || number != null)) {
                b.summary(field, number);
            } else {
                b.summaryExtra(name, value);
            }
        } else if (key.startsWith(EXTRAS_PREFIX)) {
            b.extra(key.substring(EXTRAS_PREFIX.length()), value);
        } else {
            b.extra(key, value);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Number number(String key, Object value) {
        Number n = SqliteNumbers.fromObject(value);
        if (n == null) {
            throw new IllegalArgumentException("flat row key '" + key + "' must be a number, found "
                    + value.getClass().getSimpleName() + " " + value);
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> objectValue(String key, Object value) {
        if (value == null || value instanceof Map) {
            return (Map<String, ?>) value;
        }
        return JsonColumns.decodeObject(value.toString());
    }

    private static List<?> arrayValue(String key, Object value) {
        if (value == null || value instanceof List) {
            return (List<?>) value;
        }
        return JsonColumns.decodeArray(value.toString());
    }
}
