package dev.iafbt.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The drawdown periods and the underwater curve of an equity curve (times ascending), with the
 * reference's definitions: a period opens at the first value below the running peak and closes at
 * the first value back at or above it ({@code get_max_drawdown_duration}); the underwater curve is
 * {@code get_drawdown_series}. The reference's {@code max_drawdown_duration} is the longest
 * period, and for a curve of positive values its {@code max_drawdown} is minus the deepest depth.
 */
public final class DrawdownPeriods {
    private DrawdownPeriods() {
    }

    /** Every drawdown period in time order. */
    public static List<DrawdownPeriod> of(long[] epochMillis, double[] values) {
        if (epochMillis.length != values.length) {
            throw new IllegalArgumentException("curve columns differ in length");
        }
        List<DrawdownPeriod> out = new ArrayList<>();
        for (int[] p : indices(values)) {
            double peak = values[p[0]];
            double depth = peak > 0 ? (values[p[2]] - peak) / peak : 0.0;
            out.add(new DrawdownPeriod(p[0], p[1], p[2], p[3], epochMillis[p[0]], epochMillis[p[1]],
                    epochMillis[p[2]], p[3] < 0 ? -1 : epochMillis[p[3]], depth));
        }
        return out;
    }

    /** The {@code n} deepest of {@code periods}, deepest first (ties: the earlier first). */
    public static List<DrawdownPeriod> worst(List<DrawdownPeriod> periods, int n) {
        List<DrawdownPeriod> all = new ArrayList<>(periods);
        all.sort(Comparator.comparingDouble(DrawdownPeriod::depth).thenComparingLong(DrawdownPeriod::peakMillis));
        return all.subList(0, Math.min(n, all.size()));
    }

    /** The reference's {@code drawdown_series} of these values: the fall from the running peak, ≤ 0. */
    public static double[] underwater(double[] values) {
        return DrawdownMetrics.drawdownSeries(values);
    }

    /**
     * Each period as {peak, first under water, valley, recovery or -1}, walking the values as the
     * reference's duration does: {@code V < peak} is under water, {@code V >= peak} recovers and
     * moves the peak (a NaN does neither).
     */
    static List<int[]> indices(double[] v) {
        List<int[]> out = new ArrayList<>();
        if (v.length == 0) {
            return out;
        }
        int peak = 0;
        int start = -1;
        int valley = -1;
        for (int i = 0; i < v.length; i++) {
            if (v[i] < v[peak]) {
                if (start < 0) {
                    start = i;
                    valley = i;
                } else if (v[i] < v[valley]) {
                    valley = i;
                }
            } else if (v[i] >= v[peak]) {
                if (start >= 0) {
                    out.add(new int[] {peak, start, valley, i});
                    start = -1;
                }
                peak = i;
            }
        }
        if (start >= 0) {
            out.add(new int[] {peak, start, valley, -1});
        }
        return out;
    }
}
