package dev.iafbt.metrics;

/**
 * A computed series as the bundle stores it: UTC epoch milliseconds and values, in the reference's
 * order. The arrays are owned by the series; do not change them.
 */
public record TimeSeries(long[] epochMillis, double[] values) {
    public TimeSeries {
        if (epochMillis.length != values.length) {
            throw new IllegalArgumentException("series columns differ in length");
        }
    }

    public int size() {
        return values.length;
    }
}
