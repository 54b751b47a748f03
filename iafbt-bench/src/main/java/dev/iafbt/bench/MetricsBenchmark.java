package dev.iafbt.bench;

import dev.iafbt.bundle.BundleReader;
import dev.iafbt.bundle.ReadOptions;
import dev.iafbt.metrics.RunInput;
import dev.iafbt.metrics.RunMetrics;
import dev.iafbt.metrics.RunMetricsCalculator;
import dev.iafbt.metrics.SummaryMetricsCalculator;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.BacktestRun;
import dev.iafbt.model.SaveOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The metric suite on the production-shape fixture {@code batch-0a0bbdc2-v2.iafbt} (11 runs,
 * 24,112 snapshots, 691 trades). Part 1, warm and in-process: every per-run metric and series of
 * all 11 runs plus the summary, from the runs' inputs, and from the opened bundle (inputs read out
 * of the document too). Part 2: {@code Backtest.recompute} of the same bundle N times (default
 * 1,000) on every core, each task decoding the file's bytes afresh, as a folder recompute does
 * (without the final zstd-19 encode, timed separately once): throughput and peak heap. Run it with
 * {@code -Dbench.xmx=512m} to show the heap bound. Arguments: the fixtures folder (default
 * {@code ../shared/fixtures/python-8.10}), N.
 */
public final class MetricsBenchmark {
    private MetricsBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        String[] args = BenchArgs.split(arguments);
        Path fixtures = Paths.get(args.length > 0 ? args[0] : "../shared/fixtures/python-8.10").toAbsolutePath().normalize();
        int copies = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path file = fixtures.resolve("batch-0a0bbdc2-v2.iafbt");
        if (!Files.isRegularFile(file)) {
            System.out.println("fixture " + file + " not found: cannot run the benchmark");
            return;
        }
        Backtest backtest = Backtest.open(file);
        List<RunInput> inputs = backtest.runs().stream().map(BacktestRun::metricsInput).toList();
        System.out.printf(Locale.ROOT, "%s: %d runs, %d snapshots, %d trades; %d cores, max heap %d MB%n", file.getFileName(),
                inputs.size(), inputs.stream().mapToInt(RunInput::snapshotCount).sum(),
                inputs.stream().mapToInt(r -> r.trades().size()).sum(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        double rate = backtest.recomputeRiskFreeRate();
        Stopwatch.time("all metrics + summary, from run inputs (warm)", 30, 50, () -> summary(inputs, rate));
        Stopwatch.time("all metrics + summary, from the opened bundle (warm)", 30, 50,
                () -> summary(backtest.runs().stream().map(BacktestRun::metricsInput).toList(), rate));
        Stopwatch.time("Backtest.recompute (metrics, document, blobs; no encode)", 5, 20, () -> backtest.recompute(rate));

        byte[] bytes = Files.readAllBytes(file);
        int threads = Runtime.getRuntime().availableProcessors();
        HeapPeak.reset();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            futures.add(pool.submit(() -> Backtest.of(BundleReader.read(bytes, file, ReadOptions.FULL)).recompute(rate).numberOfRuns()));
        }
        long runs = 0;
        for (Future<Integer> future : futures) {
            runs += future.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "recompute of %d bundles (decode + recompute, %d runs) on %d threads: %.1f s,"
                + " %.1f bundles/s, peak heap %d MB%n", copies, runs, threads, seconds, copies / seconds, HeapPeak.bytes() >> 20);
        long encodeStart = System.nanoTime();
        int size = backtest.recompute(rate).toBytes(SaveOptions.DEFAULT).length;
        System.out.printf(Locale.ROOT, "one zstd-19 encode of the recomputed bundle (%d bytes): %.1f s%n", size,
                (System.nanoTime() - encodeStart) / 1e9);
    }

    private static Object summary(List<RunInput> inputs, double rate) {
        List<RunMetrics> runs = new ArrayList<>();
        for (RunInput input : inputs) {
            runs.add(RunMetricsCalculator.compute(input, rate));
        }
        return SummaryMetricsCalculator.compute(runs);
    }
}
