package dev.iafbt.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.model.Backtest;
import dev.iafbt.rank.IndexQuery;
import dev.iafbt.rank.StaleColumn;
import dev.iafbt.testing.IndexBackend;
import dev.iafbt.testing.ReferenceFixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Stale metrics flagged through the index: audits go to iafbt's side table, never into the
 * reference's {@code backtest_index}, and {@code list}/{@code rank} rows get a {@code stale} column
 * only when audits exist.
 */
class StaleMetricsAuditTest {
    @TempDir
    Path tmp;

    @Test
    void theReferencesIndexIsAuditedBesideItsTableWhichStaysTheReferences() throws Exception {
        Path file = ReferenceFixtures.privateCopy("index.sqlite", tmp.resolve("ref"));
        List<List<String>> tableBefore = IndexSchemaTest.query(file, "PRAGMA table_info(\"backtest_index\")");
        List<List<String>> rowsBefore = IndexSchemaTest.query(file, "SELECT * FROM backtest_index ORDER BY rowid");
        List<List<String>> masterBefore = IndexSchemaTest.query(file, "SELECT type, name, sql FROM sqlite_master ORDER BY name");

        StaleMetricsAudit.Result first;
        List<int[]> progress = new ArrayList<>();
        try (SqliteIndex index = SqliteIndex.open(file)) {
            assertThat(index.metricsAudits()).as("no audit yet: no side table").isEmpty();
            first = StaleMetricsAudit.refresh(index, ReferenceFixtures.dir(),
                    (done, total) -> {
                        synchronized (progress) {
                            progress.add(new int[] {done, total});
                        }
                    });
        }
        int bundles = ReferenceFixtures.bundles().size();
        // every fixture but the two irregular-* ones, which v8.10.0 wrote itself, stores older metrics
        assertThat(first).isEqualTo(new StaleMetricsAudit.Result(bundles, bundles - 2, 0, 0));
        assertThat(progress).hasSize(bundles).allSatisfy(p -> assertThat(p[1]).isEqualTo(bundles));

        // the reference's table, its rows and its indexes are exactly as before; one side table is new
        assertThat(IndexSchemaTest.query(file, "PRAGMA table_info(\"backtest_index\")")).isEqualTo(tableBefore);
        assertThat(IndexSchemaTest.query(file, "SELECT * FROM backtest_index ORDER BY rowid")).isEqualTo(rowsBefore);
        List<List<String>> masterAfter = new ArrayList<>(IndexSchemaTest.query(file,
                "SELECT type, name, sql FROM sqlite_master ORDER BY name"));
        masterAfter.removeIf(r -> r.get(1).contains(MetricsAuditTable.TABLE));
        assertThat(masterAfter).isEqualTo(masterBefore);

        try (SqliteIndex index = SqliteIndex.openReadOnly(file)) {
            assertThat(index.rows()).hasSize(bundles); // still opens as an index
            List<LinkedHashMap<String, Object>> rows = IndexQuery.builder().build().run(index);
            List<String> shown = StaleColumn.add(index, rows, IndexQuery.DEFAULT_LIST_COLUMNS);
            assertThat(shown).endsWith(StaleColumn.NAME);
            Map<Object, Object> stale = rows.stream().collect(Collectors.toMap(r -> r.get("bundle_path"), r -> r.get("stale")));
            assertThat(stale).containsEntry("irregular-event-v2.iafbt", false).containsEntry("irregular-vector-v2.iafbt", false)
                    .containsEntry("batch-0a0bbdc2-v2.iafbt", true).containsEntry("small-v2.iafbt", true);
            assertThat(index.metricsAudits().get("batch-0a0bbdc2-v2.iafbt").detail()).contains("run 0");

            StaleMetricsAudit.Result again = StaleMetricsAudit.refresh(index, ReferenceFixtures.dir(), (d, t) -> { });
            assertThat(again).as("nothing changed: nothing audited again").isEqualTo(new StaleMetricsAudit.Result(0, 0, 0, bundles));
        }
    }

    @Test
    void aChangedBundleIsAuditedAgainAndUntilThenHasNoFlag() throws Exception {
        Path folder = tmp.resolve("bundles");
        Path bundle = ReferenceFixtures.privateCopy("small-v2.iafbt", folder);
        Path broken = folder.resolve("broken.iafbt");
        java.nio.file.Files.writeString(broken, "not a bundle");
        Path indexFile = tmp.resolve("out/audit.sqlite");
        Indexer.builder(folder).output(indexFile).build().run();
        try (SqliteIndex index = SqliteIndex.open(indexFile)) {
            index.upsert(IndexRows.fromBacktest(Backtest.open(bundle), "broken.iafbt", 1L, 12L)); // indexed, then broken
            StaleMetricsAudit.Result r = StaleMetricsAudit.refresh(index, folder, (d, t) -> { });
            assertThat(r).isEqualTo(new StaleMetricsAudit.Result(2, 1, 1, 0));
            assertThat(index.metricsAudits().get("broken.iafbt").detail()).startsWith("not audited: ").contains("broken.iafbt");
        }
        Backtest.open(bundle).recompute().save(bundle); // refreshed: the old audit no longer applies
        Indexer.builder(folder).output(indexFile).build().run();
        try (SqliteIndex index = SqliteIndex.open(indexFile)) {
            List<LinkedHashMap<String, Object>> rows = IndexQuery.builder().build().run(index);
            StaleColumn.add(index, rows, IndexQuery.DEFAULT_LIST_COLUMNS);
            assertThat(rows).filteredOn(row -> row.get("bundle_path").equals("small-v2.iafbt"))
                    .singleElement().satisfies(row -> assertThat(row.get("stale")).isNull());
            assertThat(StaleMetricsAudit.refresh(index, folder, (d, t) -> { }).audited()).isEqualTo(1);
            rows = IndexQuery.builder().build().run(index);
            StaleColumn.add(index, rows, IndexQuery.DEFAULT_LIST_COLUMNS);
            assertThat(rows).filteredOn(row -> row.get("bundle_path").equals("small-v2.iafbt"))
                    .singleElement().satisfies(row -> assertThat(row.get("stale")).isEqualTo(false));
        }
    }

    @ParameterizedTest
    @EnumSource(IndexBackend.class)
    void recordsRoundTripOnBothBackendsAndTheColumnAppearsOnlyWithThem(IndexBackend backend) {
        try (BacktestIndex index = backend.create(tmp)) {
            index.upsertAll(List.of(row("a.iafbt", 10, 100), row("b.iafbt", 20, 200), row("c.iafbt", 30, 300)));
            List<LinkedHashMap<String, Object>> rows = IndexQuery.builder().build().run(index);
            assertThat(index.metricsAudits()).isEmpty();
            assertThat(StaleColumn.add(index, rows, IndexQuery.DEFAULT_LIST_COLUMNS)).isEqualTo(IndexQuery.DEFAULT_LIST_COLUMNS);
            assertThat(rows).allSatisfy(r -> assertThat(r).doesNotContainKey(StaleColumn.NAME));

            index.recordMetricsAudits(List.of(new MetricsAuditRecord("a.iafbt", 10, 100, 3, "run 0 cagr: …"),
                    new MetricsAuditRecord("b.iafbt", 20, 999, 0, ""),
                    new MetricsAuditRecord("c.iafbt", 30, 300, null, "not audited: no snapshots")));
            index.recordMetricsAudits(List.of(new MetricsAuditRecord("b.iafbt", 20, 200, 0, ""))); // replaces
            assertThat(index.metricsAudits()).hasSize(3)
                    .containsEntry("a.iafbt", new MetricsAuditRecord("a.iafbt", 10, 100, 3, "run 0 cagr: …"))
                    .containsEntry("c.iafbt", new MetricsAuditRecord("c.iafbt", 30, 300, null, "not audited: no snapshots"));
            assertThat(index.columns()).doesNotContain(StaleColumn.NAME, "stale_values");

            rows = IndexQuery.builder().build().run(index);
            StaleColumn.add(index, rows, IndexQuery.DEFAULT_LIST_COLUMNS);
            Map<Object, Object> stale = new java.util.HashMap<>();
            rows.forEach(r -> stale.put(r.get("bundle_path"), r.get(StaleColumn.NAME)));
            assertThat(stale).containsEntry("a.iafbt", true).containsEntry("b.iafbt", false).containsEntry("c.iafbt", null);
        }
    }

    private static IndexRow row(String path, long mtime, long size) {
        return IndexRow.builder().bundlePath(path).algorithmId(path).provenance(mtime, size).build();
    }
}
