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
import java.util.concurrent.atomic.AtomicLong;

/**
 * The s3-tiered store against an in-process s3proxy (filesystem backend) on this machine:
 *
 * <ul>
 * <li>{@code migrate}: N production-shape bundles (one one-year window each) sharing 5 OHLCV chunks
 *     (a year of hourly candles per symbol), migrated from a local folder store with 4 writers:
 *     wall time, requests, bytes uploaded, and how many chunk PUTs created a chunk;</li>
 * <li>{@code index}: M copies of one summary-first production bundle under {@code s3://}, read for
 *     the index as {@code ObjectTieredStore.openForIndex} reads them (8 threads): bytes fetched per
 *     bundle against the whole object, and wall time.</li>
 * </ul>
 *
 * Arguments: work folder, N (1,000), M (12,500), parts ({@code migrate,index}).
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
        System.out.println("work folder " + work + ", load average " + Files.readString(Path.of("/proc/loadavg")).trim());
        S3Server server = S3Server.start(work.resolve("s3"));
        try {
            if (parts.contains("migrate")) {
                migrate(server, work.resolve("migrate"), bundles);
            }
            if (parts.contains("index")) {
                index(server, indexed);
            }
        } finally {
            server.close();
        }
        System.out.println("load average " + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static void migrate(S3Server server, Path work, int bundles) throws Exception {
        Path source = work.resolve("source");
        OhlcvStore chunks = new OhlcvStore(source.resolve("ohlcv"));
        Map<String, String> manifest = new LinkedHashMap<>();
        for (int s = 0; s < SYMBOLS.length; s++) {
            manifest.put(SYMBOLS[s] + "/EUR@1h", chunks.put(year(s), false));
        }
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> made = new ArrayList<>();
        for (int i = 0; i < bundles; i++) {
            int n = i;
            made.add(pool.submit(() -> {
                Backtest backtest = ProductionShape.generate(String.format(Locale.ROOT, "sweep-%04d", n), 1, n, manifest);
                // a quick level for the source only: the migration re-encodes at the store's level 19
                BundleWriter.write(backtest.bundle(), source.resolve(backtest.algorithmId() + ".iafbt"),
                        backtest.algorithmId(), WriteOptions.DEFAULT.withZstdLevel(3));
                return null;
            }));
        }
        for (Future<?> f : made) {
            f.get();
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "source: %,d bundles sharing %d chunks written in %.1f s%n", bundles,
                manifest.size(), (System.nanoTime() - started) / 1e9);

        String bucket = server.newBucket();
        try (ObjectTieredStore store = new ObjectTieredStore(S3ObjectStorage.open(server.settings(bucket)),
                work.resolve("tier1.sqlite").toString(), IndexCredentials.NONE)) {
            LocalDirStore from = new LocalDirStore(source);
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
            long t1 = System.nanoTime();
            StoreMigration.Result again = new StoreMigration(from, store).run(null, (h, o, d) -> { }, 4);
            System.out.printf(Locale.ROOT, "the same migration again: %,d unchanged in %.1f s%n", again.unchanged().size(),
                    (System.nanoTime() - t1) / 1e9);
        }
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

    private static void index(S3Server server, int count) throws Exception {
        Backtest production = ProductionShape.generate("indexed", 1, 7);
        byte[] first = production.toBytes(SaveOptions.DEFAULT.withSummaryFirst(true));
        byte[] plain = production.toBytes(SaveOptions.DEFAULT);
        String bucket = server.newBucket();
        try (ObjectTieredStore store = new ObjectTieredStore(S3ObjectStorage.open(server.settings(bucket)), null,
                IndexCredentials.NONE)) {
            long t0 = System.nanoTime();
            parallel(count, i -> store.storage().put(String.format(Locale.ROOT, "bundles/sweep/run-%05d.iafbt", i), first));
            store.storage().put("bundles/plain.iafbt", plain);
            System.out.printf(Locale.ROOT, "uploaded %,d summary-first bundles of %,d bytes in %.1f s%n", count,
                    first.length, (System.nanoTime() - t0) / 1e9);

            long t1 = System.nanoTime();
            List<ObjectInfo> listed = store.bundleObjects();
            double listSeconds = (System.nanoTime() - t1) / 1e9;
            List<ObjectInfo> summaryFirst = listed.stream().filter(b -> b.key().startsWith("bundles/sweep/")).toList();
            AtomicLong fetched = new AtomicLong();
            long requestsBefore = store.storage().counters().requests();
            long t2 = System.nanoTime();
            parallel(summaryFirst.size(), i -> fetched.addAndGet(store.openForIndex(summaryFirst.get(i)).bytesFetched()));
            double readSeconds = (System.nanoTime() - t2) / 1e9;
            long requests = store.storage().counters().requests() - requestsBefore;
            ObjectInfo plainInfo = listed.stream().filter(b -> b.key().equals("bundles/plain.iafbt")).findFirst().orElseThrow();
            long plainFetched = store.openForIndex(plainInfo).bytesFetched();
            System.out.printf(Locale.ROOT, "index %,d summary-first bundles under s3://: listing %.2f s, heads %.1f s"
                    + " (8 threads, %.2f ms a bundle); %,d requests; fetched %,d bytes a bundle of %,d (target ≤ 65,536);"
                    + " the same bundle without summary-first: %,d bytes fetched of %,d%n",
                    summaryFirst.size(), listSeconds, readSeconds, readSeconds * 1000 / summaryFirst.size(), requests,
                    fetched.get() / summaryFirst.size(), first.length, plainFetched, plain.length);
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
