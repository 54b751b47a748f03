package dev.iafbt.index;

import dev.iafbt.model.SummaryField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One row of the Tier-1 index: a bundle's identity, its provenance and its 55 summary metrics
 * (the reference's {@code BacktestIndexRow} plus the two provenance columns). Immutable; build one with {@link #builder()}.
 *
 * <p>Summary values are Long for the 8 integer fields as SQLite returns them and Double otherwise;
 * NaN is a legitimate in-memory value (it is stored as NULL). Summary keys that are not one
 * of the 55 fields, such as an extra {@code summary_x} column of a newer index file, are kept in
 * {@link #summaryExtras()} instead of failing like the reference.
 */
public final class IndexRow {
    private final String bundlePath;
    private final String algorithmId;
    private final String tag;
    private final String frameworkVersion;
    private final String engineType;
    private final Double riskFreeRate;
    private final long numberOfRuns;
    private final Map<String, Object> parameters;
    private final List<Object> strategyIds;
    private final Map<String, Object> extras;
    private final Map<SummaryField, Number> summary;
    private final Map<String, Object> summaryExtras;
    private final Long bundleMtimeNs;
    private final Long bundleSize;

    private IndexRow(Builder b) {
        bundlePath = b.bundlePath;
        algorithmId = b.algorithmId;
        tag = b.tag;
        frameworkVersion = b.frameworkVersion;
        engineType = b.engineType;
        riskFreeRate = b.riskFreeRate;
        numberOfRuns = b.numberOfRuns;
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.parameters));
        strategyIds = Collections.unmodifiableList(new ArrayList<>(b.strategyIds));
        extras = Collections.unmodifiableMap(new LinkedHashMap<>(b.extras));
        summary = Collections.unmodifiableMap(new EnumMap<>(b.summary));
        summaryExtras = Collections.unmodifiableMap(new LinkedHashMap<>(b.summaryExtras));
        bundleMtimeNs = b.bundleMtimeNs;
        bundleSize = b.bundleSize;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this row, for edits. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.bundlePath = bundlePath;
        b.algorithmId = algorithmId;
        b.tag = tag;
        b.frameworkVersion = frameworkVersion;
        b.engineType = engineType;
        b.riskFreeRate = riskFreeRate;
        b.numberOfRuns = numberOfRuns;
        b.parameters.putAll(parameters);
        b.strategyIds.addAll(strategyIds);
        b.extras.putAll(extras);
        b.summary.putAll(summary);
        b.summaryExtras.putAll(summaryExtras);
        b.bundleMtimeNs = bundleMtimeNs;
        b.bundleSize = bundleSize;
        return b;
    }

    /** The primary key; its meaning depends on the writer (relative, absolute, bare handle). */
    public String bundlePath() {
        return bundlePath;
    }

    public String algorithmId() {
        return algorithmId;
    }

    public String tag() {
        return tag;
    }

    /** Always null in rows the reference writes. */
    public String frameworkVersion() {
        return frameworkVersion;
    }

    /** {@code "vector"}, {@code "event"} or null. */
    public String engineType() {
        return engineType;
    }

    public Double riskFreeRate() {
        return riskFreeRate;
    }

    public long numberOfRuns() {
        return numberOfRuns;
    }

    /** The strategy parameters in their original order; empty when the bundle has none. */
    public Map<String, Object> parameters() {
        return parameters;
    }

    public List<Object> strategyIds() {
        return strategyIds;
    }

    public Map<String, Object> extras() {
        return extras;
    }

    /** {@code st_mtime_ns} of the bundle when it was indexed, or null. */
    public Long bundleMtimeNs() {
        return bundleMtimeNs;
    }

    /** Size in bytes of the bundle when it was indexed, or null. */
    public Long bundleSize() {
        return bundleSize;
    }

    public Provenance provenance() {
        return new Provenance(bundleMtimeNs, bundleSize);
    }

    /** The value of one summary metric (Long or Double, NaN allowed), or null when absent. */
    public Number summary(SummaryField field) {
        return summary.get(field);
    }

    /** The metric as a double, NaN when absent: convenient for arithmetic and gates. */
    public double summaryDouble(SummaryField field) {
        Number value = summary.get(field);
        return value == null ? Double.NaN : value.doubleValue();
    }

    /** The present summary values in to_dict order; absent (None) fields are not in the map. */
    public Map<SummaryField, Number> summaryValues() {
        return summary;
    }

    /** Summary keys that are none of the 55 fields, without the {@code summary_} prefix. */
    public Map<String, Object> summaryExtras() {
        return summaryExtras;
    }

    /**
     * Whether the row carries a summary at all. Mirrors the reference reading a row back: the
     * summary is None when every summary column is NULL.
     */
    public boolean hasSummary() {
        return !summary.isEmpty() || !summaryExtras.isEmpty();
    }

    /**
     * The row keyed by the index table's column names ({@code summary_sharpe_ratio}, ...), with the
     * values the index stores: what a query over the table would return for this row, so that
     * in-memory rankings see exactly the index's values.
     */
    public LinkedHashMap<String, Object> columnValues() {
        return RowBinder.columnValues(this);
    }

    /** One entry of {@link #columnValues()} without building the others (no JSON encoded); null for an unknown column. */
    public Object columnValue(String column) {
        return RowBinder.columnValue(this, column);
    }

    /**
     * {@link #columnValue} of one column resolved once, for reading that column of many rows; null
     * for a column the schema lacks.
     */
    public static Function<IndexRow, Object> columnReader(String column) {
        return RowBinder.columnReader(column);
    }

    /** The reference's {@code to_flat_dict()}; see {@link FlatRows}. */
    public LinkedHashMap<String, Object> toFlatMap() {
        return FlatRows.toFlatMap(this);
    }

    /** The reference's {@code from_flat_dict()}, tolerant of unknown summary keys; see {@link FlatRows}. */
    public static IndexRow fromFlatMap(Map<String, ?> flat) {
        return FlatRows.fromFlatMap(flat);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof IndexRow r)) {
            return false;
        }
        // Double.equals treats NaN as equal to NaN, which is what a round trip needs.
        return numberOfRuns == r.numberOfRuns && Objects.equals(bundlePath, r.bundlePath)
                && Objects.equals(algorithmId, r.algorithmId) && Objects.equals(tag, r.tag)
                && Objects.equals(frameworkVersion, r.frameworkVersion)
                && Objects.equals(engineType, r.engineType)
                && Objects.equals(riskFreeRate, r.riskFreeRate)
                && parameters.equals(r.parameters) && strategyIds.equals(r.strategyIds)
                && extras.equals(r.extras) && summary.equals(r.summary)
                && summaryExtras.equals(r.summaryExtras)
                && Objects.equals(bundleMtimeNs, r.bundleMtimeNs)
                && Objects.equals(bundleSize, r.bundleSize);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bundlePath, algorithmId, tag, numberOfRuns, summary);
    }

    @Override
    public String toString() {
        return "IndexRow[" + bundlePath + ", algorithm_id=" + algorithmId + ", tag=" + tag
                + ", runs=" + numberOfRuns + ", " + summary.size() + " summary values]";
    }

    /** Mutable builder; every setter returns the builder. */
    public static final class Builder {
        private String bundlePath;
        private String algorithmId;
        private String tag;
        private String frameworkVersion;
        private String engineType;
        private Double riskFreeRate;
        private long numberOfRuns;
        private final Map<String, Object> parameters = new LinkedHashMap<>();
        private final List<Object> strategyIds = new ArrayList<>();
        private final Map<String, Object> extras = new LinkedHashMap<>();
        private final Map<SummaryField, Number> summary = new EnumMap<>(SummaryField.class);
        private final Map<String, Object> summaryExtras = new LinkedHashMap<>();
        private Long bundleMtimeNs;
        private Long bundleSize;

        private Builder() {
        }

        public Builder bundlePath(String value) {
            bundlePath = value;
            return this;
        }

        public Builder algorithmId(String value) {
            algorithmId = value;
            return this;
        }

        public Builder tag(String value) {
            tag = value;
            return this;
        }

        public Builder frameworkVersion(String value) {
            frameworkVersion = value;
            return this;
        }

        public Builder engineType(String value) {
            engineType = value;
            return this;
        }

        public Builder riskFreeRate(Double value) {
            riskFreeRate = value;
            return this;
        }

        public Builder numberOfRuns(long value) {
            numberOfRuns = value;
            return this;
        }

        /** Replaces the parameters; the map's iteration order is kept. */
        public Builder parameters(Map<String, ?> values) {
            parameters.clear();
            if (values != null) {
                parameters.putAll(values);
            }
            return this;
        }

        public Builder parameter(String name, Object value) {
            parameters.put(name, value);
            return this;
        }

        public Builder strategyIds(List<?> values) {
            strategyIds.clear();
            if (values != null) {
                strategyIds.addAll(values);
            }
            return this;
        }

        public Builder extras(Map<String, ?> values) {
            extras.clear();
            if (values != null) {
                extras.putAll(values);
            }
            return this;
        }

        public Builder extra(String key, Object value) {
            extras.put(key, value);
            return this;
        }

        /** Sets one metric; null removes it. Integral values become Long, others Double. */
        public Builder summary(SummaryField field, Number value) {
            Number normalised = SqliteNumbers.normalise(value);
            if (normalised == null) {
                summary.remove(field);
            } else {
                summary.put(field, normalised);
            }
            return this;
        }

        /** Sets every metric of {@code values}, leaving the others as they are. */
        public Builder summary(Map<SummaryField, ? extends Number> values) {
            values.forEach(this::summary);
            return this;
        }

        /** Removes every summary value and extra: the row then has no summary. */
        public Builder clearSummary() {
            summary.clear();
            summaryExtras.clear();
            return this;
        }

        /** A summary key that is none of the 55 fields (without the {@code summary_} prefix). */
        public Builder summaryExtra(String key, Object value) {
            summaryExtras.put(key, value);
            return this;
        }

        public Builder provenance(Long mtimeNs, Long size) {
            bundleMtimeNs = mtimeNs;
            bundleSize = size;
            return this;
        }

        public IndexRow build() {
            return new IndexRow(this);
        }
    }
}
