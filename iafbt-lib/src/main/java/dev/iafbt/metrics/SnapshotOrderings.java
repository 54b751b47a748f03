package dev.iafbt.metrics;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The orderings of one run's snapshots that the reference's metrics use: the stored list order
 * (totals), a stable sort by time with duplicates kept (curves, drawdowns, CAGR) and the
 * "frame" — sorted, duplicate timestamps dropped keeping the first — that every resampled metric
 * starts from. Computed once per run.
 */
final class SnapshotOrderings {
    final long[] listMicros;
    final double[] listValues;
    final long[] sortedMicros;
    final double[] sortedValues;
    final double[] sortedFlows;
    final long[] frameMicros;
    final double[] frameValues;
    final double[] frameFlows;

    SnapshotOrderings(RunInput run) {
        listMicros = run.snapshotMicros();
        listValues = run.totalValues();
        int n = listMicros.length;
        int[] order = stableOrder(listMicros);
        sortedMicros = new long[n];
        sortedValues = new double[n];
        sortedFlows = new double[n];
        int kept = 0;
        long[] fm = new long[n];
        double[] fv = new double[n];
        double[] ff = new double[n];
        for (int i = 0; i < n; i++) {
            int k = order[i];
            sortedMicros[i] = listMicros[k];
            sortedValues[i] = listValues[k];
            sortedFlows[i] = run.cashFlows()[k];
            if (kept == 0 || fm[kept - 1] != sortedMicros[i]) {
                fm[kept] = sortedMicros[i];
                fv[kept] = sortedValues[i];
                ff[kept] = sortedFlows[i];
                kept++;
            }
        }
        frameMicros = Arrays.copyOf(fm, kept);
        frameValues = Arrays.copyOf(fv, kept);
        frameFlows = Arrays.copyOf(ff, kept);
    }

    int size() {
        return listMicros.length;
    }

    /** Indexes of {@code micros} in ascending time, ties in their stored order. */
    private static int[] stableOrder(long[] micros) {
        int n = micros.length;
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) {
            sorted = micros[i - 1] <= micros[i];
        }
        if (sorted) {
            int[] identity = new int[n];
            Arrays.setAll(identity, i -> i);
            return identity;
        }
        Integer[] boxed = new Integer[n];
        Arrays.setAll(boxed, i -> i);
        Arrays.sort(boxed, Comparator.comparingLong(i -> micros[i])); // merge sort: stable
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }
}
