package dev.iafbt.model;

import dev.iafbt.bundle.DocList;
import dev.iafbt.internal.bundle.IsoDateTimes;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One of the eight per-run metric series (equity curve, drawdown, …) as two columns, UTC epoch
 * milliseconds and double values, instead of a list of pairs: this is how the v2 Parquet blobs
 * store them and what charts and gates want. Immutable.
 */
public final class MetricSeries {
    /** The eight series the reference extracts to blobs, in its extraction order. */
    public static final List<String> BLOB_FIELDS = List.of("equity_curve",
            "drawdown_series", "cumulative_return_series", "rolling_sharpe_ratio", "monthly_returns",
            "yearly_returns", "twr_equity_curve", "twr_drawdown_series");

    private static final MetricSeries EMPTY = new MetricSeries(new long[0], new double[0]);

    private final long[] epochMillis;
    private final double[] values;

    private MetricSeries(long[] epochMillis, double[] values) {
        this.epochMillis = epochMillis;
        this.values = values;
    }

    public static MetricSeries empty() {
        return EMPTY;
    }

    /** Copies the arrays; they must have the same length. */
    public static MetricSeries of(long[] epochMillis, double[] values) {
        if (epochMillis.length != values.length) {
            throw new IllegalArgumentException("timestamps and values differ in length: "
                    + epochMillis.length + " vs " + values.length);
        }
        return new MetricSeries(epochMillis.clone(), values.clone());
    }

    /** Takes ownership of the arrays (for decoders that just built them). */
    static MetricSeries wrap(long[] epochMillis, double[] values) {
        return new MetricSeries(epochMillis, values);
    }

    public int size() {
        return values.length;
    }

    public boolean isEmpty() {
        return values.length == 0;
    }

    public long epochMillisAt(int index) {
        return epochMillis[index];
    }

    public Instant timeAt(int index) {
        return Instant.ofEpochMilli(epochMillis[index]);
    }

    public double valueAt(int index) {
        return values[index];
    }

    public long[] epochMillis() {
        return epochMillis.clone();
    }

    public double[] values() {
        return values.clone();
    }

    /** The last value, NaN when empty. */
    public double last() {
        return values.length == 0 ? Double.NaN : values[values.length - 1];
    }

    /**
     * The inline form a blob turns back into when the reference reads it: pairs of
     * {@code [value, "<ISO UTC with +00:00>"]}.
     */
    public DocList toPairList() {
        DocList pairs = new DocList(values.length);
        for (int i = 0; i < values.length; i++) {
            pairs.add(DocList.of(values[i], IsoDateTimes.formatEpochMillis(epochMillis[i])));
        }
        return pairs;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MetricSeries s && Arrays.equals(s.epochMillis, epochMillis)
                && Arrays.equals(s.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(epochMillis) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "MetricSeries[" + values.length + " points]";
    }
}
