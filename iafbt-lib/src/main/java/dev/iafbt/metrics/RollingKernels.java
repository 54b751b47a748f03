package dev.iafbt.metrics;

/**
 * pandas' streaming rolling mean and variance (the 3.x {@code roll_mean} / {@code roll_var}
 * kernels) over a fixed window of observations. A naive per-window two-pass std drifts from pandas
 * by up to ~4e-10 on real runs, so the rolling Sharpe ratio needs these exact update orders:
 * Kahan-compensated sums, Welford updates with their own compensation, the "same value" and sign
 * clamps of the mean, and the full recompute of a window after a catastrophic cancellation.
 * Like pandas' window code, ±inf inputs count as missing (NaN). No {@code Math.fma}: the
 * reference's x86-64 build does not fuse these updates.
 */
final class RollingKernels {
    private static final double INV_COND_TOL = Math.ulp(1.0) * 1e3;

    private RollingKernels() {
    }

    /** {@code Series.rolling(window, min_periods=minPeriods).mean()}. */
    static double[] rollingMean(double[] raw, int window, int minPeriods) {
        double[] values = infAsNaN(raw);
        int n = values.length;
        double[] out = new double[n];
        double sum = 0, compAdd = 0, compRemove = 0, prev = 0;
        long nobs = 0, negCt = 0, sameRun = 0;
        for (int i = 0; i < n; i++) {
            int start = Math.max(0, i + 1 - window);
            if (i == 0) {
                prev = values[start];
                sameRun = 0;
            } else {
                int prevStart = Math.max(0, i - window);
                for (int j = prevStart; j < start; j++) {
                    double v = values[j];
                    if (v == v) {
                        nobs--;
                        double y = -v - compRemove;
                        double t = sum + y;
                        compRemove = t - sum - y;
                        sum = t;
                        if (signBit(v)) {
                            negCt--;
                        }
                    }
                }
            }
            double v = values[i];
            if (v == v) {
                nobs++;
                double y = v - compAdd;
                double t = sum + y;
                compAdd = t - sum - y;
                sum = t;
                if (signBit(v)) {
                    negCt++;
                }
                sameRun = v == prev ? sameRun + 1 : 1;
                prev = v;
            }
            out[i] = meanResult(minPeriods, nobs, negCt, sum, sameRun, prev);
        }
        return out;
    }

    private static double meanResult(int minPeriods, long nobs, long negCt, double sum, long sameRun, double prev) {
        if (nobs < minPeriods || nobs <= 0) {
            return Double.NaN;
        }
        double result = sum / nobs;
        if (sameRun >= nobs) {
            return prev;
        }
        if (negCt == 0 && result < 0) {
            return 0;
        }
        if (negCt == nobs && result > 0) {
            return 0;
        }
        return result;
    }

    /** {@code Series.rolling(window, min_periods=minPeriods).std()} (ddof=1), pandas' zero floor included. */
    static double[] rollingStd(double[] raw, int window, int minPeriods) {
        double[] values = infAsNaN(raw);
        int n = values.length;
        double[] out = new double[n];
        int minp = Math.max(minPeriods, 1);
        Welford w = new Welford();
        for (int i = 0; i < n; i++) {
            int start = Math.max(0, i + 1 - window);
            boolean recompute = i == 0;
            if (!recompute) {
                int prevStart = Math.max(0, i - window);
                for (int j = prevStart; j < start; j++) {
                    w.remove(values[j]);
                }
                w.add(values[i]);
            }
            if (recompute || w.unstable) {
                w.reset();
                for (int j = start; j <= i; j++) {
                    w.add(values[j]);
                }
                w.unstable = false;
            }
            double var = w.nobs >= minp && w.nobs > 1 ? w.ssq / (w.nobs - 1.0) : Double.NaN;
            out[i] = var < 0 ? 0.0 : Math.sqrt(var);
        }
        return out;
    }

    private static double[] infAsNaN(double[] raw) {
        double[] values = raw.clone();
        for (int i = 0; i < values.length; i++) {
            if (Double.isInfinite(values[i])) {
                values[i] = Double.NaN;
            }
        }
        return values;
    }

    private static boolean signBit(double v) {
        return (Double.doubleToRawLongBits(v) & Long.MIN_VALUE) != 0;
    }

    /** Welford's online variance with Kahan compensation, as pandas' {@code add_var}/{@code remove_var}. */
    private static final class Welford {
        double nobs, mean, ssq, compAdd, compRemove;
        boolean unstable;

        void reset() {
            nobs = 0;
            mean = 0;
            ssq = 0;
            compAdd = 0;
            compRemove = 0;
        }

        void add(double v) {
            if (v != v) {
                return;
            }
            double prevSsq = ssq;
            nobs = nobs + 1;
            double prevMean = mean - compAdd;
            double y = v - compAdd;
            double t = y - mean;
            compAdd = t + mean - y;
            mean = nobs != 0 ? mean + t / nobs : 0;
            ssq = ssq + (v - prevMean) * (v - mean);
            if (prevSsq * INV_COND_TOL > ssq) {
                unstable = true;
            }
        }

        void remove(double v) {
            if (v != v) {
                return;
            }
            double prevSsq = ssq;
            nobs = nobs - 1;
            if (nobs != 0) {
                double prevMean = mean - compRemove;
                double y = v - compRemove;
                double t = y - mean;
                compRemove = t + mean - y;
                mean = mean - t / nobs;
                ssq = ssq - (v - prevMean) * (v - mean);
                if (prevSsq * INV_COND_TOL > ssq) {
                    unstable = true;
                }
            } else {
                mean = 0;
                ssq = 0;
                unstable = false;
            }
        }
    }
}
