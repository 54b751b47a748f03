package dev.iafbt.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.model.SummaryField;
import dev.iafbt.testing.EmbeddedPostgres;
import dev.iafbt.testing.IndexBackend;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch of {@link PostgresIndex#COPY_MIN_ROWS} rows or more is copied (binary COPY into a staging
 * table, then one {@code INSERT … SELECT … ON CONFLICT}); a smaller one is bound row by row. Both
 * must store what the other stores, and what SQLite stores, value for value and in the same order.
 */
class PostgresCopyUpsertTest {
    private static final int LARGE = PostgresIndex.COPY_MIN_ROWS + 20;
    /** Text that means something to COPY's text format, to SQL, to JSON, or to an encoder. */
    private static final List<String> HOSTILE = List.of("tab\there", "new\nline", "carriage\rreturn",
            "back\\slash", "\\N", "\\", "\\.", "'quoted' \"double\"", "é ü ß 日本 \uD83D\uDE00", "", " ",
            "trailing\\", "a\tb\nc\\d\\N", "semi;colon -- comment", "percent % underscore _");
    private static final double[] DOUBLES = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL),
            Double.MAX_VALUE, -Double.MAX_VALUE, 0.1, 1.0 / 3, 2.0 / 3, 1e-300, 123456789.123456789, 0.0};

    @TempDir
    Path tmp;

    @Test
    void hostileTextAndEdgeDoublesAreStoredAsSqliteStoresThem() {
        List<IndexRow> rows = hostileRows(LARGE);
        try (BacktestIndex lite = IndexBackend.SQLITE.create(tmp);
             BacktestIndex copied = IndexBackend.POSTGRES.create(tmp);
             BacktestIndex bound = IndexBackend.POSTGRES.create(tmp)) {
            lite.upsertAll(rows);
            copied.upsertAll(rows);
            rows.forEach(bound::upsert); // one row a batch: the bound path
            assertThat(copied.rows()).isEqualTo(lite.rows());
            assertThat(rawRows(copied)).isEqualTo(rawRows(lite)).isEqualTo(rawRows(bound));
        }
    }

    /** SQLite writes -0.0 in a REAL column as the integer 0; both PostgreSQL paths keep the sign, as before. */
    @Test
    void negativeZeroKeepsItsSignOnBothPostgresPaths() {
        List<IndexRow> rows = plainRows("z", LARGE);
        rows.set(7, rows.get(7).toBuilder().summary(SummaryField.SHARPE_RATIO, -0.0).riskFreeRate(-0.0).build());
        try (BacktestIndex copied = IndexBackend.POSTGRES.create(tmp); BacktestIndex bound = IndexBackend.POSTGRES.create(tmp)) {
            copied.upsertAll(rows);
            rows.forEach(bound::upsert);
            assertThat(rawRows(copied)).isEqualTo(rawRows(bound));
            Object stored = rawRows(copied).get(7).get("summary_sharpe_ratio");
            assertThat(Double.doubleToRawLongBits((Double) stored)).isEqualTo(Double.doubleToRawLongBits(-0.0));
        }
    }

    /** A double in an integer column: rounded half to even, as PostgreSQL's cast of a bound double. */
    @Test
    void aDoubleInAnIntegerColumnIsRoundedAsTheBoundPathRoundsIt() {
        List<IndexRow> rows = plainRows("i", LARGE);
        double[] values = {2.5, 3.5, -2.5, -3.5, 5.0, 0.49999999999999994, -0.5, 9.2233720368547748E18 / 2, 1e15 + 0.5};
        for (int i = 0; i < values.length; i++) {
            rows.set(i, rows.get(i).toBuilder().summary(SummaryField.NUMBER_OF_TRADES, values[i]).build());
        }
        try (BacktestIndex copied = IndexBackend.POSTGRES.create(tmp); BacktestIndex bound = IndexBackend.POSTGRES.create(tmp)) {
            copied.upsertAll(rows);
            rows.forEach(bound::upsert);
            assertThat(rawRows(copied)).isEqualTo(rawRows(bound));
            assertThat(rawRows(copied).subList(0, 4)).extracting(r -> r.get("summary_number_of_trades"))
                    .containsExactly(2L, 4L, -2L, -4L);
        }
    }

    @Test
    void whatTheServerRefusesIsRefusedOnBothPathsAndNothingIsWritten() {
        for (IndexRow bad : List.of(
                plainRows("n", 1).get(0).toBuilder().tag("nul\u0000byte").build(),
                plainRows("r", 1).get(0).toBuilder().summary(SummaryField.NUMBER_OF_TRADES, 1e300).build())) {
            List<IndexRow> large = plainRows("big", LARGE);
            large.set(LARGE / 2, bad);
            try (BacktestIndex index = IndexBackend.POSTGRES.create(tmp)) {
                assertThatThrownBy(() -> index.upsertAll(large)).isInstanceOf(IndexException.class)
                        .hasMessageContaining(index.location());
                assertThatThrownBy(() -> index.upsertAll(List.of(bad))).isInstanceOf(IndexException.class);
                assertThat(index.count()).isZero();
                // the staging table made by the failed transaction went with it; the next copy makes it again
                index.upsertAll(plainRows("after", LARGE));
                index.upsertAll(plainRows("again", LARGE));
                assertThat(index.count()).isEqualTo(2L * LARGE);
            }
        }
    }

    /** A DBA may revoke TEMPORARY from PUBLIC: the role cannot stage, and its large batches are bound. */
    @Test
    void aRoleThatMayNotCreateTemporaryTablesStillWritesLargeBatches() throws Exception {
        String name = "iafbt_notemp_" + ProcessHandle.current().pid();
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://localhost:" + EmbeddedPostgres.port()
                + "/postgres", EmbeddedPostgres.USER, null); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + name);
            st.execute("REVOKE TEMPORARY ON DATABASE " + name + " FROM PUBLIC");
            st.execute("CREATE ROLE " + name + " LOGIN");
            st.execute("GRANT CREATE ON DATABASE " + name + " TO " + name);
        }
        String url = "jdbc:postgresql://localhost:" + EmbeddedPostgres.port() + "/" + name + "?currentSchema=s";
        try (BacktestIndex index = PostgresIndex.open(url, new IndexCredentials(name, null))) {
            List<IndexRow> rows = plainRows("x", LARGE);
            index.upsertAll(rows);
            index.upsertAll(rows.subList(0, 2));
            assertThat(index.count()).isEqualTo(LARGE);
            assertThat(index.bundlePaths()).endsWith("x0", "x1");
        }
    }

    /** {@code INSERT OR REPLACE} of a batch with one path twice: the last row, in its last place. */
    @Test
    void aPathTwiceInOneBatchKeepsTheLastRowInItsLastPlaceAsSqliteDoes() {
        for (int size : new int[] {5, LARGE}) {
            List<IndexRow> existing = plainRows("p", 10);
            List<IndexRow> batch = new ArrayList<>(plainRows("p", size)); // p0..p9 replace, the rest are new
            batch.add(2, existing.get(8).toBuilder().tag("first of two").build());
            batch.add(existing.get(8).toBuilder().tag("last of two").build());
            batch.add(0, plainRows("q", 1).get(0));
            batch.add(batch.get(0).toBuilder().tag("q again").build());
            try (BacktestIndex lite = IndexBackend.SQLITE.create(tmp.resolve("s" + size));
                 BacktestIndex pg = IndexBackend.POSTGRES.create(tmp)) {
                for (BacktestIndex index : List.of(lite, pg)) {
                    index.upsertAll(existing);
                    assertThat(index.upsertAll(batch)).isEqualTo(batch.size());
                }
                assertThat(pg.bundlePaths()).as("batch of %d", size).isEqualTo(lite.bundlePaths());
                assertThat(pg.rows()).as("batch of %d", size).isEqualTo(lite.rows());
                assertThat(pg.bundlePaths()).endsWith("p8", "q0");
            }
        }
    }

    @Test
    void aLargeBatchOfNewAndReplacedRowsKeepsSqlitesOrderAndValues() {
        SplittableRandom random = new SplittableRandom(17);
        List<IndexRow> first = randomRows(random, "r", 0, 300);
        List<IndexRow> second = new ArrayList<>(randomRows(random, "r", 150, 450)); // half replaced, half new
        try (BacktestIndex lite = IndexBackend.SQLITE.create(tmp);
             BacktestIndex pg = IndexBackend.POSTGRES.create(tmp)) {
            for (BacktestIndex index : List.of(lite, pg)) {
                index.upsertAll(first);
                index.upsertAll(second);
                index.upsertAll(second.subList(0, 3)); // a small batch after: bound, moved last again
            }
            assertThat(pg.bundlePaths()).isEqualTo(lite.bundlePaths());
            assertThat(pg.rows()).isEqualTo(lite.rows());
            assertThat(rawRows(pg)).isEqualTo(rawRows(lite));
        }
    }

    private static List<LinkedHashMap<String, Object>> rawRows(BacktestIndex index) {
        return index.selectReadOnly("SELECT " + IndexUpsert.COLUMN_LIST + " FROM backtest_index ORDER BY "
                + index.dialect().rowOrder(), List.of());
    }

    private static List<IndexRow> plainRows(String prefix, int count) {
        List<IndexRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(IndexRow.builder().bundlePath(prefix + i).algorithmId(prefix).tag("t")
                    .summary(SummaryField.SHARPE_RATIO, i / 7.0).summary(SummaryField.NUMBER_OF_TRADES, (long) i)
                    .provenance((long) i, 1L).build());
        }
        return rows;
    }

    private static List<IndexRow> hostileRows(int count) {
        SplittableRandom random = new SplittableRandom(540);
        List<IndexRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String text = HOSTILE.get(i % HOSTILE.size());
            IndexRow.Builder b = IndexRow.builder().bundlePath("dir/" + text + "/" + i + ".iafbt")
                    .algorithmId(text).tag(i % 3 == 0 ? null : text).engineType(i % 2 == 0 ? "vector" : null)
                    .frameworkVersion(text.isEmpty() ? null : text)
                    .riskFreeRate(DOUBLES[i % DOUBLES.length]).numberOfRuns(i % 2 == 0 ? Long.MAX_VALUE : Long.MIN_VALUE)
                    .parameters(Map.of(text, text, "n", i, "x", 0.1 * i))
                    .strategyIds(List.of(text, i))
                    .extras(i % 4 == 0 ? Map.of() : Map.of("k", text))
                    .provenance(i % 5 == 0 ? null : Long.MAX_VALUE - i, i % 6 == 0 ? null : (long) i);
            for (SummaryField field : SummaryField.values()) {
                int pick = (i + field.ordinal()) % (DOUBLES.length + 3);
                if (field.isInteger()) {
                    b.summary(field, pick == 0 ? null : pick == 1 ? Long.MIN_VALUE : pick == 2 ? Long.MAX_VALUE
                            : random.nextLong());
                } else if (pick < DOUBLES.length) {
                    b.summary(field, DOUBLES[pick]);
                } else {
                    double any = Double.longBitsToDouble(random.nextLong()); // any bits, either sign
                    b.summary(field, pick == DOUBLES.length ? null : Double.isFinite(any) ? any : 1.5);
                }
            }
            if (i % 9 == 0) {
                b.summaryExtra("x" + text, text);
            }
            rows.add(b.build());
        }
        return rows;
    }

    private static List<IndexRow> randomRows(SplittableRandom random, String prefix, int from, int to) {
        List<IndexRow> rows = new ArrayList<>();
        for (int i = from; i < to; i++) {
            IndexRow.Builder b = IndexRow.builder().bundlePath(prefix + i).algorithmId("a" + random.nextInt(9))
                    .tag("t" + random.nextInt(3)).provenance(random.nextLong(), (long) i);
            for (SummaryField field : SummaryField.values()) {
                b.summary(field, field.isInteger() ? (Number) (long) random.nextInt(100) : random.nextDouble(-3, 3));
            }
            rows.add(b.build());
        }
        return rows;
    }
}
