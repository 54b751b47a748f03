package dev.iafbt.metrics;

/**
 * The reductions the reference gets from numpy and pandas, with their exact order of floating
 * operations so that results are bit-equal: numpy's pairwise summation (8 accumulators up to 128
 * items, then recursive halving), pandas' two-pass sample standard deviation, numpy's "linear"
 * quantile and the Kahan-compensated sum pandas uses when it resamples.
 */
final class NumpyMath {
    private static final int BLOCK = 128;

    private NumpyMath() {
    }

    /** numpy's {@code pairwise_sum} over {@code a[from, from + n)}. */
    static double pairwiseSum(double[] a, int from, int n) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        if (n <= BLOCK) {
            double r0 = a[from], r1 = a[from + 1], r2 = a[from + 2], r3 = a[from + 3];
            double r4 = a[from + 4], r5 = a[from + 5], r6 = a[from + 6], r7 = a[from + 7];
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                int j = from + i;
                r0 += a[j];
                r1 += a[j + 1];
                r2 += a[j + 2];
                r3 += a[j + 3];
                r4 += a[j + 4];
                r5 += a[j + 5];
                r6 += a[j + 6];
                r7 += a[j + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwiseSum(a, from, n2) + pairwiseSum(a, from + n2, n - n2);
    }

    static double sum(double[] a, int n) {
        return pairwiseSum(a, 0, n);
    }

    /**
     * pandas {@code Series.mean()} of {@code a[0, n)}: NaN entries are skipped the way pandas skips
     * them, by summing a copy with 0 in their place (so they still shape the pairwise blocks) and
     * dividing by the count of the others; NaN when nothing is left.
     */
    static double mean(double[] a, int n) {
        double[] filled = new double[n];
        int count = maskNaN(a, n, filled);
        return count == 0 ? Double.NaN : sum(filled, n) / count;
    }

    /** pandas {@code Series.std()} (ddof=1, two passes, NaN skipped as in {@link #mean}): NaN with fewer than 2 values. */
    static double sampleStd(double[] a, int n) {
        double[] filled = new double[n];
        int count = maskNaN(a, n, filled);
        if (count < 2) {
            return Double.NaN;
        }
        double mean = sum(filled, n) / count;
        double[] squares = new double[n];
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(a[i])) {
                double d = mean - a[i];
                squares[i] = d * d;
            }
        }
        return Math.sqrt(sum(squares, n) / (count - 1));
    }

    /** Copies {@code a[0, n)} into {@code filled} with 0 for NaN; returns how many were not NaN. */
    private static int maskNaN(double[] a, int n, double[] filled) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(a[i])) {
                filled[i] = 0.0;
            } else {
                filled[i] = a[i];
                count++;
            }
        }
        return count;
    }

    /** A Python {@code sum(xs) / len(xs)}: sequential, 0.0 when empty (the reference's guard). */
    static double sequentialMean(double[] a, int n) {
        if (n == 0) {
            return 0.0;
        }
        double total = 0.0;
        for (int i = 0; i < n; i++) {
            total += a[i];
        }
        return total / n;
    }

    /** numpy's "linear" quantile of an ascending-sorted array, both interpolation branches included. */
    static double linearQuantile(double[] sorted, double q) {
        int n = sorted.length;
        double h = (n - 1) * q;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return sorted[n - 1];
        }
        double t = h - lo;
        double below = sorted[lo];
        double above = sorted[lo + 1];
        double d = above - below;
        return t < 0.5 ? below + d * t : above - d * (1 - t);
    }

    /** Adds {@code value} to a Kahan-compensated running sum held as {@code {sum, compensation}}. */
    static void kahanAdd(double[] state, double value) {
        double y = value - state[1];
        double t = state[0] + y;
        state[1] = t - state[0] - y;
        if (state[1] != state[1]) {
            state[1] = 0; // pandas GH#53606: an infinite value must not turn the sum into NaN
        }
        state[0] = t;
    }
}
