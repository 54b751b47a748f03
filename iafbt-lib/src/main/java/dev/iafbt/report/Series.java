package dev.iafbt.report;

import dev.iafbt.metrics.TimeSeries;
import dev.iafbt.model.MetricSeries;
import java.util.Arrays;

/**
 * A time series as the report uses it: epoch-millisecond times ascending and finite values. Built
 * from a stored {@link MetricSeries} by dropping non-finite points and sorting by time (stored
 * series are usually sorted, but nothing in the format promises it).
 */
public record Series(long[] times, double[] values) {
    public static final Series EMPTY = new Series(new long[0], new double[0]);

    public Series {
        if (times.length != values.length) {
            throw new IllegalArgumentException("times and values differ in length");
        }
    }

    public static Series of(MetricSeries stored) {
        int n = stored.size();
        Integer[] order = new Integer[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(stored.valueAt(i))) {
                order[kept++] = i;
            }
        }
        Integer[] finite = Arrays.copyOf(order, kept);
        Arrays.sort(finite, (a, b) -> Long.compare(stored.epochMillisAt(a), stored.epochMillisAt(b)));
        long[] t = new long[kept];
        double[] v = new double[kept];
        for (int i = 0; i < kept; i++) {
            t[i] = stored.epochMillisAt(finite[i]);
            v[i] = stored.valueAt(finite[i]);
        }
        return new Series(t, v);
    }

    /** A computed series (times ascending) without its non-finite points. */
    public static Series finite(TimeSeries computed) {
        long[] t = new long[computed.size()];
        double[] v = new double[computed.size()];
        int n = 0;
        for (int i = 0; i < computed.size(); i++) {
            if (Double.isFinite(computed.values()[i])) {
                t[n] = computed.epochMillis()[i];
                v[n++] = computed.values()[i];
            }
        }
        return new Series(Arrays.copyOf(t, n), Arrays.copyOf(v, n));
    }

    public int size() {
        return times.length;
    }

    public boolean isEmpty() {
        return times.length == 0;
    }

    /** The points at {@code indices} (ascending). */
    public Series select(int[] indices) {
        long[] t = new long[indices.length];
        double[] v = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            t[i] = times[indices[i]];
            v[i] = values[indices[i]];
        }
        return new Series(t, v);
    }

    /** Growth from the first value as a fraction: v/v0 − 1 (empty when v0 is not positive). */
    public Series growth() {
        if (isEmpty() || !(values[0] > 0)) {
            return EMPTY;
        }
        double[] g = new double[values.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = values[i] / values[0] - 1;
        }
        return new Series(times, g);
    }
}
