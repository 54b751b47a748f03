package dev.iafbt.metrics;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Totals, CAGR, mean daily return, Sharpe, Sortino and volatility, each in the snapshot ordering
 * and with the guards of the reference's function of the same name ({@code services/metrics}).
 */
final class ReturnMetrics {
    private static final double SQRT_365 = Math.sqrt(365);

    private ReturnMetrics() {
    }

    /** {@code get_total_return}: list order, first snapshot as the base; 0 with &lt; 2 snapshots or a zero base. */
    static double[] totalReturn(SnapshotOrderings s) {
        double[] v = s.listValues;
        if (v.length < 2 || v[0] == 0) {
            return new double[] {0.0, 0.0};
        }
        double gain = v[v.length - 1] - v[0];
        return new double[] {gain, gain / v[0]};
    }

    static double finalValue(SnapshotOrderings s) {
        return s.size() == 0 ? 0.0 : s.listValues[s.size() - 1];
    }

    /** {@code get_cumulative_return}: sorted order. */
    static double cumulativeReturn(SnapshotOrderings s) {
        double[] v = s.sortedValues;
        if (v.length < 2 || v[0] == 0) {
            return 0.0;
        }
        return v[v.length - 1] / v[0] - 1;
    }

    /** {@code get_cagr}: chained TWR steps (skipping a zero base), then annualised over 365 days. */
    static double cagr(SnapshotOrderings s) {
        double[] v = s.sortedValues;
        double[] cf = s.sortedFlows;
        int n = v.length;
        if (n < 2) {
            return 0.0;
        }
        long days = Times.days(s.sortedMicros[0], s.sortedMicros[n - 1]);
        if (days == 0 || v[0] == 0) {
            return 0.0;
        }
        double growth = 1.0;
        for (int i = 1; i < n; i++) {
            if (v[i - 1] == 0) {
                continue;
            }
            growth *= 1.0 + (v[i] - cf[i] - v[i - 1]) / v[i - 1];
        }
        if (growth <= 0) {
            return -1.0;
        }
        return Math.pow(growth, 365.0 / days) - 1;
    }

    /** {@code get_mean_daily_return}: the CAGR-implied daily rate under 365 days, else the mean of D_drop. */
    static double meanDailyReturn(SnapshotOrderings s, CalendarReturns calendar, double cagr) {
        if (s.size() < 2) {
            return 0.0;
        }
        if (calendar.frameSpanDays() < 365) {
            return cagr == 0.0 ? 0.0 : Math.pow(1 + cagr, 1.0 / 365) - 1;
        }
        CalendarReturns.Returns r = calendar.dailyDropped();
        if (r.size() == 0) {
            return 0.0;
        }
        double mean = NumpyMath.mean(r.values(), r.size());
        return Double.isNaN(mean) ? 0.0 : mean;
    }

    /** {@code get_daily_returns_std}: sample std of D_ffill. */
    static double dailyStd(SnapshotOrderings s, CalendarReturns.Returns ffill) {
        if (s.size() < 2 || ffill.size() < 2) {
            return 0.0;
        }
        return NumpyMath.sampleStd(ffill.values(), ffill.size());
    }

    /** {@code get_downside_std_of_daily_returns}: sample std of the strictly negative D_ffill returns only. */
    static double downsideStd(SnapshotOrderings s, CalendarReturns.Returns ffill) {
        if (s.size() < 2) {
            return 0.0;
        }
        double[] negatives = new double[ffill.size()];
        int n = 0;
        for (double r : ffill.values()) {
            if (r < 0) {
                negatives[n++] = r;
            }
        }
        return n < 2 ? 0.0 : NumpyMath.sampleStd(negatives, n);
    }

    static double sharpe(double meanDaily, double std, double riskFreeRate) {
        if (std == 0) {
            return Double.NaN;
        }
        return (meanDaily * 365 - riskFreeRate) / (std * SQRT_365);
    }

    static double sortino(SnapshotOrderings s, double meanDaily, double downsideStd, double riskFreeRate) {
        if (s.size() == 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (downsideStd == 0) {
            return 0.0;
        }
        double x = (meanDaily * 365 - riskFreeRate) / (downsideStd * SQRT_365);
        if (Double.isInfinite(x)) {
            return Double.POSITIVE_INFINITY; // the reference maps -inf to +inf too
        }
        return Double.isNaN(x) ? 0.0 : x;
    }

    /** {@code get_annual_volatility}: std of log returns of D_drop, √365-annualised. */
    static double annualVolatility(SnapshotOrderings s, CalendarReturns calendar) {
        if (s.size() < 2) {
            return 0.0;
        }
        CalendarReturns.Returns r = calendar.dailyDropped();
        if (r.size() < 2) {
            return 0.0;
        }
        double[] logs = new double[r.size()];
        int above = 0;
        for (double x : r.values()) {
            if (x > -1) {
                logs[above++] = x;
            }
        }
        if (above < 2) {
            return 0.0;
        }
        int finite = 0;
        for (int i = 0; i < above; i++) {
            double l = Math.log(1 + logs[i]);
            // an infinite log return becomes NaN in place: pandas then skips it, but its slot still
            // shapes numpy's pairwise sum (dropping it instead moves the result by an ulp)
            if (Double.isInfinite(l)) {
                logs[i] = Double.NaN;
            } else {
                logs[i] = l;
                finite++;
            }
        }
        if (finite < 2) {
            return 0.0;
        }
        double std = NumpyMath.sampleStd(logs, above);
        return Double.isNaN(std) ? 0.0 : std * SQRT_365;
    }

    /** {@code get_rolling_sharpe_ratio}: 365-observation window, 30 minimum, rfr ignored; see docs for the midnight rule. */
    static TimeSeries rollingSharpe(SnapshotOrderings s, CalendarReturns.Returns ffill) {
        double[] sharpe = rollingSharpe(ffill.values(), REFERENCE_ROLLING_WINDOW, REFERENCE_ROLLING_MIN_PERIODS);
        Set<Long> midnights = new HashSet<>();
        for (long t : s.frameMicros) {
            if (Math.floorMod(t, Times.MICROS_PER_DAY) == 0) {
                midnights.add(t / Times.MICROS_PER_DAY);
            }
        }
        long[] ms = new long[sharpe.length];
        double[] out = new double[sharpe.length];
        int n = 0;
        for (int i = 0; i < sharpe.length; i++) {
            double value = sharpe[i];
            long day = ffill.keys()[i];
            if (Double.isNaN(value) || midnights.contains(day)) {
                ms[n] = day * 86_400_000L;
                out[n++] = value;
            }
        }
        return new TimeSeries(Arrays.copyOf(ms, n), Arrays.copyOf(out, n));
    }

    /** The reference's rolling window in daily observations, and how many it needs before giving a value. */
    static final int REFERENCE_ROLLING_WINDOW = 365;
    static final int REFERENCE_ROLLING_MIN_PERIODS = 30;

    /** {@code sqrt(365) * rolling_mean / rolling_std} (ddof 1) over daily returns, one value per input row. */
    static double[] rollingSharpe(double[] dailyReturns, int window, int minPeriods) {
        double[] mean = RollingKernels.rollingMean(dailyReturns, window, minPeriods);
        double[] std = RollingKernels.rollingStd(dailyReturns, window, minPeriods);
        double[] out = new double[mean.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = SQRT_365 * (mean[i] / std[i]);
        }
        return out;
    }
}
