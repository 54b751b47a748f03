package dev.iafbt.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Warm-up then timed repetitions; reports the median and the best, in milliseconds. */
final class Stopwatch {
    private Stopwatch() {
    }

    record Result(String name, double medianMs, double minMs, int runs) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-58s median %9.2f ms   best %9.2f ms   (%d runs)",
                    name, medianMs, minMs, runs);
        }
    }

    static Result time(String name, int warmups, int runs, Callable<?> body) throws Exception {
        Object sink = null;
        for (int i = 0; i < warmups; i++) {
            sink = body.call();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            sink = body.call();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        if (sink == null) {
            System.out.print("");
        }
        Arrays.sort(ms);
        Result result = new Result(name, ms[runs / 2], ms[0], runs);
        System.out.println(result);
        return result;
    }
}
