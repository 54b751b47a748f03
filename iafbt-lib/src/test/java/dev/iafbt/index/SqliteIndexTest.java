package dev.iafbt.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.iafbt.internal.json.PythonJson;
import dev.iafbt.model.SummaryField;
import dev.iafbt.testing.ReferenceFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteIndexTest {
    @TempDir
    Path tmp;

    @Test
    void readsTheReferenceIndexAndAgreesWithTheManifest() throws Exception {
        Path copy = ReferenceFixtures.privateCopy("index.sqlite", tmp);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> manifest = (List<Map<String, Object>>) PythonJson.loads(
                Files.readString(ReferenceFixtures.dir().resolve("MANIFEST.json")));
        try (SqliteIndex index = SqliteIndex.open(copy)) {
            Map<String, IndexRow> rows = index.rows().stream()
                    .collect(Collectors.toMap(IndexRow::bundlePath, r -> r));
            assertThat(rows).hasSize(manifest.size());
            for (Map<String, Object> entry : manifest) {
                IndexRow row = rows.get((String) entry.get("file"));
                assertThat(row).as("row of %s", entry.get("file")).isNotNull();
                assertThat(row.algorithmId()).isEqualTo(entry.get("algorithm_id"));
                assertThat(row.engineType()).isEqualTo(entry.get("engine_type"));
                assertThat(row.numberOfRuns()).isEqualTo(((Number) entry.get("runs")).longValue());
                assertThat(row.bundleSize()).isEqualTo(((Number) entry.get("bytes")).longValue());
                double sharpe = ((Number) entry.get("summary_sharpe_ratio")).doubleValue();
                // NaN is stored as NULL, so it reads back absent
                assertThat(Double.valueOf(row.summaryDouble(SummaryField.SHARPE_RATIO))).isEqualTo(Double.valueOf(sharpe));
                assertThat(Double.valueOf(row.summaryDouble(SummaryField.MAX_DRAWDOWN)))
                        .isEqualTo(Double.valueOf(((Number) entry.get("summary_max_drawdown")).doubleValue()));
            }
            IndexRow irregular = rows.get("irregular-event-v2.iafbt");
            assertThat(irregular.tag()).isEqualTo("sweep-a");
            assertThat(irregular.parameters()).containsEntry("fast", 6L).containsEntry("win", 1.5)
                    .containsEntry("big", 1099511627776L).containsEntry("lst", List.of(1L, 2L));
            assertThat(irregular.summary(SummaryField.NUMBER_OF_TRADES)).isEqualTo(28L);
            assertThat(irregular.summary(SummaryField.MAX_DRAWDOWN_DURATION)).isEqualTo(126L);
            assertThat(irregular.riskFreeRate()).isEqualTo(0.02);
            assertThat(rows.get("batch-0a0bbdc2-v2.iafbt").summaryDouble(SummaryField.PROFIT_FACTOR))
                    .isCloseTo(1.4880062368853608, within(0.0));
        }
    }

    @Test
    void rewritingAReferenceRowKeepsItsJsonByteForByte() throws Exception {
        Path copy = ReferenceFixtures.privateCopy("index.sqlite", tmp);
        String before = IndexSchemaTest.query(copy,
                "SELECT parameters_json FROM backtest_index WHERE bundle_path='irregular-vector-v2.iafbt'").get(0).get(0);
        try (SqliteIndex index = SqliteIndex.open(copy)) {
            IndexRow row = index.rows().stream().filter(r -> r.bundlePath().equals("irregular-vector-v2.iafbt")).findFirst().orElseThrow();
            index.upsert(row.toBuilder().tag("retagged").summary(SummaryField.SHARPE_RATIO, 9.5).build());
            IndexRow reread = index.rows().stream().filter(r -> r.bundlePath().equals("irregular-vector-v2.iafbt")).findFirst().orElseThrow();
            assertThat(reread.tag()).isEqualTo("retagged");
            assertThat(reread.summary(SummaryField.SHARPE_RATIO)).isEqualTo(9.5);
            assertThat(reread.toBuilder().tag(row.tag()).summary(SummaryField.SHARPE_RATIO, row.summary(SummaryField.SHARPE_RATIO)).build())
                    .isEqualTo(row);
            assertThat(index.count()).isEqualTo(10);
        }
        String after = IndexSchemaTest.query(copy,
                "SELECT parameters_json FROM backtest_index WHERE bundle_path='irregular-vector-v2.iafbt'").get(0).get(0);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void roundTripsNanInfNullAndUnicode() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("naïve", "日本😀");
        params.put("nan", Double.NaN);
        params.put("inf", Double.POSITIVE_INFINITY);
        params.put("none", null);
        params.put("flag", true);
        IndexRow row = IndexRow.builder().bundlePath("sub/ü.iafbt").algorithmId("α").tag(null)
                .riskFreeRate(0.027).numberOfRuns(3).parameters(params).strategyIds(List.of("s1", 2L))
                .extra("note", "x").summary(SummaryField.SHARPE_RATIO, Double.NaN)
                .summary(SummaryField.PROFIT_FACTOR, Double.POSITIVE_INFINITY)
                .summary(SummaryField.SORTINO_RATIO, Double.NEGATIVE_INFINITY)
                .summary(SummaryField.NUMBER_OF_TRADES, 7).summary(SummaryField.TOTAL_NET_GAIN, 0)
                .provenance(123L, 456L).build();
        try (SqliteIndex index = SqliteIndex.create(tmp.resolve("i.sqlite"))) {
            index.upsert(row);
            IndexRow back = index.rows().get(0);
            assertThat(back.summary(SummaryField.SHARPE_RATIO)).isNull(); // NaN → NULL
            assertThat(back.summary(SummaryField.PROFIT_FACTOR)).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(back.summary(SummaryField.SORTINO_RATIO)).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(back.summary(SummaryField.NUMBER_OF_TRADES)).isEqualTo(7L);
            assertThat(back.summary(SummaryField.TOTAL_NET_GAIN)).isEqualTo(0.0); // REAL affinity
            assertThat(back.parameters().keySet()).containsExactly("naïve", "nan", "inf", "none", "flag");
            assertThat(back.parameters().get("naïve")).isEqualTo("日本😀");
            assertThat((Double) back.parameters().get("nan")).isNaN();
            assertThat(back.strategyIds()).containsExactly("s1", 2L);
            assertThat(back.extras()).containsEntry("note", "x");
            assertThat(back.provenance()).isEqualTo(new Provenance(123L, 456L));
            assertThat(back.toBuilder().summary(SummaryField.SHARPE_RATIO, Double.NaN)
                    .summary(SummaryField.TOTAL_NET_GAIN, 0L).build()).isEqualTo(row);
        }
    }

    @Test
    void upsertAllWritesOneTransactionAndReplacesByBundlePath() {
        try (SqliteIndex index = SqliteIndex.open(tmp.resolve("new/dir/i.sqlite"))) {
            List<IndexRow> rows = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                rows.add(IndexRow.builder().bundlePath("b" + i + ".iafbt").algorithmId("a" + i).provenance(10L + i, 100L).build());
            }
            assertThat(index.upsertAll(rows)).isEqualTo(3);
            index.upsert(rows.get(1).toBuilder().algorithmId("changed").build());
            assertThat(index.count()).isEqualTo(3);
            assertThat(index.rows()).extracting(IndexRow::algorithmId).containsExactly("a0", "a2", "changed");
            assertThat(index.rows().get(0).hasSummary()).isFalse();
            assertThat(index.isUpToDate("b0.iafbt", 10, 100)).isTrue();
            assertThat(index.isUpToDate("b0.iafbt", 11, 100)).isFalse();
            assertThat(index.isUpToDate("missing", 10, 100)).isFalse();
            assertThat(index.provenance()).containsEntry("b2.iafbt", new Provenance(12L, 100L));
            assertThat(index.remove(List.of("b0.iafbt", "nope"))).isEqualTo(1);
            assertThat(index.bundlePaths()).containsExactly("b2.iafbt", "b1.iafbt");
            assertThat(index.upsertAll(List.of())).isZero();
        }
    }

    @Test
    void aRowWithoutBundlePathIsRefusedBeforeAnythingIsWritten() {
        try (SqliteIndex index = SqliteIndex.create(tmp.resolve("i.sqlite"))) {
            IndexRow good = IndexRow.builder().bundlePath("ok.iafbt").build();
            IndexRow bad = IndexRow.builder().algorithmId("x").build();
            assertThatThrownBy(() -> index.upsertAll(List.of(good, bad))).isInstanceOf(IndexException.class)
                    .hasMessageContaining("no bundle_path").hasMessageContaining(index.path().toString());
            assertThat(index.count()).isZero();
        }
    }

    @Test
    void migratesAVersionOneTableByAppendingTheProvenanceColumns() throws Exception {
        Path file = tmp.resolve("v1.sqlite");
        String v1Columns = IndexSchema.columns().stream()
                .filter(c -> !c.name().equals("bundle_mtime_ns") && !c.name().equals("bundle_size"))
                .map(IndexColumn::definition).collect(Collectors.joining(", "));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE \"backtest_index\" (" + v1Columns + ")");
            st.execute("INSERT INTO backtest_index (bundle_path, algorithm_id, summary_sharpe_ratio) VALUES ('old.iafbt', 'old', 1.25)");
            st.execute("PRAGMA user_version=1");
        }
        try (SqliteIndex index = SqliteIndex.open(file)) {
            assertThat(index.columns()).hasSize(68);
            assertThat(index.columns().subList(66, 68)).containsExactly("bundle_mtime_ns", "bundle_size");
            IndexRow old = index.rows().get(0);
            assertThat(old.summary(SummaryField.SHARPE_RATIO)).isEqualTo(1.25);
            assertThat(old.provenance()).isEqualTo(new Provenance(null, null));
            assertThat(index.isUpToDate("old.iafbt", 0, 0)).isFalse(); // re-ingested next time
        }
        assertThat(IndexSchemaTest.query(file, "PRAGMA user_version")).containsExactly(List.of("2"));
    }

    @Test
    void extraSummaryColumnsOfANewerFileAreKeptAndItsVersionIsNotDowngraded() throws Exception {
        Path file = tmp.resolve("v3.sqlite");
        SqliteIndex.create(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE backtest_index ADD COLUMN summary_omega_ratio REAL");
            st.execute("ALTER TABLE backtest_index ADD COLUMN future_thing TEXT");
            st.execute("INSERT INTO backtest_index (bundle_path, summary_omega_ratio, future_thing) VALUES ('n.iafbt', 1.5, 'x')");
            st.execute("PRAGMA user_version=3");
        }
        try (SqliteIndex index = SqliteIndex.open(file)) {
            IndexRow row = index.rows().get(0);
            assertThat(row.summaryExtras()).containsEntry("omega_ratio", 1.5);
            assertThat(row.hasSummary()).isTrue();
            assertThat(index.columns()).contains("summary_omega_ratio", "future_thing");
        }
        assertThat(IndexSchemaTest.query(file, "PRAGMA user_version")).containsExactly(List.of("3"));
    }

    @Test
    void refusesAFileThatIsNotSqlite() throws Exception {
        Path file = tmp.resolve("index.sqlite");
        Files.writeString(file, "this is not a database, just text that is long enough to have a header...".repeat(20));
        assertThatThrownBy(() -> SqliteIndex.open(file)).isInstanceOf(IndexException.class)
                .hasMessage(file.toAbsolutePath() + " is not an SQLite database — delete it or pass a different index path");
    }

    @Test
    void refusesATableWithoutTheRequiredColumns() throws Exception {
        Path file = tmp.resolve("foreign.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE backtest_index (bundle_path TEXT PRIMARY KEY, algorithm_id TEXT)");
        }
        assertThatThrownBy(() -> SqliteIndex.open(file)).isInstanceOf(IndexException.class)
                .hasMessageContaining(file.toAbsolutePath().toString()).hasMessageContaining("[tag]")
                .hasMessageContaining("delete the file or pass a different index path");
        assertThat(IndexSchemaTest.query(file, "PRAGMA table_info(backtest_index)")).hasSize(2); // untouched
    }

    @Test
    void refusesADirectory() {
        assertThatThrownBy(() -> SqliteIndex.open(tmp)).isInstanceOf(IndexException.class).hasMessageContaining("is a directory");
    }

    @Test
    void createReplacesAnExistingFileAndItsStaleJournals() throws Exception {
        Path file = tmp.resolve("index.sqlite");
        try (SqliteIndex index = SqliteIndex.create(file)) {
            index.upsert(IndexRow.builder().bundlePath("x.iafbt").build());
        }
        Path wal = tmp.resolve("index.sqlite-wal");
        Path shm = tmp.resolve("index.sqlite-shm");
        Files.write(wal, new byte[] {1, 2, 3});
        Files.write(shm, new byte[] {4});
        try (SqliteIndex index = SqliteIndex.create(file)) {
            assertThat(index.count()).isZero();
        }
        assertThat(wal).doesNotExist();
        assertThat(shm).doesNotExist();
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("index.sqlite");
        }
    }

    @Test
    void openCreatesAMissingFile() {
        Path file = tmp.resolve("a/b/index.sqlite");
        try (SqliteIndex index = SqliteIndex.open(file)) {
            assertThat(index.count()).isZero();
        }
        assertThat(file).exists();
    }

    @Test
    void readOnlySelectCannotWrite() {
        try (SqliteIndex index = SqliteIndex.create(tmp.resolve("i.sqlite"))) {
            assertThatThrownBy(() -> index.selectReadOnly("DELETE FROM backtest_index RETURNING bundle_path", List.of()))
                    .isInstanceOf(IndexException.class);
            index.upsert(IndexRow.builder().bundlePath("still-writable.iafbt").build()); // guard is lifted after
            assertThat(index.count()).isEqualTo(1);
        }
    }
}
