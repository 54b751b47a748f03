package dev.iafbt.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.index.IndexRow;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.ohlcv.OhlcvStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
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

    /** A folder store with OHLCV: {@code a.iafbt} and {@code sweep/b.iafbt}, each with its chunk beside it. */
    private LocalDirStore storeWithOhlcv() {
        OhlcvStore source = new OhlcvStore(temp.resolve("chunks"));
        LocalDirStore store = store();
        store.write(StoreFixtures.withOhlcv("a", source, 100), "a", source.dir());
        store.write(StoreFixtures.withOhlcv("b", source, 200), "sweep/b", source.dir());
        return store;
    }

    @Test
    void verifyFindsUnreadableBundlesMissingChunksAndOldTempFilesAndRepairRemovesOnlyTheTempFiles() throws Exception {
        LocalDirStore store = storeWithOhlcv();
        assertThat(store.verify().consistent()).as(store.verify().summary()).isTrue();

        Path chunkOfB = Files.list(store.root().resolve("sweep/ohlcv")).filter(f -> f.toString().endsWith(".parquet"))
                .findFirst().orElseThrow();
        Files.delete(chunkOfB);
        Files.write(store.root().resolve("broken.iafbt"), new byte[] {'I', 'A', 'F', 'B', 2, 0, 0, 0, 1});
        Path killedSave = store.root().resolve(".a.iafbt.00000000000000ab.tmp");
        Files.write(killedSave, new byte[100]);
        Files.setLastModifiedTime(killedSave, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path runningSave = store.root().resolve("sweep/.b.iafbt.00000000000000cd.tmp"); // could still be written
        Files.write(runningSave, new byte[100]);

        StoreCheck found = store.verify();
        assertThat(found.problems()).extracting(StoreCheck.Problem::kind, StoreCheck.Problem::handle, StoreCheck.Problem::path)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(StoreCheck.Kind.TEMP_FILE, null, killedSave.toString()),
                        org.assertj.core.groups.Tuple.tuple(StoreCheck.Kind.UNREADABLE_BUNDLE, "broken.iafbt",
                                store.root().resolve("broken.iafbt").toString()),
                        org.assertj.core.groups.Tuple.tuple(StoreCheck.Kind.MISSING_CHUNK, "sweep/b.iafbt",
                                chunkOfB.toString()));
        assertThat(found.summary()).isEqualTo("3 problem(s): 1 temp file, 1 missing chunk, 1 unreadable bundle in "
                + store.root());
        assertThat(killedSave).as("verify changes nothing").exists();

        StoreCheck repaired = store.repair();
        assertThat(repaired.repaired()).extracting(StoreCheck.Problem::path).containsExactly(killedSave.toString());
        assertThat(repaired.problems()).extracting(StoreCheck.Problem::kind)
                .containsExactlyInAnyOrder(StoreCheck.Kind.UNREADABLE_BUNDLE, StoreCheck.Kind.MISSING_CHUNK);
        assertThat(killedSave).doesNotExist();
        assertThat(runningSave).as("a temp file a running save may own").exists();
        assertThat(store.verify().problems()).hasSize(2);
    }
}
