package dev.iafbt.report;

import dev.iafbt.metrics.TimeSeries;
import java.util.Map;
import java.util.TreeMap;

/**
 * The correlation of two strategies' daily returns on the days both have. Aligning by date is the
 * point: the reference pairs series by array index, so curves of different windows or frequencies
 * were compared point against unrelated point. The daily returns themselves are the metrics'
 * ({@link dev.iafbt.metrics.CurveReturns#daily()}).
 */
final class ReturnCorrelation {
    private ReturnCorrelation() {
    }

    /** The finite daily returns of a computed series, keyed by UTC epoch day. */
    static TreeMap<Long, Double> byDay(TimeSeries daily) {
        TreeMap<Long, Double> out = new TreeMap<>();
        for (int i = 0; i < daily.size(); i++) {
            if (Double.isFinite(daily.values()[i])) {
                out.put(Math.floorDiv(daily.epochMillis()[i], 86_400_000L), daily.values()[i]);
            }
        }
        return out;
    }

    /**
     * Pearson correlation over the days present in both; NaN with fewer than {@code minDays} shared
     * days or without variance on either side.
     */
    public static double correlation(Map<Long, Double> a, Map<Long, Double> b, int minDays) {
        return correlation(Days.of(a), Days.of(b), minDays);
    }

    /** Daily returns as two ascending arrays, for correlating many pairs without map lookups. */
    record Days(long[] days, double[] returns) {
        static Days of(Map<Long, Double> byDay) {
            TreeMap<Long, Double> sorted = byDay instanceof TreeMap<Long, Double> t && t.comparator() == null
                    ? t : new TreeMap<>(byDay);
            long[] days = new long[sorted.size()];
            double[] returns = new double[sorted.size()];
            int i = 0;
            for (Map.Entry<Long, Double> e : sorted.entrySet()) {
                days[i] = e.getKey();
                returns[i++] = e.getValue();
            }
            return new Days(days, returns);
        }
    }

    /** As {@link #correlation(Map, Map, int)}: a merge join of the two ascending day arrays, summed in day order. */
    static double correlation(Days a, Days b, int minDays) {
        int[] ia = new int[Math.min(a.days.length, b.days.length)];
        int[] ib = new int[ia.length];
        int n = 0;
        for (int i = 0, j = 0; i < a.days.length && j < b.days.length;) {
            if (a.days[i] < b.days[j]) {
                i++;
            } else if (a.days[i] > b.days[j]) {
                j++;
            } else {
                ia[n] = i++;
                ib[n++] = j++;
            }
        }
        if (n < Math.max(2, minDays)) {
            return Double.NaN;
        }
        double ma = 0;
        double mb = 0;
        for (int k = 0; k < n; k++) {
            ma += a.returns[ia[k]];
            mb += b.returns[ib[k]];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int k = 0; k < n; k++) {
            double da = a.returns[ia[k]] - ma;
            double db = b.returns[ib[k]] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : Double.NaN;
    }
}
