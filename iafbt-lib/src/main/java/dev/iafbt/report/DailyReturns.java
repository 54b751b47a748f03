package dev.iafbt.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Daily returns (UTC days, close = the day's last value) and what the report derives from them:
 * rolling Sharpe and the correlation of two strategies on the days both have. Aligning by date is
 * the point: the reference pairs series by array index, so curves of different windows or
 * frequencies were compared point against unrelated point.
 */
public final class DailyReturns {
    /** Trading days a year is counted as when annualising daily figures of 24/7 markets. */
    public static final double DAYS_PER_YEAR = 365;

    private DailyReturns() {
    }

    /** Return per epoch day, ascending; the first day has no return. */
    public static TreeMap<Long, Double> of(Series equity) {
        TreeMap<Long, Double> close = new TreeMap<>();
        for (int i = 0; i < equity.size(); i++) {
            close.put(epochDay(equity.times()[i]), equity.values()[i]);
        }
        TreeMap<Long, Double> out = new TreeMap<>();
        Double previous = null;
        for (Map.Entry<Long, Double> e : close.entrySet()) {
            if (previous != null && previous > 0) {
                out.put(e.getKey(), e.getValue() / previous - 1);
            }
            previous = e.getValue();
        }
        return out;
    }

    /** Fewest returns a rolling window needs before it gives a value. */
    public static final int MIN_WINDOW_RETURNS = 10;

    /**
     * Annualised Sharpe (risk-free 0) over a trailing window of {@code windowDays} calendar days,
     * one point per day with a return. The window is in calendar time, not in observations, so
     * daily, weekly and irregular curves give comparable values: the annualisation factor is the
     * window's own observation rate, {@code n × 365 / windowDays}. Windows with fewer than
     * {@link #MIN_WINDOW_RETURNS} returns, or none of the window yet elapsed, or without variance
     * are left out.
     */
    public static Series rollingSharpe(Series equity, int windowDays) {
        List<Map.Entry<Long, Double>> days = new ArrayList<>(of(equity).entrySet());
        List<Long> t = new ArrayList<>();
        List<Double> v = new ArrayList<>();
        if (days.isEmpty()) {
            return Series.EMPTY;
        }
        long firstDay = days.get(0).getKey() - 1; // the day before the first return is the curve's start
        int from = 0;
        for (int end = 0; end < days.size(); end++) {
            long day = days.get(end).getKey();
            while (days.get(from).getKey() <= day - windowDays) {
                from++;
            }
            int n = end - from + 1;
            if (day - firstDay < windowDays || n < MIN_WINDOW_RETURNS) {
                continue;
            }
            double mean = 0;
            for (int i = from; i <= end; i++) {
                mean += days.get(i).getValue();
            }
            mean /= n;
            double ss = 0;
            for (int i = from; i <= end; i++) {
                double d = days.get(i).getValue() - mean;
                ss += d * d;
            }
            double sd = Math.sqrt(ss / (n - 1));
            if (sd > 0) {
                t.add(day * 86_400_000L);
                v.add(mean / sd * Math.sqrt(n * DAYS_PER_YEAR / windowDays));
            }
        }
        return new Series(t.stream().mapToLong(Long::longValue).toArray(), v.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The UTC day of an epoch-millisecond time (what {@code LocalDate.ofInstant(..., UTC)} gives, faster). */
    static long epochDay(long epochMillis) {
        return Math.floorDiv(epochMillis, 86_400_000L);
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
