package dev.iafbt.store;

import dev.iafbt.bench.ProductionShape;
import dev.iafbt.index.IndexRows;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.BacktestBuilder;
import dev.iafbt.model.SaveOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Store timings: the Tier-1 + Tier-2 cost a tiered write adds to the bundle save, a DuckDB query
 * over the trades of 1,000 runs, and OHLCV collection over 10,000 bundles and 100,000 chunks.
 *
 * <p>It lives in {@code dev.iafbt.store} (on the class path, beside the library's package) so it
 * can time the Tier-2 and Tier-1 steps of a write on their own, without the level-19 bundle
 * compression that dominates the whole write.
 *
 * <p>Arguments: a work folder (default: a temp folder), the number of GC bundles (10,000), and
 * optionally the reference fixture folder ({@code -} for none), to time the write of
 * {@code batch-0a0bbdc2-v2.iafbt} too, and which parts to run ({@code write,query,gc}).
 */
public final class StoreBenchmark {
    private StoreBenchmark() {
    }

    public static void main(String[] rawArgs) throws Exception {
        String[] args = rawArgs.length == 1 ? rawArgs[0].trim().split("\\s+") : rawArgs;
        Path work = args.length > 0 && !args[0].isEmpty() ? Path.of(args[0]) : Files.createTempDirectory("store-bench");
        int gcBundles = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        System.out.println("work folder " + work);
        String parts = args.length > 3 ? args[3] : "write,query,gc";
        if (parts.contains("write")) {
            tieredWrite(work.resolve("write"), ProductionShape.generate("production", 11, 42), "generated");
            if (args.length > 2 && !args[2].equals("-")) {
                Backtest batch = Backtest.open(Path.of(args[2]).resolve("batch-0a0bbdc2-v2.iafbt"));
                tieredWrite(work.resolve("write-fixture"), batch, "batch fixture");
            }
        }
        if (parts.contains("query")) {
            duckDbQuery(work.resolve("query"), 1_000);
        }
        if (parts.contains("gc")) {
            gc(work.resolve("gc"), gcBundles, 10);
        }
    }

    /** The save alone, the Tier-2 and Tier-1 steps alone, and the whole write, on an 11-run production-shape backtest. */
    static void tieredWrite(Path root, Backtest backtest, String label) throws Exception {
        System.out.println("tiered write, " + label + ":");
        LocalTieredStore store = new LocalTieredStore(root);
        Path file = root.resolve("bundles/prod.iafbt");
        time("bundle save (encode + zstd-19 + atomic write)", 1, 3, () -> backtest.save(file));
        time("Tier-2 encode only (3 datasets, in memory)", 3, 15, () -> Tier2Writer.encode(backtest, "prod"));
        time("Tier-2: 3 Parquet partitions", 3, 15, () -> {
            Tier2Writer.write(store.parquetRoot(), "prod", backtest);
            return null;
        });
        time("Tier-1: stat + row + upsert (open/close index)", 3, 15, () -> {
            long[] stat = StoreFiles.mtimeNsAndSize(file);
            try (SqliteIndex index = SqliteIndex.open(store.indexFile())) {
                index.upsert(IndexRows.fromBacktest(backtest, "prod", stat[0], stat[1]));
            }
            return null;
        });
        time("Tier-1 + Tier-2 together", 3, 15, () -> {
            Tier2Writer.write(store.parquetRoot(), "prod", backtest);
            long[] stat = StoreFiles.mtimeNsAndSize(file);
            try (SqliteIndex index = SqliteIndex.open(store.indexFile())) {
                index.upsert(IndexRows.fromBacktest(backtest, "prod", stat[0], stat[1]));
            }
            return null;
        });
        time("whole tiered write (all tiers)", 1, 3, () -> store.write(backtest, "prod"));
        for (Tier2Dataset dataset : Tier2Dataset.values()) {
            Path part = Tier2Writer.partitionDir(store.parquetRoot(), dataset, "prod").resolve("part-0.parquet");
            if (Files.exists(part)) {
                System.out.printf(Locale.ROOT, "  %s partition: %,d bytes%n", dataset.folderName(), Files.size(part));
            }
        }
        System.out.printf(Locale.ROOT, "  bundle: %,d bytes%n", Files.size(file));
    }

    /** 1,000 handles of one production-shape run each (Tier-2 only), then a grouped query over all trades. */
    static void duckDbQuery(Path root, int runs) throws Exception {
        LocalTieredStore store = new LocalTieredStore(root);
        Backtest oneRun = ProductionShape.generate("one-run", 1, 7);
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            Tier2Writer.write(store.parquetRoot(), String.format(Locale.ROOT, "run-%04d", i), oneRun);
        }
        System.out.printf(Locale.ROOT, "  wrote Tier-2 of %,d runs in %.1f s (%,d trades each)%n", runs,
                (System.nanoTime() - start) / 1e9, oneRun.runs().get(0).trades().size());
        String sql = "SELECT run_id, count(*) AS trades, sum(net_gain) AS net, avg(open_price) AS price FROM read_parquet('"
                + store.parquetRoot().resolve("trades") + "/*/*.parquet', hive_partitioning = true,"
                + " hive_types = {'run_id': VARCHAR}) GROUP BY run_id ORDER BY net DESC";
        time("DuckDB: trades of " + runs + " runs, grouped by run (new connection)", 1, 5, () -> {
            try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                    Statement st = db.createStatement();
                    ResultSet rs = st.executeQuery(sql)) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                }
                if (rows != runs) {
                    throw new IllegalStateException(rows + " groups, expected " + runs);
                }
                return rows;
            }
        });
    }

    /**
     * A tiered store of {@code bundles} bundles referencing {@code perBundle} chunks each, plus one
     * orphan per bundle: 10,000 × (10 + 1) = 110,000 chunk files, 100,000 referenced.
     */
    static void gc(Path root, int bundles, int perBundle) throws Exception {
        LocalTieredStore store = new LocalTieredStore(root);
        Path chunks = Files.createDirectories(store.root().resolve(LocalTieredStore.OHLCV_DIR));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long start = System.nanoTime();
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofDays(3)));
        int chunkCount = 0;
        for (int b = 0; b < bundles; b++) {
            BacktestBuilder builder = Backtest.builder("gc-" + b);
            for (int c = 0; c <= perBundle; c++) {
                byte[] content = ("chunk " + b + "/" + c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                String name = HexFormat.of().formatHex(sha.digest(content)) + ".parquet";
                Path chunk = chunks.resolve(name);
                if (!Files.exists(chunk)) { // a re-run only puts back the orphans the last sweep deleted
                    Files.write(chunk, content);
                    Files.setLastModifiedTime(chunk, old);
                }
                chunkCount++;
                if (c < perBundle) { // the last one of each bundle stays unreferenced: an orphan
                    builder.ohlcv("SYM" + c + "/EUR@1h", name);
                }
            }
            Path bundle = store.root().resolve("bundles/gc-" + b + ".iafbt");
            if (!Files.exists(bundle)) { // a re-run in the same work folder reuses the bundles
                builder.build().save(bundle, SaveOptions.DEFAULT.withZstdLevel(3));
            }
        }
        System.out.printf(Locale.ROOT, "  set up %,d bundles and %,d chunks in %.1f s%n", bundles, chunkCount,
                (System.nanoTime() - start) / 1e9);
        GcReport dry = once("gc-ohlcv dry run over " + bundles + " bundles", () ->
                OhlcvCollector.collect(root, OhlcvCollector.DEFAULT_GRACE, true));
        System.out.println("  " + dry.summary());
        GcReport real = once("gc-ohlcv real sweep over " + bundles + " bundles", () ->
                OhlcvCollector.collect(root, OhlcvCollector.DEFAULT_GRACE, false));
        System.out.println("  " + real.summary());
    }

    private static <T> T once(String name, Callable<T> body) throws Exception {
        long start = System.nanoTime();
        T result = body.call();
        System.out.printf(Locale.ROOT, "%-62s %9.2f s%n", name, (System.nanoTime() - start) / 1e9);
        return result;
    }

    /**
     * Wall time and the calling thread's CPU time (every step timed here runs on the calling
     * thread), so a figure taken on a busy shared machine can be judged by its CPU part too.
     */
    private static void time(String name, int warmups, int runs, Callable<?> body) throws Exception {
        for (int i = 0; i < warmups; i++) {
            body.call();
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] ms = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            body.call();
            ms[i] = (System.nanoTime() - start) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%-56s wall median %9.2f ms best %9.2f | cpu median %9.2f ms best %9.2f (%d runs)%n",
                name, ms[runs / 2], ms[0], cpu[runs / 2], cpu[0], runs);
    }
}
