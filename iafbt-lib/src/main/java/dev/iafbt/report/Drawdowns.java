package dev.iafbt.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Drawdown analytics of an equity curve, computed from the values themselves (the stored
 * {@code drawdown_series} is not needed and may be absent). A period opens when a value falls
 * below the running peak and closes at the first value back at or above that peak.
 */
public final class Drawdowns {
    private Drawdowns() {
    }

    /** Every drawdown period in time order. */
    public static List<DrawdownPeriod> periods(Series equity) {
        List<DrawdownPeriod> out = new ArrayList<>();
        long[] t = equity.times();
        double[] v = equity.values();
        int peak = 0;
        int valley = -1;
        for (int i = 1; i < v.length; i++) {
            if (v[i] >= v[peak]) {
                if (valley >= 0) {
                    out.add(period(equity, peak, valley, i));
                    valley = -1;
                }
                peak = i;
            } else if (valley < 0 || v[i] < v[valley]) {
                valley = i;
            }
        }
        if (valley >= 0) {
            out.add(period(equity, peak, valley, -1));
        }
        return out;
    }

    /** The {@code n} deepest periods, deepest first (ties: the earlier first). */
    public static List<DrawdownPeriod> worst(Series equity, int n) {
        List<DrawdownPeriod> all = new ArrayList<>(periods(equity));
        all.sort(Comparator.comparingDouble(DrawdownPeriod::depth).thenComparingLong(DrawdownPeriod::peakMillis));
        return all.subList(0, Math.min(n, all.size()));
    }

    /** The underwater curve: v / running max − 1, a fraction ≤ 0 at every point. */
    public static Series underwater(Series equity) {
        double[] v = equity.values();
        double[] out = new double[v.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v.length; i++) {
            max = Math.max(max, v[i]);
            out[i] = max > 0 ? v[i] / max - 1 : 0;
        }
        return new Series(equity.times(), out);
    }

    private static DrawdownPeriod period(Series s, int peak, int valley, int recovery) {
        double depth = s.values()[peak] > 0 ? s.values()[valley] / s.values()[peak] - 1 : 0;
        return new DrawdownPeriod(peak, valley, recovery, s.times()[peak], s.times()[valley],
                recovery < 0 ? -1 : s.times()[recovery], depth);
    }
}
