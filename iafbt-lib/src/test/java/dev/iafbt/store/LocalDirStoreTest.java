package dev.iafbt.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.index.IndexRow;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.ohlcv.OhlcvStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Port of the reference's tests/services/backtest_store/test_local_dir_store.py, plus its defects. */
class LocalDirStoreTest {
    @TempDir
    Path temp;

    private LocalDirStore store() {
        return new LocalDirStore(temp.resolve("store"));
    }

    @Test
    void writeReturnsHandleAndCreatesBundleFile() {
        LocalDirStore store = store();
        assertThat(store.write(StoreFixtures.backtest("algo"), "run_a")).isEqualTo("run_a.iafbt");
        assertThat(store.root().resolve("run_a.iafbt")).isRegularFile();
    }

    @Test
    void defaultHandleUsesAlgorithmId() {
        String handle = store().write(StoreFixtures.backtest("momentum"));
        assertThat(handle).isEqualTo("momentum.iafbt");
    }

    @Test
    void defaultHandleWithoutAlgorithmIdIsATimestamp() {
        String handle = store().write(StoreFixtures.backtest(null));
        assertThat(handle).matches("backtest_\\d{8}T\\d{12}\\.iafbt");
    }

    @Test
    void openRoundTripsAlgorithmIdFullAndSummaryOnly() {
        LocalDirStore store = store();
        String handle = store.write(StoreFixtures.backtest("algo"), "rt");
        assertThat(store.open(handle, false).algorithmId()).isEqualTo("algo");
        assertThat(store.open(handle, true).algorithmId()).isEqualTo("algo");
        assertThat(store.open(handle, false).runs()).hasSize(2);
    }

    @Test
    void existsAfterWriteNotAfterDelete() {
        LocalDirStore store = store();
        String handle = store.write(StoreFixtures.backtest("algo"), "x");
        assertThat(store.exists(handle)).isTrue();
        store.delete(handle);
        assertThat(store.exists(handle)).isFalse();
    }

    @Test
    void openMissingHandleThrowsHandleNotFound() {
        assertThatThrownBy(() -> store().open("nope.iafbt", false))
                .isInstanceOf(HandleNotFoundException.class)
                .hasMessageContaining("nope.iafbt")
                .satisfies(e -> assertThat(((HandleNotFoundException) e).handle()).isEqualTo("nope.iafbt"));
    }

    @Test
    void deleteMissingHandleIsANoOp() {
        LocalDirStore store = store();
        store.delete("nope");
        assertThat(store.size()).isZero();
    }

    @Test
    void handlesAndSizeIncludeNestedBundles() {
        LocalDirStore store = store();
        assertThat(store.size()).isZero();
        store.write(StoreFixtures.backtest("a"), "a");
        store.write(StoreFixtures.backtest("b"), "sub/b");
        assertThat(store.size()).isEqualTo(2);
        assertThat(store.handles()).containsExactly("a.iafbt", "sub/b.iafbt");
    }

    @Test
    void indexRowsAreTypedWithRelativePathsAndCreateTheSidecar() {
        LocalDirStore store = store();
        store.write(StoreFixtures.backtest("a"), "a");
        store.write(StoreFixtures.backtest("b"), "sub/b");
        List<IndexRow> rows = store.indexRows();
        assertThat(rows).extracting(IndexRow::bundlePath).containsExactlyInAnyOrder("a.iafbt", "sub/b.iafbt");
        assertThat(rows).allSatisfy(r -> assertThat(Path.of(r.bundlePath()).isAbsolute()).isFalse());
        assertThat(rows).extracting(IndexRow::algorithmId).containsExactlyInAnyOrder("a", "b");
        assertThat(store.indexFile()).isRegularFile();
    }

    @Test
    void indexRowsWithoutIndexCreateNoFile() {
        LocalDirStore store = new LocalDirStore(temp.resolve("plain"), false);
        store.write(StoreFixtures.backtest("a"), "a");
        assertThat(store.indexRows()).extracting(IndexRow::bundlePath).containsExactly("a.iafbt");
        assertThat(store.indexFile()).doesNotExist();
    }

    @Test
    void escapingAndAbsoluteHandlesAreRejected() {
        LocalDirStore store = store();
        for (String bad : List.of("../escape", "/etc/passwd", "a/../../b", "a//b", "./a", "C:/x", "a\\..\\b")) {
            assertThatThrownBy(() -> store.write(StoreFixtures.backtest("a"), bad))
                    .as(bad).isInstanceOf(StoreException.class).hasMessageContaining("outside the store folder");
            assertThatThrownBy(() -> store.open(bad, false)).as(bad).isInstanceOf(StoreException.class);
            assertThat(store.exists(bad)).as(bad).isFalse();
            store.delete(bad); // silent
        }
        assertThat(temp.resolve("escape.iafbt")).doesNotExist();
    }

    @Test
    void symlinkLeadingOutOfTheRootIsRejected() throws Exception {
        LocalDirStore store = store();
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.createSymbolicLink(store.root().resolve("link"), outside);
        assertThatThrownBy(() -> store.write(StoreFixtures.backtest("a"), "link/x"))
                .isInstanceOf(StoreException.class).hasMessageContaining("'link/x.iafbt'");
        assertThat(outside.resolve("x.iafbt")).doesNotExist();
    }

    @Test
    void copyFromAnotherStoreAllAndSubset() {
        LocalDirStore source = new LocalDirStore(temp.resolve("src"));
        source.write(StoreFixtures.backtest("x"), "x");
        source.write(StoreFixtures.backtest("y"), "y");
        LocalDirStore all = new LocalDirStore(temp.resolve("all"));
        assertThat(all.copyFrom(source, null)).isEqualTo(2);
        assertThat(all.size()).isEqualTo(2);
        assertThat(all.exists("x")).isTrue();
        assertThat(all.exists("y")).isTrue();

        LocalDirStore subset = new LocalDirStore(temp.resolve("subset"));
        assertThat(subset.copyFrom(source, List.of("x", "missing"))).isEqualTo(1);
        assertThat(subset.handles()).containsExactly("x.iafbt");
    }

    @Test
    void handleWithoutSuffixGetsIt() {
        LocalDirStore store = store();
        store.write(StoreFixtures.backtest("a"), "no_suffix");
        assertThat(store.exists("no_suffix")).isTrue();
        assertThat(store.exists("no_suffix.iafbt")).isTrue();
    }

    @Test
    void missingNestedRootIsCreated() {
        LocalDirStore store = new LocalDirStore(temp.resolve("a/b/c"));
        assertThat(store.root()).isDirectory();
        assertThat(store.size()).isZero();
    }

    /** Reference defect: its delete leaves the sidecar row, so listings show a deleted backtest. */
    @Test
    void deleteRemovesTheIndexRow() {
        LocalDirStore store = store();
        store.write(StoreFixtures.backtest("a"), "a");
        store.write(StoreFixtures.backtest("b"), "b");
        assertThat(store.indexRows()).hasSize(2);
        store.delete("a");
        try (SqliteIndex index = SqliteIndex.open(store.indexFile())) {
            assertThat(index.bundlePaths()).containsExactly("b.iafbt");
        }
        assertThat(store.indexRows()).extracting(IndexRow::bundlePath).containsExactly("b.iafbt");
    }

    /** Reference defect: copying into a plain folder dropped the OHLCV data. */
    @Test
    void copyingIntoAPlainFolderKeepsOhlcv() {
        LocalTieredStore tiered = new LocalTieredStore(temp.resolve("tiered"));
        tiered.write(StoreFixtures.withOhlcv("a", tiered.ohlcvStore(), 100), "a");
        tiered.write(StoreFixtures.withOhlcv("b", tiered.ohlcvStore(), 200), "sweep/b");
        LocalDirStore plain = store();

        assertThat(plain.copyFrom(tiered, null)).isEqualTo(2);

        assertThat(plain.ohlcv("a").get("BTC/EUR:1h").rowCount()).isEqualTo(4);
        assertThat(plain.ohlcv("sweep/b").get("BTC/EUR:1h").rowCount()).isEqualTo(4);
        // the chunks sit beside each bundle, where any reader of a bundle folder looks for them
        assertThat(dev.iafbt.ohlcv.OhlcvFrames.of(plain.open("sweep/b", false)).get("BTC/EUR:1h").rowCount()).isEqualTo(4);
        assertThat(new OhlcvStore(plain.root().resolve("sweep/ohlcv")).list()).hasSize(1);
    }
}
