package dev.iafbt.rank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.index.BacktestIndex;
import dev.iafbt.index.IndexRow;
import dev.iafbt.index.IndexSchema;
import dev.iafbt.index.Indexes;
import dev.iafbt.index.PostgresIndex;
import dev.iafbt.model.SummaryField;
import dev.iafbt.testing.EmbeddedPostgres;
import dev.iafbt.testing.IndexBackend;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The SQL-side ranking ({@link WeightedRanker#rank}) must give exactly what the plain Java
 * reference implementation ({@link WeightedRanker#score}) gives on every filtered row: same rows,
 * same order, bit-identical scores, for any limit and direction, with NULLs, ±inf, integer
 * columns, constant columns and many rounding ties.
 */
class WeightedRankerEquivalenceTest {
    @TempDir
    Path tmp;

    private static final List<SummaryField> FIELDS = List.of(SummaryField.SHARPE_RATIO, SummaryField.MAX_DRAWDOWN,
            SummaryField.NUMBER_OF_TRADES, SummaryField.WIN_RATE, SummaryField.CAGR, SummaryField.CALMAR_RATIO, SummaryField.PROFIT_FACTOR);

    private BacktestIndex randomIndex(IndexBackend backend, long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<IndexRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            IndexRow.Builder b = IndexRow.builder().bundlePath("b" + i + ".iafbt").algorithmId("a" + i)
                    .tag(i % 3 == 0 ? "x" : "y");
            for (SummaryField f : FIELDS) {
                double p = random.nextDouble();
                if (p < 0.1) {
                    continue;
                }
                if (f == SummaryField.NUMBER_OF_TRADES) {
                    b.summary(f, (long) random.nextInt(5)); // few distinct values: many ties
                } else if (f == SummaryField.CALMAR_RATIO) {
                    b.summary(f, 1.25); // constant: max == min
                } else if (p > 0.97) {
                    b.summary(f, random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
                } else {
                    b.summary(f, random.nextInt(7) / 4.0 + (random.nextInt(10) == 0 ? random.nextDouble() * 1e-7 : 0));
                }
            }
            rows.add(b.build());
        }
        BacktestIndex index = backend.create(tmp.resolve("r" + seed));
        index.upsertAll(rows);
        return index;
    }

    private static List<LinkedHashMap<String, Object>> expected(BacktestIndex index, WeightedRanker ranker,
            IndexQuery query) {
        ColumnResolver resolver = new ColumnResolver(index.columns());
        Map<String, Double> byColumn = new LinkedHashMap<>();
        ranker.weights().forEach((metric, w) -> resolver.find(metric).ifPresent(c -> byColumn.merge(c, w, Double::sum)));
        List<String> projection = query.projection(index);
        LinkedHashSet<String> fetched = new LinkedHashSet<>(projection);
        fetched.addAll(byColumn.keySet());
        List<LinkedHashMap<String, Object>> all = query.toBuilder().columns(new ArrayList<>(fetched)).limit(null)
                .build().run(index);
        List<LinkedHashMap<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : WeightedRanker.score(all, byColumn, query.ascending(), query.limit())) {
            LinkedHashMap<String, Object> projected = new LinkedHashMap<>();
            projection.forEach(c -> projected.put(c, row.get(c)));
            projected.put(WeightedRanker.SCORE_KEY, row.get(WeightedRanker.SCORE_KEY));
            out.add(projected);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(IndexBackend.class)
    void sqlRankingEqualsTheJavaReferenceImplementation(IndexBackend backend) {
        List<WeightedRanker> rankers = List.of(
                WeightedRanker.forFocus(EvaluationFocus.BALANCED),
                WeightedRanker.forFocus(EvaluationFocus.RISK_ADJUSTED),
                WeightedRanker.forFocus(null, RankWeights.parse("sharpe_ratio=2,max_drawdown=-1,number_of_trades=0.3")),
                WeightedRanker.forFocus(EvaluationFocus.FREQUENCY, Map.of("win_rate", -1e-7)));
        int checked = 0;
        for (long seed = 1; seed <= 4; seed++) {
            try (BacktestIndex index = randomIndex(backend, seed, 400)) {
                for (WeightedRanker ranker : rankers) {
                    for (Integer limit : new Integer[] {null, 0, 1, 7, 50, 399, 400, 1000}) {
                        for (boolean ascending : new boolean[] {false, true}) {
                            for (String where : new String[] {null, "tag = 'x'", "summary_sharpe_ratio > 100"}) {
                                IndexQuery query = IndexQuery.builder().columns("algorithm_id", "sharpe_ratio")
                                        .limit(limit).ascending(ascending).where(where).build();
                                List<LinkedHashMap<String, Object>> actual = ranker.rank(index, query);
                                assertThat(actual).as("seed %d limit %s asc %s where %s", seed, limit, ascending, where)
                                        .isEqualTo(expected(index, ranker, query));
                                checked++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(4 * 4 * 8 * 2 * 3);
    }

    /**
     * Continuous values give distinct scores, so a shortlist comes from the top-K scan alone (the
     * rows the database sorts beyond the limit already fall outside the rounding span); a block of
     * identical rows at the top then forces the second scan, as more rows tie at the cut-off than
     * the top-K sort returns; values far from zero in a narrow range make the database rank by the
     * exact expression; values near {@link Double#MAX_VALUE} (ranges that overflow) force the full
     * fetch. Each must equal the plain Java scoring.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(IndexBackend.class)
    void topKScanSecondScanAndFullFetchEqualTheJavaReferenceImplementation(IndexBackend backend) {
        SplittableRandom random = new SplittableRandom(17);
        List<IndexRow> rows = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            boolean tied = i >= 200 && i < 300; // 100 identical rows: their scores tie
            IndexRow.Builder b = IndexRow.builder().bundlePath("c" + i + ".iafbt").algorithmId("a" + i)
                    .tag(tied ? "t" : i % 2 == 0 ? "x" : "y");
            for (SummaryField f : FIELDS) {
                if (tied) {
                    b.summary(f, f == SummaryField.NUMBER_OF_TRADES ? (Number) 500L : (Number) 3.5);
                } else if (random.nextDouble() < 0.05) {
                    continue;
                } else if (f == SummaryField.NUMBER_OF_TRADES) {
                    b.summary(f, (long) random.nextInt(1000));
                } else {
                    b.summary(f, random.nextDouble(-2, 4));
                }
            }
            rows.add(b.build());
        }
        List<WeightedRanker> rankers = List.of(WeightedRanker.forFocus(EvaluationFocus.BALANCED),
                WeightedRanker.forFocus(null, RankWeights.parse("sharpe_ratio=2,max_drawdown=-1,number_of_trades=0.3")));
        try (BacktestIndex index = backend.create(tmp.resolve("continuous"))) {
            index.upsertAll(rows);
            for (WeightedRanker ranker : rankers) {
                for (Integer limit : new Integer[] {1, 7, 50, 120}) {
                    for (boolean ascending : new boolean[] {false, true}) {
                        for (String where : new String[] {null, "tag = 'x'", "tag <> 'y'", "tag = 't'"}) {
                            IndexQuery query = IndexQuery.builder().columns("algorithm_id", "sharpe_ratio")
                                    .limit(limit).ascending(ascending).where(where).build();
                            assertThat(ranker.rank(index, query)).as("limit %s asc %s where %s", limit, ascending, where)
                                    .isEqualTo(expected(index, ranker, query));
                        }
                    }
                }
            }
            List<IndexRow> far = new ArrayList<>(); // values far from zero in a narrow range: the exact SQL form
            for (int i = 0; i < 80; i++) {
                far.add(IndexRow.builder().bundlePath("far" + i + ".iafbt").tag("far")
                        .summary(SummaryField.CAGR, 1e9 + random.nextInt(4) / 8.0)
                        .summary(SummaryField.SHARPE_RATIO, random.nextDouble()).build());
            }
            index.upsertAll(far);
            for (Integer limit : new Integer[] {1, 7, 50}) {
                IndexQuery query = IndexQuery.builder().columns("algorithm_id", "cagr").limit(limit).where("tag = 'far'").build();
                assertThat(rankers.get(0).rank(index, query)).as("far from zero, limit %s", limit)
                        .isEqualTo(expected(index, rankers.get(0), query));
            }
            index.upsertAll(List.of(IndexRow.builder().bundlePath("huge.iafbt").summary(SummaryField.SHARPE_RATIO, 1.5e308)
                    .build(), IndexRow.builder().bundlePath("tiny.iafbt").summary(SummaryField.SHARPE_RATIO, -1.5e308).build()));
            IndexQuery top7 = IndexQuery.builder().columns("algorithm_id", "sharpe_ratio").limit(7).build();
            assertThat(rankers.get(0).rank(index, top7)).as("a range that overflows").isEqualTo(expected(index, rankers.get(0), top7));
        }
    }

    /**
     * Rows for the min/max pass read from index ends (PostgreSQL, no filter) beside the scan (a
     * filter, or SQLite): in the balanced columns, NULLs, ±inf in a column the ranker treats as
     * possibly infinite (profit factor) and in one it does not (sharpe ratio), a column holding
     * only ±inf and NULL (cagr), one only NULL (win rate), a constant one (max drawdown), integers.
     */
    private static List<IndexRow> edgeRows() {
        SplittableRandom random = new SplittableRandom(99);
        List<IndexRow> rows = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            IndexRow.Builder b = IndexRow.builder().bundlePath("e" + i + ".iafbt").algorithmId("a" + i)
                    .tag(i % 3 == 0 ? "x" : "y");
            double p = random.nextDouble();
            b.summary(SummaryField.SHARPE_RATIO, p < 0.1 ? null : p > 0.95 ? (Number) Double.POSITIVE_INFINITY
                    : p > 0.9 ? (Number) Double.NEGATIVE_INFINITY : (Number) random.nextDouble(-2, 4));
            b.summary(SummaryField.PROFIT_FACTOR, p > 0.93 ? Double.POSITIVE_INFINITY : random.nextInt(9) / 4.0);
            b.summary(SummaryField.CAGR, i % 5 == 0 ? null : i % 2 == 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
            b.summary(SummaryField.MAX_DRAWDOWN, 0.25);
            b.summary(SummaryField.NUMBER_OF_TRADES, i % 7 == 0 ? null : (Number) (long) random.nextInt(40));
            b.summary(SummaryField.STABILITY_SCORE, random.nextDouble());
            rows.add(b.build());
        }
        return rows;
    }

    private void assertEveryRankingEqualsTheJavaReference(BacktestIndex index, String what) {
        for (WeightedRanker ranker : List.of(WeightedRanker.forFocus(EvaluationFocus.BALANCED),
                WeightedRanker.forFocus(EvaluationFocus.RISK_ADJUSTED),
                WeightedRanker.forFocus(null, RankWeights.parse("sharpe_ratio=2,cagr=1,var_95=-1")))) { // var_95: no index
            for (Integer limit : new Integer[] {null, 1, 5, 40, 119, 120, 121}) {
                for (boolean ascending : new boolean[] {false, true}) {
                    for (String where : new String[] {null, "tag = 'x'", "summary_sharpe_ratio > 100"}) {
                        IndexQuery query = IndexQuery.builder().columns("algorithm_id", "sharpe_ratio")
                                .limit(limit).ascending(ascending).where(where).build();
                        assertThat(ranker.rank(index, query)).as("%s: %s limit %s asc %s where %s", what,
                                ranker.weights(), limit, ascending, where).isEqualTo(expected(index, ranker, query));
                    }
                }
            }
        }
    }

    /**
     * Each preset's columns are kept in order by an index on PostgreSQL, built when a writer
     * closes a table that has grown large enough to need them (after its rows, not row by row);
     * a small table's writers build none. SQLite keeps the reference's schema.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(IndexBackend.class)
    void presetColumnsAreIndexedOnPostgresOnlyOnceALargeTablesWriterCloses(IndexBackend backend) {
        String location = backend.newLocation(tmp);
        try (BacktestIndex index = Indexes.open(location, EmbeddedPostgres.credentials())) {
            assertThat(index.orderedColumns()).as("nothing written yet").noneMatch(c -> c.startsWith(SummaryField.COLUMN_PREFIX));
            index.upsertAll(edgeRows());
        }
        try (BacktestIndex index = Indexes.open(location, EmbeddedPostgres.credentials())) {
            assertThat(index.orderedColumns()).as("a small table's writer builds none")
                    .noneMatch(c -> c.startsWith(SummaryField.COLUMN_PREFIX));
            List<IndexRow> filler = new ArrayList<>();
            for (long i = index.count(); i < PostgresIndex.RANKED_INDEX_MIN_ROWS; i++) {
                filler.add(IndexRow.builder().bundlePath("filler-" + i + ".iafbt").summary(SummaryField.CAGR, i * 1e-6).build());
            }
            index.upsertAll(filler);
        }
        try (BacktestIndex index = Indexes.open(location, EmbeddedPostgres.credentials())) {
            ColumnResolver resolver = new ColumnResolver(index.columns());
            Set<String> presetColumns = new HashSet<>();
            Arrays.stream(EvaluationFocus.values()).forEach(focus ->
                    focus.weights().keySet().forEach(metric -> resolver.find(metric).ifPresent(presetColumns::add)));
            Set<String> orderedSummaryColumns = new HashSet<>(index.orderedColumns());
            orderedSummaryColumns.removeIf(column -> !column.startsWith(SummaryField.COLUMN_PREFIX));
            if (backend == IndexBackend.POSTGRES) {
                assertThat(orderedSummaryColumns).as("an index per preset column, and no more").isEqualTo(presetColumns);
            } else {
                assertThat(index.orderedColumns()).isEmpty();
                assertThat(index.selectReadOnly("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
                        List.of())).extracting(row -> row.get("name")).containsExactlyInAnyOrderElementsOf(IndexSchema.INDEX_NAMES);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(IndexBackend.class)
    void rangesFromIndexEndsEqualTheJavaReferenceWithNullsInfinitiesAndFilters(IndexBackend backend) {
        String location = backend.newLocation(tmp);
        try (BacktestIndex index = Indexes.open(location, EmbeddedPostgres.credentials())) {
            index.upsertAll(edgeRows());
            if (index instanceof PostgresIndex postgres) {
                postgres.indexRankedColumns(); // what a writer's close does once the table is large
            }
        }
        try (BacktestIndex index = Indexes.openReadOnly(location, EmbeddedPostgres.credentials())) {
            assertThat(index.orderedColumns().contains("summary_sharpe_ratio")).isEqualTo(backend == IndexBackend.POSTGRES);
            assertEveryRankingEqualsTheJavaReference(index, "edge rows");
        }
        try (BacktestIndex index = Indexes.open(location, EmbeddedPostgres.credentials())) {
            index.remove(index.bundlePaths());
            assertEveryRankingEqualsTheJavaReference(index, "empty table");
        }
    }

    /**
     * NaN that another writer than iafbt stored (iafbt stores NaN as NULL, as SQLite must): the
     * index sorts NaN above +inf, so the highest value at an index's end is NaN; it must not count,
     * as it does not in the Java scoring. And a table whose ranked indexes are missing (dropped, or
     * an older table opened read-only, so not migrated) ranks by the scan, with the same results.
     */
    @Test
    void postgresNanAtAnIndexEndAndMissingIndexesRankAsTheJavaReference() throws Exception {
        String url = EmbeddedPostgres.freshSchemaUrl();
        try (PostgresIndex index = PostgresIndex.open(url, EmbeddedPostgres.credentials())) {
            index.upsertAll(edgeRows());
            index.indexRankedColumns(); // what a writer's close does once the table is large
        }
        try (Connection c = DriverManager.getConnection(url, EmbeddedPostgres.USER, null);
             Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE backtest_index SET summary_sharpe_ratio = 'NaN' WHERE bundle_path IN ('e3.iafbt', 'e8.iafbt')");
            st.executeUpdate("UPDATE backtest_index SET summary_stability_score = 'NaN' WHERE bundle_path LIKE 'e1%'");
            st.executeUpdate("UPDATE backtest_index SET summary_win_rate = 'NaN'"); // NaN and nothing else
        }
        try (BacktestIndex index = PostgresIndex.openReadOnly(url, EmbeddedPostgres.credentials())) {
            assertThat(index.selectReadOnly("SELECT summary_win_rate FROM backtest_index LIMIT 1", List.of()).get(0)
                    .get("summary_win_rate")).as("stored as NaN, not NULL").isEqualTo(Double.NaN);
            assertThat(index.orderedColumns()).contains("summary_sharpe_ratio", "summary_win_rate", "summary_stability_score");
            assertEveryRankingEqualsTheJavaReference(index, "NaN stored");
        }
        try (Connection c = DriverManager.getConnection(url, EmbeddedPostgres.USER, null);
             Statement st = c.createStatement()) {
            st.execute("DROP INDEX idx_backtest_index_summary_sharpe_ratio, idx_backtest_index_summary_cagr");
        }
        try (BacktestIndex index = PostgresIndex.openReadOnly(url, EmbeddedPostgres.credentials())) {
            assertThat(index.orderedColumns()).doesNotContain("summary_sharpe_ratio", "summary_cagr")
                    .contains("summary_profit_factor");
            assertEveryRankingEqualsTheJavaReference(index, "two indexes missing");
        }
        try (BacktestIndex index = PostgresIndex.open(url, EmbeddedPostgres.credentials())) {
            assertThat(index.orderedColumns()).as("opening for writing builds nothing").doesNotContain("summary_cagr");
            index.upsert(IndexRow.builder().bundlePath("late.iafbt").summary(SummaryField.CAGR, 1.0).build());
        }
        try (BacktestIndex index = PostgresIndex.openReadOnly(url, EmbeddedPostgres.credentials())) {
            assertThat(index.orderedColumns()).as("a small table's writer rebuilds none").doesNotContain("summary_sharpe_ratio", "summary_cagr");
        }
        try (Connection c = DriverManager.getConnection(url, EmbeddedPostgres.USER, null);
             Statement st = c.createStatement()) {
            st.execute("DROP INDEX idx_backtest_index_summary_win_rate");
        }
        try (PostgresIndex index = PostgresIndex.open(url, EmbeddedPostgres.credentials())) {
            assertThat(index.orderedColumns()).doesNotContain("summary_win_rate");
            index.indexRankedColumns(); // rows kept from before the indexes, nothing to write
            assertThat(index.orderedColumns()).as("built on demand, seen at once")
                    .contains("summary_win_rate", "summary_sharpe_ratio", "summary_cagr");
            assertEveryRankingEqualsTheJavaReference(index, "rebuilt on demand");
        }
    }

    @Test
    void fastRoundingEqualsExactRounding() {
        SplittableRandom random = new SplittableRandom(6);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 4) {
                case 0 -> random.nextDouble(-50, 50);
                case 1 -> (random.nextInt(2_000_000) - 1_000_000 + 0.5) / 1e6; // near ties
                case 2 -> random.nextDouble(-1e-5, 1e-5);
                default -> random.nextDouble(-1e12, 1e12);
            };
            double exact = new BigDecimal(v).setScale(6, RoundingMode.HALF_EVEN).doubleValue();
            double fast = WeightedRanker.round6(v);
            assertThat(fast).as("round6(%s)", v).isEqualTo(exact == 0 && v < 0 ? -0.0 : exact);
        }
        assertThat(WeightedRanker.round6(-1e-8)).isEqualTo(-0.0); // Python: round(-1e-08, 6) == -0.0
        assertThat(WeightedRanker.round6(0.0000025)).isEqualTo(0.000003); // binary value is above the tie
    }
}
