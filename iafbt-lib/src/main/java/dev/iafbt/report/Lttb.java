package dev.iafbt.report;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson 2013) over time-stamped values, plus a
 * set of indices that must survive exactly: the peak, valley and recovery of the drawdowns a
 * report shows, so that a shaded period and its table row point at points the chart really has.
 */
public final class Lttb {
    private Lttb() {
    }

    /** Indices (ascending) of at most {@code threshold} + {@code keep.length} points of {@code s}. */
    public static int[] indices(Series s, int threshold, int... keep) {
        int n = s.size();
        if (threshold >= n || threshold < 3) {
            return range(n);
        }
        TreeSet<Integer> chosen = new TreeSet<>();
        long[] x = s.times();
        double[] y = s.values();
        double every = (double) (n - 2) / (threshold - 2);
        int a = 0;
        chosen.add(0);
        for (int i = 0; i < threshold - 2; i++) {
            int nextStart = (int) Math.floor((i + 1) * every) + 1;
            int nextEnd = Math.min((int) Math.floor((i + 2) * every) + 1, n);
            double avgX = 0;
            double avgY = 0;
            for (int j = nextStart; j < nextEnd; j++) {
                avgX += x[j];
                avgY += y[j];
            }
            int count = Math.max(1, nextEnd - nextStart);
            avgX /= count;
            avgY /= count;
            int start = (int) Math.floor(i * every) + 1;
            int end = (int) Math.floor((i + 1) * every) + 1;
            double best = -1;
            int pick = start;
            for (int j = start; j < end; j++) {
                double area = Math.abs((x[a] - avgX) * (y[j] - y[a]) - (x[a] - (double) x[j]) * (avgY - y[a]));
                if (area > best) {
                    best = area;
                    pick = j;
                }
            }
            chosen.add(pick);
            a = pick;
        }
        chosen.add(n - 1);
        for (int k : keep) {
            if (k >= 0 && k < n) {
                chosen.add(k);
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] range(int n) {
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        return all;
    }
}
