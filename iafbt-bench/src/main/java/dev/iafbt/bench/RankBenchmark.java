package dev.iafbt.bench;

import dev.iafbt.index.IndexRow;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.model.SummaryField;
import dev.iafbt.rank.EvaluationFocus;
import dev.iafbt.rank.IndexQuery;
import dev.iafbt.rank.RankWeights;
import dev.iafbt.rank.WeightedRanker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Not a test: a plain main that times the {@code list}/{@code rank} queries.
 * <ul>
 *   <li>the reference's query: top 20 by sharpe_ratio over 12,500 rows
 *       whose sharpe is {@code (i % 100)/50 - 1} and every other metric equal;</li>
 *   <li>weighted ranking over 100,000 rows whose 55 summary metrics are all seeded-random (about
 *       5% NULL), so every preset metric has a real range; ±inf (0.1%) only in the ratios that
 *       divide by a quantity that can be zero (profit_factor, calmar, sortino, win_loss_ratio),
 *       as real sweeps have them;</li>
 *   <li>the same with ±inf in every float metric, the worst case for the ranker (each such
 *       column is aggregated twice and tested per value).</li>
 * </ul>
 * Rows are written straight into the index (no bundles), so only the queries are timed.
 *
 * <pre>
 * ./mvnw -B -q -Pbench -pl iafbt-lib,iafbt-bench install -DskipTests -Dinvoker.skip
 * ./mvnw -B -q -Pbench -pl iafbt-bench exec:exec -Dbench.main=dev.iafbt.bench.RankBenchmark [-Dbench.args="12500 100000"]
 * </pre>
 */
public final class RankBenchmark {
    private RankBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        String[] args = BenchArgs.split(arguments);
        int listRows = args.length > 0 ? Integer.parseInt(args[0]) : 12_500;
        int rankRows = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path work = Files.createTempDirectory("iafbt-rank-bench-");
        try {
            System.out.printf(Locale.ROOT, "%s %s, %d cores, max heap %d MiB%n", System.getProperty("java.vm.name"),
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
            Path listIndex = work.resolve("list.sqlite");
            writeReferenceRows(listIndex, listRows);
            IndexQuery top20 = IndexQuery.builder().sortBy("sharpe_ratio").limit(20).build();
            try (SqliteIndex index = SqliteIndex.open(listIndex)) {
                Stopwatch.time(String.format(Locale.ROOT, "list top 20 by sharpe_ratio, %,d rows (open index)", listRows),
                        50, 200, () -> top20.run(index));
            }
            Stopwatch.time(String.format(Locale.ROOT, "open + list top 20 by sharpe_ratio, %,d rows", listRows),
                    20, 100, () -> {
                        try (SqliteIndex index = SqliteIndex.open(listIndex)) {
                            return top20.run(index);
                        }
                    });

            for (boolean infEverywhere : new boolean[] {false, true}) {
                Path rankIndex = work.resolve(infEverywhere ? "rank-inf.sqlite" : "rank.sqlite");
                writeRandomRows(rankIndex, rankRows, infEverywhere);
                try (SqliteIndex index = SqliteIndex.open(rankIndex)) {
                    String rows = String.format(Locale.ROOT, "%,d rows%s", rankRows, infEverywhere ? ", inf in every metric" : "");
                    IndexQuery top10 = IndexQuery.builder().limit(10).build();
                    Stopwatch.time("rank balanced (17 weights), top 10, " + rows, 3, 15,
                            () -> WeightedRanker.forFocus(EvaluationFocus.BALANCED).rank(index, top10));
                    if (infEverywhere) {
                        continue;
                    }
                    Stopwatch.time("rank risk_adjusted, top 100, " + rows, 3, 15,
                            () -> WeightedRanker.forFocus(EvaluationFocus.RISK_ADJUSTED)
                                    .rank(index, IndexQuery.builder().limit(100).build()));
                    Stopwatch.time("rank balanced + sharpe_ratio=2,max_drawdown=-1, ascending, top 10, " + rows, 3, 15,
                            () -> WeightedRanker.forFocus(null, RankWeights.parse("sharpe_ratio=2,max_drawdown=-1"))
                                    .rank(index, IndexQuery.builder().ascending(true).limit(10).build()));
                    Stopwatch.time("rank balanced, where number_of_trades > 100, top 10, " + rows, 3, 15,
                            () -> WeightedRanker.forFocus(EvaluationFocus.BALANCED)
                                    .rank(index, IndexQuery.builder().where("summary_number_of_trades > 100").limit(10).build()));
                    Stopwatch.time("rank balanced, all rows returned, " + rows, 1, 5,
                            () -> WeightedRanker.forFocus(EvaluationFocus.BALANCED).rank(index, IndexQuery.builder().build()));
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The reference workload's rows: {@code algo_00000…}, tag bench, sharpe {@code (i % 100)/50 - 1}, the rest equal. */
    private static void writeReferenceRows(Path file, int count) {
        int digits = Math.max(5, String.valueOf(count).length());
        List<IndexRow> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = String.format(Locale.ROOT, "algo_%0" + digits + "d", i);
            IndexRow.Builder b = IndexRow.builder().bundlePath(id + ".iafbt").algorithmId(id).tag("bench");
            for (SummaryField f : SummaryField.values()) {
                b.summary(f, f.isInteger() ? (Number) 0L : (Number) 0.0);
            }
            rows.add(b.summary(SummaryField.SHARPE_RATIO, (i % 100) / 50.0 - 1.0).build());
        }
        write(file, rows);
    }

    private static void writeRandomRows(Path file, int count, boolean infEverywhere) {
        SplittableRandom random = new SplittableRandom(540);
        List<IndexRow> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(SyntheticRows.random(random, i, infEverywhere));
        }
        write(file, rows);
    }

    private static void write(Path file, List<IndexRow> rows) {
        long start = System.nanoTime();
        try (SqliteIndex index = SqliteIndex.create(file)) {
            index.upsertAll(rows);
        }
        try {
            System.out.printf(Locale.ROOT, "wrote %,d rows to %s (%.1f MiB) in %.1f s%n", rows.size(), file.getFileName(),
                    Files.size(file) / 1048576.0, (System.nanoTime() - start) / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
