package dev.iafbt.metrics;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * pandas {@code resample} on the frame ordering (§2 of docs/metrics.md): UTC day, month and year
 * buckets holding the last value and the (Kahan-summed) cash flow of their rows, and the
 * time-weighted returns {@code (V - CF) / V_prev - 1} between consecutive buckets. NaN returns
 * (0/0) are dropped, ±inf returns are kept — as the reference does, whatever its docstring says.
 */
final class CalendarReturns {
    private final long[] frameMicros;
    private final double[] frameValues;
    private final double[] frameFlows;
    /** Non-empty UTC days: day index, last value, summed flow. */
    private final long[] days;
    private final double[] dayValues;
    private final double[] dayFlows;

    CalendarReturns(SnapshotOrderings snapshots) {
        this.frameMicros = snapshots.frameMicros;
        this.frameValues = snapshots.frameValues;
        this.frameFlows = snapshots.frameFlows;
        Buckets b = bucket(Period.DAY);
        days = b.keys;
        dayValues = b.values;
        dayFlows = b.flows;
    }

    /** Returns labelled by bucket key, as parallel arrays. */
    record Returns(long[] keys, double[] values) {
        int size() {
            return values.length;
        }
    }

    /** D_ffill: one row per calendar day, empty days forward-filled with no flow (an exact 0% day). */
    Returns dailyForwardFilled() {
        if (days.length == 0) {
            return new Returns(new long[0], new double[0]);
        }
        int span = (int) (days[days.length - 1] - days[0] + 1);
        long[] keys = new long[span];
        double[] out = new double[span];
        int n = 0;
        int next = 1;
        double prev = dayValues[0];
        for (long day = days[0] + 1; day <= days[days.length - 1]; day++) {
            double value = prev;
            double flow = 0.0;
            if (next < days.length && days[next] == day) {
                value = dayValues[next];
                flow = dayFlows[next];
                next++;
            }
            double r = (value - flow) / prev - 1;
            prev = value;
            if (!Double.isNaN(r)) {
                keys[n] = day;
                out[n++] = r;
            }
        }
        return new Returns(Arrays.copyOf(keys, n), Arrays.copyOf(out, n));
    }

    /** D_drop: empty days removed, so a return spans a gap. */
    Returns dailyDropped() {
        return twr(days, dayValues, dayFlows);
    }

    Returns monthly() {
        Buckets b = bucket(Period.MONTH);
        return twr(b.keys, b.values, b.flows);
    }

    Returns yearly() {
        Buckets b = bucket(Period.YEAR);
        return twr(b.keys, b.values, b.flows);
    }

    /** The last value of each non-empty day, in day order ({@code max_daily_drawdown}). */
    double[] dailyLastValues() {
        return dayValues.clone();
    }

    /** The frame's first and last timestamps, for the span branch of the mean daily return. */
    long frameSpanDays() {
        return frameMicros.length == 0 ? 0 : Times.days(frameMicros[0], frameMicros[frameMicros.length - 1]);
    }

    private static Returns twr(long[] keys, double[] values, double[] flows) {
        int n = Math.max(0, values.length - 1);
        long[] k = new long[n];
        double[] r = new double[n];
        int kept = 0;
        for (int i = 1; i < values.length; i++) {
            double ret = (values[i] - flows[i]) / values[i - 1] - 1;
            if (!Double.isNaN(ret)) {
                k[kept] = keys[i];
                r[kept++] = ret;
            }
        }
        return new Returns(Arrays.copyOf(k, kept), Arrays.copyOf(r, kept));
    }

    private record Buckets(long[] keys, double[] values, double[] flows) {
    }

    private Buckets bucket(Period period) {
        int n = frameMicros.length;
        long[] keys = new long[n];
        double[] values = new double[n];
        double[] flows = new double[n];
        int b = -1;
        double[] kahan = new double[2];
        long lastDay = Long.MIN_VALUE;
        long lastKey = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long day = Times.dayIndex(frameMicros[i]);
            long key = day == lastDay ? lastKey : period.key(day);
            lastDay = day;
            lastKey = key;
            if (b < 0 || keys[b] != key) {
                if (b >= 0) {
                    flows[b] = kahan[0];
                }
                b++;
                keys[b] = key;
                kahan[0] = 0;
                kahan[1] = 0;
            }
            values[b] = frameValues[i];
            NumpyMath.kahanAdd(kahan, frameFlows[i]);
        }
        if (b >= 0) {
            flows[b] = kahan[0];
        }
        int count = b + 1;
        return new Buckets(Arrays.copyOf(keys, count), Arrays.copyOf(values, count), Arrays.copyOf(flows, count));
    }

    /** A bucket key per UTC day: the day itself, or year*12+month, or the year. */
    enum Period {
        DAY, MONTH, YEAR;

        long key(long epochDay) {
            if (this == DAY) {
                return epochDay;
            }
            LocalDate date = LocalDate.ofEpochDay(epochDay);
            return this == MONTH ? date.getYear() * 12L + date.getMonthValue() - 1 : date.getYear();
        }

        /** The reference's label in epoch ms: month end ('ME') or Jan-1 (the yearly relabel). */
        long labelMillis(long key) {
            LocalDate date = switch (this) {
                case DAY -> LocalDate.ofEpochDay(key);
                case MONTH -> LocalDate.of((int) Math.floorDiv(key, 12), Math.floorMod(key, 12) + 1, 1)
                        .plusMonths(1).minusDays(1);
                case YEAR -> LocalDate.of((int) key, 1, 1);
            };
            return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
    }
}
