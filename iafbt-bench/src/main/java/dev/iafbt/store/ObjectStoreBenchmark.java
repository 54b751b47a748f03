package dev.iafbt.store;

import dev.iafbt.bench.ProductionShape;
import dev.iafbt.bundle.BundleWriter;
import dev.iafbt.bundle.WriteOptions;
import dev.iafbt.index.IndexCredentials;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.SaveOptions;
import dev.iafbt.ohlcv.OhlcvFrame;
import dev.iafbt.ohlcv.OhlcvStore;
import dev.iafbt.store.object.ObjectInfo;
import dev.iafbt.store.object.S3ObjectStorage;
import dev.iafbt.store.object.TransferCounters;
import dev.iafbt.testing.S3Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The s3-tiered store against an in-process s3proxy (filesystem backend) on this machine:
 *
 * <ul>
 * <li>{@code migrate}: N production-shape bundles (one one-year window each) sharing 5 OHLCV chunks
 *     (a year of hourly candles per symbol), migrated from a local tiered store with 4 writers:
 *     wall time, requests, bytes uploaded, how many chunk PUTs created a chunk, and whether the
 *     bundles arrived byte for byte (a migration whose documents need no change copies the bytes
 *     instead of re-encoding at zstd 19). The source store is generated once per work folder and
 *     reused by later runs with the same N;</li>
 * <li>{@code index}: M copies of one summary-first production bundle under {@code s3://}, indexed
 *     into a Tier 1 as {@code iafbt:index -Diafbt.store=s3://…} does ({@link ObjectStoreIndexing}, 8
 *     threads): bytes fetched per bundle against the whole object, requests, and wall time.</li>
 * </ul>
 *
 * Arguments: work folder, N (1,000), M (12,500), parts ({@code migrate,index}), the zstd level the
 * source store's bundles are written at (3: a quick setup; 19: what a store writes).
 */
public final class ObjectStoreBenchmark {
    private static final String[] SYMBOLS = {"BTC", "ETH", "ADA", "SOL", "DOT"};

    private ObjectStoreBenchmark() {
    }

    public static void main(String[] rawArgs) throws Exception {
        String[] args = rawArgs.length == 1 ? rawArgs[0].trim().split("\\s+") : rawArgs;
        Path work = args.length > 0 && !args[0].isEmpty() ? Path.of(args[0]) : Files.createTempDirectory("s3-bench");
        int bundles = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int indexed = args.length > 2 ? Integer.parseInt(args[2]) : 12_500;
        String parts = args.length > 3 ? args[3] : "migrate,index";
        int sourceLevel = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        System.out.println("work folder " + work + ", load average " + Files.readString(Path.of("/proc/loadavg")).trim());
        S3Server server = S3Server.start(work.resolve("s3"));
        try {
            if (parts.contains("migrate")) {
                migrate(server, work.resolve("migrate"), bundles, sourceLevel);
            }
            if (parts.contains("index")) {
                index(server, work.resolve("index"), indexed);
            }
        } finally {
            server.close();
        }
        System.out.println("load average " + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static void migrate(S3Server server, Path work, int bundles, int sourceLevel) throws Exception {
        Path source = work.resolve("source-" + bundles + "-zstd" + sourceLevel);
        Map<String, String> manifest = sourceStore(source, bundles, sourceLevel);

        String bucket = server.newBucket();
        Files.deleteIfExists(work.resolve("tier1.sqlite")); // an earlier run's rows name another bucket's bundles
        try (ObjectTieredStore store = new ObjectTieredStore(S3ObjectStorage.open(server.settings(bucket)),
                work.resolve("tier1.sqlite").toString(), IndexCredentials.NONE)) {
            LocalTieredStore from = new LocalTieredStore(source);
            long t0 = System.nanoTime();
            StoreMigration.Result result = new StoreMigration(from, store).run(null, (h, o, d) -> { }, 4);
            double seconds = (System.nanoTime() - t0) / 1e9;
            TransferCounters c = store.storage().counters();
            System.out.printf(Locale.ROOT, "migrate %,d bundles with 4 writers: %.1f s (%.1f ms a bundle), %,d copied,"
                    + " %,d failed; %,d requests (%.1f a bundle), %,d bytes uploaded (%,d a bundle);"
                    + " chunk PUTs that created a chunk: %d of %d distinct, refused as already there: %d%n",
                    bundles, seconds, seconds * 1000 / bundles, result.copied().size(), result.failed().size(),
                    c.requests(), (double) c.requests() / bundles, c.bytesUploaded(), c.bytesUploaded() / bundles,
                    c.conditionalCreated(), manifest.size(), c.conditionalAlreadyThere());
            int verbatim = 0;
            int sampled = Math.min(bundles, 20);
            for (int i = 0; i < sampled; i++) {
                String key = String.format(Locale.ROOT, "bundles/sweep-%04d.iafbt", i * bundles / sampled);
                verbatim += java.util.Arrays.equals(store.storage().get(key).orElseThrow(),
                        Files.readAllBytes(source.resolve(key))) ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "byte-for-byte copies of the source bundle: %d of %d sampled%n", verbatim, sampled);
            long t1 = System.nanoTime();
            StoreMigration.Result again = new StoreMigration(from, store).run(null, (h, o, d) -> { }, 4);
            System.out.printf(Locale.ROOT, "the same migration again: %,d unchanged in %.1f s%n", again.unchanged().size(),
                    (System.nanoTime() - t1) / 1e9);
        }
    }

    /**
     * A local tiered store of {@code bundles} production-shape bundles sharing 5 chunks, its Tier 1
     * built: written once, reused while the folder holds them.
     */
    private static Map<String, String> sourceStore(Path source, int bundles, int level) throws Exception {
        OhlcvStore chunks = new OhlcvStore(source.resolve("ohlcv"));
        Map<String, String> manifest = new LinkedHashMap<>();
        for (int s = 0; s < SYMBOLS.length; s++) {
            manifest.put(SYMBOLS[s] + "/EUR@1h", chunks.put(year(s), false));
        }
        Path folder = source.resolve(LocalTieredStore.BUNDLES_DIR);
        if (Files.isRegularFile(source.resolve(LocalTieredStore.INDEX_FILE))
                && new LocalTieredStore(source).handles().size() == bundles) {
            System.out.printf(Locale.ROOT, "source: reusing the local tiered store %s (%,d bundles)%n", source, bundles);
            return manifest;
        }
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> made = new ArrayList<>();
        for (int i = 0; i < bundles; i++) {
            int n = i;
            made.add(pool.submit(() -> {
                Backtest backtest = ProductionShape.generate(String.format(Locale.ROOT, "sweep-%04d", n), 1, n, manifest);
                // as a local tiered store saves it: bundles/<handle>.iafbt, its chunks in ../ohlcv
                BundleWriter.write(ChunkPlacement.relocate(backtest, "../ohlcv"), folder.resolve(backtest.algorithmId()
                        + ".iafbt"), backtest.algorithmId(), WriteOptions.DEFAULT.withZstdLevel(level));
                return null;
            }));
        }
        for (Future<?> f : made) {
            f.get();
        }
        pool.shutdown();
        LocalTieredStore.RebuildResult tier1 = new LocalTieredStore(source).rebuildIndex();
        System.out.printf(Locale.ROOT, "source: local tiered store of %,d bundles (zstd %d) sharing %d chunks, %,d"
                + " Tier-1 rows, written in %.1f s%n", bundles, level, manifest.size(), tier1.rows(),
                (System.nanoTime() - started) / 1e9);
        return manifest;
    }

    /** A year of hourly candles: one shared OHLCV chunk. */
    private static OhlcvFrame year(int symbol) {
        int rows = 365 * 24;
        SplittableRandom random = new SplittableRandom(symbol);
        long[] ts = new long[rows];
        double[] open = new double[rows];
        double[] high = new double[rows];
        double[] low = new double[rows];
        double[] close = new double[rows];
        double[] volume = new double[rows];
        long start = Instant.parse("2022-01-01T00:00:00Z").toEpochMilli();
        double price = 100 * (symbol + 1);
        for (int i = 0; i < rows; i++) {
            ts[i] = start + i * 3_600_000L;
            open[i] = price;
            price *= 1 + random.nextGaussian() * 0.01;
            close[i] = price;
            high[i] = Math.max(open[i], close[i]) * 1.002;
            low[i] = Math.min(open[i], close[i]) * 0.998;
            volume[i] = 1000 + random.nextInt(5000);
        }
        return OhlcvFrame.ofEpochMillis(ts, open, high, low, close, volume);
    }

    private static void index(S3Server server, Path work, int count) throws Exception {
        Backtest production = ProductionShape.generate("indexed", 1, 7);
        byte[] first = production.toBytes(SaveOptions.DEFAULT.withSummaryFirst(true));
        byte[] plain = production.toBytes(SaveOptions.DEFAULT);
        String bucket = server.newBucket();
        Path tier1 = work.resolve("index-tier1.sqlite");
        Files.createDirectories(work);
        Files.deleteIfExists(tier1);
        try (ObjectTieredStore store = new ObjectTieredStore(S3ObjectStorage.open(server.settings(bucket)),
                tier1.toString(), IndexCredentials.NONE)) {
            long t0 = System.nanoTime();
            parallel(count, i -> store.storage().put(String.format(Locale.ROOT, "bundles/sweep/run-%05d.iafbt", i), first));
            System.out.printf(Locale.ROOT, "uploaded %,d summary-first bundles of %,d bytes in %.1f s%n", count,
                    first.length, (System.nanoTime() - t0) / 1e9);

            // what `mvn iafbt:index -Diafbt.store=s3://…` does: LIST, ranged heads on 8 threads, Tier-1 rows
            long requestsBefore = store.storage().counters().requests();
            long t1 = System.nanoTime();
            ObjectStoreIndexing.Result result = ObjectStoreIndexing.refresh(store, 8, false, (h, r, f) -> { });
            double seconds = (System.nanoTime() - t1) / 1e9;
            long requests = store.storage().counters().requests() - requestsBefore;
            store.storage().put("bundles/plain.iafbt", plain);
            ObjectInfo plainInfo = store.storage().head("bundles/plain.iafbt").orElseThrow();
            long plainFetched = store.openForIndex(plainInfo).bytesFetched();
            System.out.printf(Locale.ROOT, "index %,d summary-first bundles under s3:// into Tier 1 (SQLite): %.1f s"
                    + " (8 threads, %.2f ms a bundle), %,d indexed, %,d failed; %,d requests; fetched %,d bytes a bundle"
                    + " of %,d (target ≤ 65,536); the same bundle without summary-first: %,d bytes fetched of %,d%n",
                    count, seconds, seconds * 1000 / count, result.indexed(), result.failed().size(), requests,
                    result.bytesPerBundle(), first.length, plainFetched, plain.length);
        }
    }

    private interface Task {
        void run(int i) throws Exception;
    }

    private static void parallel(int count, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    task.run(n);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
