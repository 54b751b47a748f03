package dev.iafbt.bench;

import dev.iafbt.index.IndexResult;
import dev.iafbt.index.Indexer;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.SaveOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Not a test: a plain main that times the indexer on the reference workload (N flat
 * copies of a small bundle) or on production-shape bundles. Copies are byte clones of
 * the template, which costs the indexer exactly what distinct bundles of the same shape cost.
 *
 * <pre>
 * ./mvnw -B -q -Pbench -pl iafbt-lib,iafbt-bench install -DskipTests -Dinvoker.skip
 * ./mvnw -B -q -Pbench -pl iafbt-bench exec:exec -Dbench.xmx=256m -Dbench.main=dev.iafbt.bench.IndexerBenchmark \
 *     -Dbench.args="$PWD/../shared/fixtures/python-8.10/small-v2.iafbt 12500 5"
 * (a fourth argument {@code summary-first} re-saves the template summary-first before cloning it)
 * </pre>
 */
public final class IndexerBenchmark {
    private IndexerBenchmark() {
    }

    public static void main(String[] arguments) throws IOException {
        String[] args = BenchArgs.split(arguments);
        Path template = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        boolean summaryFirst = args.length > 3 && args[3].equals("summary-first");
        Path work = Files.createTempDirectory("iafbt-index-bench-");
        try {
            int digits = Math.max(5, String.valueOf(count).length());
            byte[] bytes = summaryFirst ? summaryFirstCopy(template) : Files.readAllBytes(template);
            for (int i = 0; i < count; i++) {
                Files.write(work.resolve(String.format(Locale.ROOT, "algo_%0" + digits + "d.iafbt", i)), bytes);
            }
            System.out.printf(Locale.ROOT, "%d x %s (%d B) in %s, %d cores, max heap %d MiB%n", count,
                    template.getFileName(), bytes.length, work, Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
            for (int round = 1; round <= rounds; round++) {
                HeapPeak.reset();
                long t0 = System.nanoTime();
                IndexResult cold = Indexer.builder(work).rebuild(true).build().run();
                long t1 = System.nanoTime();
                long coldPeak = HeapPeak.bytes();
                HeapPeak.reset();
                long t2 = System.nanoTime();
                IndexResult incremental = Indexer.builder(work).build().run();
                long t3 = System.nanoTime();
                System.out.printf(Locale.ROOT,
                        "round %d: cold build %8.1f ms (%d indexed, %d failed, peak heap %d MiB) | incremental %6.1f ms (%d unchanged, peak heap %d MiB) | index %.2f MiB%n",
                        round, (t1 - t0) / 1e6, cold.indexed(), cold.failed(), coldPeak >> 20,
                        (t3 - t2) / 1e6, incremental.unchanged(), HeapPeak.bytes() >> 20,
                        Files.size(cold.index()) / 1048576.0);
                long r0 = System.nanoTime();
                long read = readAll(work);
                System.out.printf(Locale.ROOT, "round %d: merely reading the files (all cores) %8.1f ms (%d MiB)%n",
                        round, (System.nanoTime() - r0) / 1e6, read >> 20);
            }
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The template re-saved with the summary slot ahead of the runs (WriteOptions.summaryFirst). */
    private static byte[] summaryFirstCopy(Path template) {
        return Backtest.open(template).toBytes(SaveOptions.DEFAULT.withSummaryFirst(true));
    }

    /** The baseline an index build is compared with: read every bundle's bytes, nothing else. */
    private static long readAll(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".iafbt")).parallel().mapToLong(p -> {
                try {
                    return Files.readAllBytes(p).length;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }
}
