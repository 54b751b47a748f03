package dev.iafbt.bench;

import dev.iafbt.index.BacktestIndex;
import dev.iafbt.index.IndexCredentials;
import dev.iafbt.index.IndexResult;
import dev.iafbt.index.IndexRow;
import dev.iafbt.index.Indexer;
import dev.iafbt.index.PostgresIndex;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.rank.EvaluationFocus;
import dev.iafbt.rank.IndexQuery;
import dev.iafbt.rank.WeightedRanker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Not a test: the PostgreSQL index beside the SQLite one, on the same machine.
 * <ol>
 *   <li>cold index of N flat clones of a small bundle into SQLite and into PostgreSQL, then an
 *       incremental run (nothing changed) into each;</li>
 *   <li>4 indexers at once into one PostgreSQL table, each over its own folder of N/… bundles
 *       (50,000 rows in all): rows lost or duplicated, and throughput;</li>
 *   <li>{@code rank} balanced, top 10, over R synthetic rows written with the index's own writer,
 *       on PostgreSQL and on SQLite.</li>
 * </ol>
 * Without a URL it starts an embedded PostgreSQL server (real binaries, default settings). A count
 * of 0 skips its part ({@code 0 0 1000000} times the rank alone). With {@code BENCH_WORK} set to a
 * folder, the rank's rows are written once and kept there for the next run (the SQLite file, and the
 * embedded server's data folder; with a URL, the schema {@code bench_rank_<rows>}): writing a
 * million rows takes minutes, ranking them a second.
 *
 * <pre>
 * ./mvnw -B -q -Pbench -pl iafbt-lib,iafbt-bench -am install -DskipTests -Dinvoker.skip
 * ./mvnw -B -q -Pbench -pl iafbt-bench exec:exec -Dbench.main=dev.iafbt.bench.PostgresIndexBenchmark \
 *     -Dbench.args="$FIXTURES/small-v2.iafbt 12500 50000 1000000 [jdbc:postgresql://…]"
 * </pre>
 */
public final class PostgresIndexBenchmark {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private PostgresIndexBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        String[] args = BenchArgs.split(arguments);
        Path template = Path.of(args[0]);
        int bundles = Integer.parseInt(args[1]);
        int concurrentRows = Integer.parseInt(args[2]);
        int rankRows = Integer.parseInt(args[3]);
        String keptFolder = System.getenv("BENCH_WORK");
        Path kept = keptFolder == null ? null : Files.createDirectories(Path.of(keptFolder));
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres embedded = null;
        String base;
        IndexCredentials credentials;
        if (args.length > 4) {
            base = args[4];
            credentials = IndexCredentials.NONE;
        } else {
            var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder();
            if (kept != null) {
                builder.setDataDirectory(kept.resolve("pg-data")).setCleanDataDirectory(false);
            }
            embedded = builder.start();
            base = "jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres";
            credentials = new IndexCredentials("postgres", null);
        }
        Path work = Files.createTempDirectory("iafbt-pg-bench-");
        try {
            System.out.printf(Locale.ROOT, "%s %s, %d cores, max heap %d MiB, PostgreSQL %s%n",
                    System.getProperty("java.vm.name"), System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                    embedded == null ? base : "embedded (zonky 2.2.2, default settings)");
            byte[] bytes = Files.readAllBytes(template);
            if (bundles > 0) {
                Path flat = work.resolve("flat");
                clone(bytes, flat, "algo", bundles);
                coldAndIncremental(flat, bundles, base, credentials);
            }
            if (concurrentRows > 0) {
                concurrent(bytes, work, concurrentRows, base, credentials);
            }
            if (rankRows > 0) {
                rank(kept == null ? work : kept, rankRows, kept == null ? freshSchema(base)
                        : withSchema(base, "bench_rank_" + rankRows), credentials);
            }
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static String freshSchema(String base) {
        return withSchema(base, "bench_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet());
    }

    private static String withSchema(String base, String schema) {
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void clone(byte[] bytes, Path folder, String prefix, int count) throws IOException {
        Files.createDirectories(folder);
        for (int i = 0; i < count; i++) {
            Files.write(folder.resolve(String.format(Locale.ROOT, "%s_%06d.iafbt", prefix, i)), bytes);
        }
    }

    private static void coldAndIncremental(Path flat, int bundles, String base, IndexCredentials credentials) {
        for (int round = 1; round <= 3; round++) {
            Path file = flat.resolveSibling("index-" + round + ".sqlite");
            String url = freshSchema(base);
            long t0 = System.nanoTime();
            IndexResult liteCold = Indexer.builder(flat).output(file).build().run();
            long t1 = System.nanoTime();
            IndexResult liteIncr = Indexer.builder(flat).output(file).build().run();
            long t2 = System.nanoTime();
            IndexResult pgCold = Indexer.builder(flat).database(url, credentials).build().run();
            long t3 = System.nanoTime();
            IndexResult pgIncr = Indexer.builder(flat).database(url, credentials).build().run();
            long t4 = System.nanoTime();
            System.out.printf(Locale.ROOT, "round %d, %,d bundles: cold SQLite %8.1f ms, PostgreSQL %8.1f ms (%.2fx) |"
                    + " incremental SQLite %6.1f ms, PostgreSQL %6.1f ms (%d/%d unchanged)%n", round, bundles,
                    (t1 - t0) / 1e6, (t3 - t2) / 1e6, (double) (t3 - t2) / (t1 - t0), (t2 - t1) / 1e6, (t4 - t3) / 1e6,
                    liteIncr.unchanged(), pgIncr.unchanged());
            check(liteCold.indexed() == bundles && pgCold.indexed() == bundles, "every bundle indexed");
        }
    }

    private static void concurrent(byte[] bytes, Path work, int rows, String base, IndexCredentials credentials)
            throws Exception {
        int indexers = 4;
        List<Path> folders = new ArrayList<>();
        for (int w = 0; w < indexers; w++) {
            Path folder = work.resolve("machine-" + w);
            clone(bytes, folder, "m" + w, rows / indexers); // distinct names: distinct rows
            folders.add(folder);
        }
        String url = freshSchema(base);
        try (BacktestIndex index = PostgresIndex.open(url, credentials)) {
            index.count(); // the table exists before the indexers race
        }
        ExecutorService pool = Executors.newFixedThreadPool(indexers);
        long t0 = System.nanoTime();
        List<Future<IndexResult>> results = new ArrayList<>();
        for (Path folder : folders) {
            results.add(pool.submit(() -> Indexer.builder(folder).database(url, credentials).threads(1).build().run()));
        }
        long indexed = 0;
        for (Future<IndexResult> result : results) {
            indexed += result.get().indexed();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        try (BacktestIndex index = PostgresIndex.openReadOnly(url, credentials)) {
            long count = index.count();
            long distinct = index.bundlePaths().stream().distinct().count();
            System.out.printf(Locale.ROOT, "%d concurrent indexers, %,d rows: %.1f s, %,.0f rows/s; rows in the table %,d,"
                    + " distinct %,d, lost %d, duplicated %d%n", indexers, indexed, seconds, indexed / seconds, count,
                    distinct, rows - distinct, count - distinct);
        }
    }

    private static void rank(Path folder, int rows, String url, IndexCredentials credentials) throws Exception {
        Path file = folder.resolve("rank-" + rows + ".sqlite");
        try (PostgresIndex pg = PostgresIndex.open(url, credentials);
             BacktestIndex lite = Files.exists(file) ? SqliteIndex.open(file) : SqliteIndex.create(file)) {
            for (BacktestIndex index : List.of(lite, pg)) {
                if (index.count() == rows) {
                    System.out.printf(Locale.ROOT, "%,d rows already in %s (kept from an earlier run)%n", rows,
                            index.dialect().name());
                    continue;
                }
                long t0 = System.nanoTime();
                SplittableRandom random = new SplittableRandom(540);
                List<IndexRow> batch = new ArrayList<>(10_000);
                for (int i = 0; i < rows; i++) {
                    batch.add(SyntheticRows.random(random, i, false));
                    if (batch.size() == 10_000) {
                        index.upsertAll(batch); // the same seeded rows: a rerun replaces, never adds
                        batch.clear();
                    }
                }
                index.upsertAll(batch);
                System.out.printf(Locale.ROOT, "wrote %,d rows into %s in %.1f s%n", index.count(),
                        index.dialect().name(), (System.nanoTime() - t0) / 1e9);
            }
            long t0 = System.nanoTime(); // rows kept from a run before the ranked indexes existed get them now
            pg.indexRankedColumns(); // as a writer's close would build them
            System.out.printf(Locale.ROOT, "ranked-column indexes on PostgreSQL present or built in %.1f s%n",
                    (System.nanoTime() - t0) / 1e9);
            IndexQuery top10 = IndexQuery.builder().limit(10).build();
            WeightedRanker balanced = WeightedRanker.forFocus(EvaluationFocus.BALANCED);
            var liteTop = Stopwatch.time(String.format(Locale.ROOT, "SQLite rank balanced, top 10, %,d rows", rows), 1, 5,
                    () -> balanced.rank(lite, top10)).medianMs();
            var pgTop = Stopwatch.time(String.format(Locale.ROOT, "PostgreSQL rank balanced, top 10, %,d rows", rows), 1, 5,
                    () -> balanced.rank(pg, top10)).medianMs();
            check(balanced.rank(pg, top10).equals(balanced.rank(lite, top10)), "the same top 10 on both");
            System.out.printf(Locale.ROOT, "same top 10 on both; PostgreSQL/SQLite %.2fx%n", pgTop / liteTop);
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark check failed: " + what);
        }
    }
}
