package dev.iafbt.report;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Monthly and yearly returns of an equity curve (UTC calendar), as fractions. A period's return
 * is its last value over the previous period's last value, minus one; the first period starts
 * from the first value. A year's return is therefore the compounded product of its months, never
 * their sum (the reference's heatmap adds the monthly percentages).
 */
public final class PeriodReturns {
    private PeriodReturns() {
    }

    /** Return per month, keyed {@code year*100 + month} ascending. */
    public static Map<Integer, Double> monthly(Series equity) {
        return byPeriod(equity, true);
    }

    /** Return per calendar year, ascending. */
    public static Map<Integer, Double> yearly(Series equity) {
        return byPeriod(equity, false);
    }

    /** The compounded return of a sequence of period returns: Π(1+r) − 1. */
    public static double compound(Iterable<Double> returns) {
        double product = 1;
        for (double r : returns) {
            product *= 1 + r;
        }
        return product - 1;
    }

    private static Map<Integer, Double> byPeriod(Series equity, boolean months) {
        TreeMap<Integer, Double> lastValue = new TreeMap<>();
        long[] t = equity.times();
        double[] v = equity.values();
        long lastDay = Long.MIN_VALUE;
        int key = 0;
        for (int i = 0; i < t.length; i++) {
            long epochDay = DailyReturns.epochDay(t[i]);
            if (epochDay != lastDay) { // one calendar conversion per day, not per point
                LocalDate day = LocalDate.ofEpochDay(epochDay);
                key = months ? day.getYear() * 100 + day.getMonthValue() : day.getYear();
                lastDay = epochDay;
            }
            lastValue.put(key, v[i]); // times ascend, so the last put is the period's close
        }
        Map<Integer, Double> out = new LinkedHashMap<>();
        double base = v.length == 0 ? Double.NaN : v[0];
        for (Map.Entry<Integer, Double> e : lastValue.entrySet()) {
            out.put(e.getKey(), base > 0 ? e.getValue() / base - 1 : Double.NaN);
            base = e.getValue();
        }
        return out;
    }
}
