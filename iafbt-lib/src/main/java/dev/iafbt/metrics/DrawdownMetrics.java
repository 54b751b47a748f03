package dev.iafbt.metrics;

/**
 * The drawdown family and the equity-derived series ({@code drawdown.py}, {@code equity_curve.py},
 * {@code returns.py}), over the sorted snapshots with duplicates kept.
 */
final class DrawdownMetrics {
    private DrawdownMetrics() {
    }

    /** {@code get_max_drawdown}: a positive fraction; values &lt;= 0 are skipped, the peak starts at the first positive value. */
    static double maxDrawdown(double[] v) {
        if (v.length == 0) {
            return 0.0;
        }
        double peak = v[0];
        if (peak <= 0) {
            peak = Double.NaN;
            for (double x : v) {
                if (x > 0) {
                    peak = x;
                    break;
                }
            }
            if (Double.isNaN(peak)) {
                return 0.0;
            }
        }
        double dd = 0.0;
        for (double x : v) {
            if (x <= 0) {
                continue;
            }
            if (x > peak) {
                peak = x;
            }
            dd = Math.min(dd, (x - peak) / peak);
        }
        return Math.abs(dd);
    }

    /** {@code get_max_drawdown_absolute}. */
    static double maxDrawdownAbsolute(double[] v) {
        if (v.length == 0) {
            return 0.0;
        }
        double peak = v[0];
        double m = 0.0;
        for (double x : v) {
            peak = Math.max(peak, x);
            m = Math.max(m, peak - x);
        }
        return Math.abs(m);
    }

    /** {@code get_max_drawdown_duration}: whole days from the first point under the peak to recovery (or the end). */
    static long maxDrawdownDuration(double[] v, long[] micros) {
        long max = 0;
        for (int[] p : DrawdownPeriods.indices(v)) {
            long end = p[3] < 0 ? micros[micros.length - 1] : micros[p[3]];
            max = Math.max(max, Times.days(micros[p[1]], end));
        }
        return max;
    }

    /** {@code get_max_daily_drawdown}: worst day-to-day fall of the positive daily closes, cash flows ignored. */
    static double maxDailyDrawdown(double[] dailyLast) {
        double[] positive = new double[dailyLast.length];
        int n = 0;
        for (double x : dailyLast) {
            if (x > 0) {
                positive[n++] = x;
            }
        }
        if (n < 2) {
            return 0.0;
        }
        double worst = 0.0;
        for (int i = 1; i < n; i++) {
            double r = positive[i] / positive[i - 1] - 1;
            if (r < worst) {
                worst = r;
            }
        }
        return Math.abs(worst);
    }

    /** {@code get_drawdown_series}: 0 where the value is &lt;= 0, else the fall from the running peak. */
    static double[] drawdownSeries(double[] v) {
        double[] out = new double[v.length];
        double max = Double.NaN;
        for (int i = 0; i < v.length; i++) {
            if (v[i] <= 0) {
                out[i] = 0.0;
                continue;
            }
            if (Double.isNaN(max) || max <= 0) {
                max = v[i];
            }
            max = Math.max(max, v[i]);
            out[i] = (v[i] - max) / max;
        }
        return out;
    }

    /** {@code get_twr_equity_curve}: base 1.0, each step {@code E *= 1 + ((V - CF) / V_prev - 1)}; a step from V_prev &lt;= 0 is flat. */
    static double[] twrEquity(double[] v, double[] cf) {
        double[] out = new double[v.length];
        if (v.length == 0) {
            return out;
        }
        double e = 1.0;
        double prev = v[0];
        out[0] = e;
        for (int i = 1; i < v.length; i++) {
            if (prev > 0) {
                double r = (v[i] - cf[i]) / prev - 1;
                e = e * (1 + r);
            }
            out[i] = e;
            prev = v[i];
        }
        return out;
    }

    /** {@code get_cumulative_return_series}; the reference aborts the whole computation on an empty or zero-based run. */
    static double[] cumulativeReturnSeries(double[] v) {
        if (v.length == 0) {
            throw new MetricsException("the run has no portfolio snapshots: the reference's metrics fail on it (IndexError)");
        }
        if (v[0] == 0) {
            throw new MetricsException("the run's first portfolio snapshot is worth 0: the reference's"
                    + " cumulative return series fails on it (ValueError)");
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / v[0] - 1;
        }
        return out;
    }
}
