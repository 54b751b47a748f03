package dev.iafbt.internal.parquet;

import java.util.Objects;

/**
 * A metric series as two parallel columns: UTC epoch milliseconds and values. NaN and ±infinity
 * are ordinary values (the reference stores NaN as NaN, not null). The arrays are
 * handed over, not copied.
 */
public record SeriesColumns(long[] epochMillis, double[] values) {
    public SeriesColumns {
        Objects.requireNonNull(epochMillis, "epochMillis");
        Objects.requireNonNull(values, "values");
        if (epochMillis.length != values.length) {
            throw new IllegalArgumentException(epochMillis.length + " timestamps but " + values.length + " values");
        }
    }

    public int size() {
        return epochMillis.length;
    }
}
