package dev.iafbt.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.index.IndexRow;
import dev.iafbt.model.Backtest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Port of the reference's tests/services/backtest_store/test_local_tiered_store.py, plus its defects. */
class LocalTieredStoreTest {
    @TempDir
    Path temp;

    private LocalTieredStore store() {
        return new LocalTieredStore(temp.resolve("store"));
    }

    @Test
    void writeCreatesThreeTiers() {
        LocalTieredStore store = store();
        store.write(StoreFixtures.backtest("algo"), "r1");
        assertThat(store.root().resolve("bundles/r1.iafbt")).isRegularFile();
        assertThat(store.root().resolve("index.sqlite")).isRegularFile();
        assertThat(store.root().resolve("parquet/portfolio_snapshots/run_id=r1/part-0.parquet")).isRegularFile();
        assertThat(store.root().resolve("parquet/trades/run_id=r1/part-0.parquet")).isRegularFile();
        assertThat(store.root().resolve("parquet/orders/run_id=r1/part-0.parquet")).isRegularFile();
    }

    @Test
    void handleSuffixIsStripped() {
        LocalTieredStore store = store();
        assertThat(store.write(StoreFixtures.backtest("a"), "with.iafbt")).isEqualTo("with");
        assertThat(store.handles()).containsExactly("with");
        assertThat(store.exists("with.iafbt")).isTrue();
    }

    @Test
    void roundTripFullAndSummaryOnly() {
        LocalTieredStore store = store();
        store.write(StoreFixtures.backtest("algo"), "rt");
        assertThat(store.open("rt", false).algorithmId()).isEqualTo("algo");
        assertThat(store.open("rt", true).algorithmId()).isEqualTo("algo");
    }

    @Test
    void indexRowsUseBareHandles() {
        LocalTieredStore store = store();
        store.write(StoreFixtures.backtest("a"), "a");
        store.write(StoreFixtures.backtest("b"), "b");
        assertThat(store.indexRows()).extracting(IndexRow::bundlePath).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void deleteRemovesAllTiers() {
        LocalTieredStore store = store();
        store.write(StoreFixtures.backtest("a"), "gone");
        store.delete("gone");
        assertThat(store.exists("gone")).isFalse();
        assertThat(store.indexRows()).isEmpty();
        for (Tier2Dataset dataset : Tier2Dataset.values()) {
            assertThat(store.parquetRoot().resolve(dataset.folderName()).resolve("run_id=gone")).doesNotExist();
        }
        store.delete("gone"); // idempotent
    }

    @Test
    void sizeCountsBundles() {
        LocalTieredStore store = store();
        assertThat(store.size()).isZero();
        store.write(StoreFixtures.backtest("a"), "a");
        store.write(StoreFixtures.backtest("b"), "b");
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void copyFromLocalDirStore() {
        LocalDirStore source = new LocalDirStore(temp.resolve("src"));
        source.write(StoreFixtures.backtest("alpha"), "alpha");
        source.write(StoreFixtures.backtest("beta"), "beta");
        LocalTieredStore store = store();
        assertThat(store.copyFrom(source, null)).isEqualTo(2);
        assertThat(store.handles()).containsExactly("alpha", "beta");
        assertThat(store.indexRows()).hasSize(2);
    }

    @Test
    void rebuildIndexRecreatesTier1() throws Exception {
        LocalTieredStore store = store();
        store.write(StoreFixtures.backtest("a"), "rebuild_me");
        Files.delete(store.indexFile());
        LocalTieredStore.RebuildResult result = store.rebuildIndex();
        assertThat(result.rows()).isEqualTo(1);
        assertThat(store.indexRows()).extracting(IndexRow::bundlePath).containsExactly("rebuild_me");
    }

    @Test
    void openMissingHandleThrows() {
        assertThatThrownBy(() -> store().open("nope", false)).isInstanceOf(HandleNotFoundException.class)
                .hasMessageContaining("'nope'");
    }

    @Test
    void datasetWithoutRowsGetsNoPartitionAndAnOldOneIsRemoved() {
        LocalTieredStore store = store();
        store.write(StoreFixtures.backtest("a"), "synthetic");
        Path orders = store.parquetRoot().resolve("orders/run_id=synthetic");
        assertThat(orders).isDirectory();

        Backtest noOrders = Backtest.builder("a").run(dev.iafbt.model.RunBuilder.window(StoreFixtures.START,
                StoreFixtures.START.plusSeconds(86_400)).snapshot(StoreFixtures.START, 1).snapshot(
                StoreFixtures.START.plusSeconds(86_400), 2)).build();
        store.write(noOrders, "synthetic");

        assertThat(orders).doesNotExist();
        assertThat(store.parquetRoot().resolve("trades/run_id=synthetic")).doesNotExist();
        assertThat(store.parquetRoot().resolve("portfolio_snapshots/run_id=synthetic/part-0.parquet")).isRegularFile();
    }

    @Test
    void escapingHandlesAreRejected() throws Exception {
        LocalTieredStore store = store();
        for (String bad : List.of("../escape", "/etc/passwd", "a/../../b")) {
            assertThatThrownBy(() -> store.write(StoreFixtures.backtest("a"), bad)).as(bad)
                    .isInstanceOf(StoreException.class);
            assertThat(store.exists(bad)).isFalse();
            store.delete(bad);
        }
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.createSymbolicLink(store.root().resolve("bundles/link"), outside);
        assertThatThrownBy(() -> store.write(StoreFixtures.backtest("a"), "link/x"))
                .isInstanceOf(StoreException.class);
        assertThat(outside).isEmptyDirectory();
    }

    /** Reference defect: nested handles were listed by stem, then not found (listing, open, stats, GC, rebuild). */
    @Test
    void nestedHandlesWorkEverywhere() {
        LocalTieredStore store = store();
        store.write(StoreFixtures.withOhlcv("n", store.ohlcvStore(), 100), "sub/n");
        store.write(StoreFixtures.backtest("n"), "n");

        assertThat(store.handles()).containsExactly("n", "sub/n");
        assertThat(store.exists("sub/n")).isTrue();
        assertThat(store.open("sub/n", false).ohlcvManifestMap().orElseThrow().get("store_dir"))
                .isEqualTo("../../ohlcv");
        assertThat(store.indexRows()).extracting(IndexRow::bundlePath).containsExactlyInAnyOrder("n", "sub/n");
        assertThat(store.parquetRoot().resolve("trades/run_id=sub%2Fn/part-0.parquet")).isRegularFile();
        assertThat(store.rebuildIndex()).satisfies(r -> {
            assertThat(r.rows()).isEqualTo(2);
            assertThat(r.skipped()).isEmpty();
        });
        GcReport gc = OhlcvCollector.collect(store.root(), OhlcvCollector.DEFAULT_GRACE, true);
        assertThat(gc.referencedChunks()).isEqualTo(1);
        assertThat(gc.orphanedChunks()).isZero();
        assertThat(gc.missing()).isEmpty();
        store.delete("sub/n");
        assertThat(store.handles()).containsExactly("n");
        assertThat(store.parquetRoot().resolve("trades/run_id=sub%2Fn")).doesNotExist();
    }

    /** Reference defect: one unreadable bundle crashed the rebuild and left a half-built index. */
    @Test
    void rebuildIndexSkipsUnreadableBundlesAndKeepsTheRest() throws Exception {
        LocalTieredStore store = store();
        store.write(StoreFixtures.backtest("a"), "a");
        store.write(StoreFixtures.backtest("c"), "c");
        Files.write(store.root().resolve("bundles/b.iafbt"), new byte[] {'I', 'A', 'F', 'B', 2, 0, 0, 0, 1});
        LocalTieredStore.RebuildResult result = store.rebuildIndex();
        assertThat(result.rows()).isEqualTo(2);
        assertThat(result.skipped()).singleElement().asString().startsWith("b: ");
        assertThat(store.indexRows()).extracting(IndexRow::bundlePath).containsExactlyInAnyOrder("a", "c");
    }

    /** Reference defect: hive typing turned numeric handles into int32; here they stay strings. */
    @Test
    void numericHandlesStayStrings() {
        LocalTieredStore store = store();
        store.write(StoreFixtures.backtest("a"), "123");
        store.write(StoreFixtures.backtest("b"), "0456");
        assertThat(store.handles()).containsExactly("0456", "123");
        assertThat(store.indexRows()).extracting(IndexRow::bundlePath).containsExactlyInAnyOrder("123", "0456");
        assertThat(store.open("0456", true).algorithmId()).isEqualTo("b");
    }
}
