package dev.iafbt.bench;

import dev.iafbt.check.CheckResult;
import dev.iafbt.check.CheckRun;
import dev.iafbt.check.CheckSettings;
import dev.iafbt.check.MetricRule;
import dev.iafbt.check.RoundTripCache;
import dev.iafbt.check.SpecialValue;
import dev.iafbt.internal.bundle.BundleContainer;
import dev.iafbt.bundle.ReadOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One gate, as {@code iafbt-junit} and {@code iafbt:check} run it, over the 24 bundles of
 * {@code samples/sweep} plus the 4 largest reference fixtures: thresholds and the full
 * byte-identical round trip. Run it twice in two JVMs: the first run (empty cache folder) is the
 * cold cost of a first {@code mvn verify}, the second the cost of an unchanged repository's next
 * one, when every round trip is remembered. Arguments: the fixtures folder (default
 * {@code ../shared/fixtures/python-8.10}), the samples folder (default {@code samples/sweep}), the
 * cache folder (default {@code target/gate-bench-cache}); add {@code --fresh} to empty the cache
 * first, {@code --floor} to time, after the gate, one bare zstd-19 compression of the largest
 * fixture's document: the floor a cold run cannot beat, which shows how loaded the machine is;
 * {@code --all-fixtures} gates every bundle of the fixtures folder instead (no samples).
 */
public final class GateBenchmark {
    private static final List<String> FIXTURES = List.of("batch-0a0bbdc2-v2.iafbt", "real-0aa37205-event-v2.iafbt",
            "real-0aa37205-v1.iafbt", "real-05764fc8-vector-v2.iafbt");

    private GateBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        List<String> args = new ArrayList<>(List.of(BenchArgs.split(arguments)));
        boolean fresh = args.remove("--fresh");
        boolean floor = args.remove("--floor");
        // every reference fixture instead of the samples plus the 4 largest: a cold gate over a fixture folder
        boolean allFixtures = args.remove("--all-fixtures");
        Path fixtures = Paths.get(args.size() > 0 ? args.get(0) : "../shared/fixtures/python-8.10").toAbsolutePath().normalize();
        Path samples = Paths.get(args.size() > 1 ? args.get(1) : "samples/sweep").toAbsolutePath().normalize();
        Path cacheDir = Paths.get(args.size() > 2 ? args.get(2) : "target/gate-bench-cache").toAbsolutePath().normalize();
        if (fresh) {
            if (Files.exists(cacheDir)) {
                try (var files = Files.walk(cacheDir)) {
                    for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        }
        List<String> patterns = new ArrayList<>(List.of(allFixtures ? fixtures.toString() : samples.toString()));
        for (String name : allFixtures ? List.<String>of() : FIXTURES) {
            Path fixture = fixtures.resolve(name);
            if (!Files.isRegularFile(fixture)) {
                System.out.println("fixture " + fixture + " not found: cannot run the benchmark");
                return;
            }
            patterns.add(fixture.toString());
        }
        EnumSet<SpecialValue> lenient = EnumSet.allOf(SpecialValue.class);
        List<MetricRule> rules = List.of(MetricRule.summary("sharpe_ratio", -10, 10, lenient),
                MetricRule.summary("max_drawdown", Double.NaN, 1, lenient));
        CheckSettings settings = new CheckSettings(patterns, samples, rules, List.of(), Optional.empty(), true,
                Optional.of(RoundTripCache.in(cacheDir)), false, "", CheckSettings.defaultParallelism());
        System.out.println("java " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, parallelism " + settings.parallelism()
                + ", cache " + cacheDir + (fresh ? " (emptied)" : ""));

        long start = System.nanoTime();
        CheckRun run = new CheckRun(settings);
        AtomicInteger failed = new AtomicInteger();
        run.verdicts().forEach(verdict -> verdict.failures().forEach(f -> {
            failed.incrementAndGet();
            System.out.println("FAILED " + f.message());
        }));
        run.closingChecks().filter(CheckResult::isFailure).forEach(f -> System.out.println("FAILED " + f.message()));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("gate over %d bundles (%s): %.2f s wall, %.2f s CPU of this JVM so far,"
                + " load average %.1f, %d failed; round trips %d re-encoded, %d remembered%n", run.bundleCount(),
                allFixtures ? "every fixture in " + fixtures : "24 samples + " + FIXTURES.size() + " fixtures", seconds, cpuSeconds(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                failed.get(), run.roundTrips().reencoded(), run.roundTrips().remembered());
        if (floor) {
            // the floor the cold run cannot beat: one zstd-19 compression of the largest document
            byte[] file = Files.readAllBytes(fixtures.resolve(FIXTURES.get(0)));
            byte[] raw = BundleContainer.decompress(file, FIXTURES.get(0), ReadOptions.DEFAULT_MAX_DECOMPRESSED_BYTES);
            long floorStart = System.nanoTime();
            BundleContainer.compress(raw, BundleContainer.DEFAULT_ZSTD_LEVEL);
            System.out.printf("floor: zstd-%d of %s (%d bytes of msgpack): %.2f s wall%n", BundleContainer.DEFAULT_ZSTD_LEVEL,
                    FIXTURES.get(0), raw.length, (System.nanoTime() - floorStart) / 1e9);
        }
    }

    private static double cpuSeconds() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e9 : Double.NaN;
    }
}
