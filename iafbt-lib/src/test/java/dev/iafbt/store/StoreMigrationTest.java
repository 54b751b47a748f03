package dev.iafbt.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.bundle.Bundle;
import dev.iafbt.bundle.BundleReader;
import dev.iafbt.bundle.BundleWriter;
import dev.iafbt.bundle.WriteOptions;
import dev.iafbt.model.Backtest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Port of the reference's tests/cli/test_migrate_store_command.py (library part) plus resumption. */
class StoreMigrationTest {
    @TempDir
    Path temp;

    private final List<String> events = new ArrayList<>();

    private StoreMigration.Result migrate(BacktestStore from, BacktestStore to, List<String> handles) {
        return new StoreMigration(from, to).run(handles, (h, outcome, detail) -> events.add(h + "=" + outcome));
    }

    private LocalDirStore source(String... handles) {
        LocalDirStore source = new LocalDirStore(temp.resolve("src"));
        for (String h : handles) {
            source.write(StoreFixtures.backtest(h), h);
        }
        return source;
    }

    @Test
    void localDirToLocalTiered() {
        LocalTieredStore dst = new LocalTieredStore(temp.resolve("dst"));
        StoreMigration.Result result = migrate(source("a", "b"), dst, null);
        assertThat(result.copied()).containsExactly("a.iafbt", "b.iafbt");
        assertThat(dst.handles()).containsExactly("a", "b");
        assertThat(dst.indexFile()).isRegularFile();
    }

    @Test
    void handleSubsetWithBareNamesAndAMissingOne() {
        LocalTieredStore dst = new LocalTieredStore(temp.resolve("dst"));
        StoreMigration.Result result = migrate(source("a", "b", "c"), dst, StoreMigration.parseHandles(" a, c,,nope "));
        assertThat(result.copied()).containsExactly("a", "c");
        assertThat(result.missing()).containsExactly("nope");
        assertThat(dst.handles()).containsExactly("a", "c");
    }

    @Test
    void ohlcvIsDeduplicatedDuringMigration() {
        LocalTieredStore src = new LocalTieredStore(temp.resolve("src"));
        src.write(StoreFixtures.withOhlcv("a", src.ohlcvStore(), 100), "a");
        src.write(StoreFixtures.withOhlcv("b", src.ohlcvStore(), 100), "b");
        LocalTieredStore dst = new LocalTieredStore(temp.resolve("dst"));
        assertThat(migrate(src, dst, null).copied()).hasSize(2);
        GcReport stats = OhlcvCollector.collect(dst.root(), Duration.ZERO, true);
        assertThat(stats.storedChunks()).isEqualTo(1);
        assertThat(stats.referencedChunks()).isEqualTo(1);
    }

    @Test
    void unknownKindIsATypedError() {
        assertThatThrownBy(() -> StoreKind.of("bogus")).isInstanceOf(StoreException.class)
                .hasMessage("unknown store kind 'bogus'; expected one of [local-dir, local-tiered, s3-tiered]");
        assertThat(StoreKind.of("local-tiered")).isEqualTo(StoreKind.LOCAL_TIERED);
        assertThat(StoreKind.of("S3-Tiered")).isEqualTo(StoreKind.S3_TIERED);
        assertThatThrownBy(() -> StoreKind.S3_TIERED.open(temp)).isInstanceOf(StoreException.class)
                .hasMessageContaining("s3://bucket/prefix");
    }

    @Test
    void secondRunSkipsWhatIsAlreadyThereAndResumesTheRest() throws Exception {
        LocalDirStore src = source("a", "b", "c");
        LocalTieredStore dst = new LocalTieredStore(temp.resolve("dst"));
        migrate(src, dst, List.of("a"));
        // an interrupted run: b's bundle landed, its index row did not
        dst.write(src.open("b", false), "b");
        try (var index = dev.iafbt.index.SqliteIndex.open(dst.indexFile())) {
            index.remove(List.of("b"));
        }
        long aModified = Files.getLastModifiedTime(dst.bundleFile("a").orElseThrow()).toMillis();

        StoreMigration.Result result = migrate(src, dst, null);

        assertThat(result.unchanged()).containsExactly("a.iafbt");
        assertThat(result.copied()).containsExactly("b.iafbt", "c.iafbt");
        assertThat(Files.getLastModifiedTime(dst.bundleFile("a").orElseThrow()).toMillis()).isEqualTo(aModified);
        assertThat(dst.indexRows()).hasSize(3);
        assertThat(migrate(src, dst, null).unchanged()).hasSize(3);
    }

    @Test
    void aChangedSourceIsCopiedAgain() {
        LocalDirStore src = source("a");
        LocalDirStore dst = new LocalDirStore(temp.resolve("dst"));
        migrate(src, dst, null);
        src.write(StoreFixtures.builder("a").tag("changed").build(), "a");
        assertThat(migrate(src, dst, null).copied()).containsExactly("a.iafbt");
        assertThat(dst.open("a", true).tag()).isEqualTo("changed");
    }

    @Test
    void aBadSourceBundleIsReportedAndTheOthersStillCopy() throws Exception {
        LocalDirStore src = source("a", "c");
        Files.write(src.root().resolve("b.iafbt"), new byte[] {'I', 'A', 'F', 'B', 2, 0, 0, 0, 9, 9});
        LocalTieredStore dst = new LocalTieredStore(temp.resolve("dst"));
        StoreMigration.Result result = migrate(src, dst, null);
        assertThat(result.copied()).containsExactly("a.iafbt", "c.iafbt");
        assertThat(result.failed()).singleElement().asString().startsWith("b.iafbt: ").contains("b.iafbt");
        assertThat(events).containsExactly("a.iafbt=COPIED", "b.iafbt=FAILED", "c.iafbt=COPIED");
    }

    @Test
    void tieredWithOhlcvIntoPlainFolderAndBackKeepsEveryChunk() {
        LocalTieredStore src = new LocalTieredStore(temp.resolve("src"));
        src.write(StoreFixtures.withOhlcv("a", src.ohlcvStore(), 100), "sweep/a");
        LocalDirStore mid = new LocalDirStore(temp.resolve("mid"));
        LocalTieredStore back = new LocalTieredStore(temp.resolve("back"));
        migrate(src, mid, null);
        migrate(mid, back, null);
        assertThat(back.handles()).containsExactly("sweep/a");
        assertThat(back.ohlcv("sweep/a").get("BTC/EUR:1h").rowCount()).isEqualTo(4);
        assertThat(migrate(mid, back, null).unchanged()).containsExactly("sweep/a.iafbt");
    }

    @Test
    void aBundleWhoseDocumentNeedsNoChangeIsCopiedByteForByteNotReEncoded() throws Exception {
        LocalDirStore src = source("a");
        Path file = src.bundleFile("a.iafbt").orElseThrow();
        byte[] fast = resaveAtLevelOne(file);
        LocalTieredStore dst = new LocalTieredStore(temp.resolve("dst"));
        assertThat(migrate(src, dst, null).copied()).containsExactly("a.iafbt");
        // a fresh encoding is zstd 19, whose bytes differ from these level-1 ones
        assertThat(Files.readAllBytes(dst.bundleFile("a").orElseThrow())).isEqualTo(fast);
    }

    @Test
    void aBundleWhoseChunkFolderMovesIsReEncoded() throws Exception {
        LocalTieredStore src = new LocalTieredStore(temp.resolve("src"));
        src.write(StoreFixtures.withOhlcv("a", src.ohlcvStore(), 100), "a");
        byte[] fast = resaveAtLevelOne(src.bundleFile("a").orElseThrow());
        LocalDirStore dst = new LocalDirStore(temp.resolve("dst"));
        assertThat(migrate(src, dst, null).copied()).containsExactly("a");
        Path copied = dst.bundleFile("a").orElseThrow();
        Bundle written = BundleReader.read(copied);
        assertThat(Backtest.of(written).ohlcvManifestMap().orElseThrow().get("store_dir")).isEqualTo("ohlcv");
        assertThat(Files.readAllBytes(copied)).isNotEqualTo(fast)
                .isEqualTo(BundleWriter.encode(written, WriteOptions.DEFAULT));
    }

    /** Rewrites a bundle at zstd level 1: the same document in bytes a zstd-19 re-encoding would not give. */
    private static byte[] resaveAtLevelOne(Path file) throws Exception {
        Bundle bundle = BundleReader.read(file);
        BundleWriter.write(bundle, file, null, WriteOptions.DEFAULT.withZstdLevel(1));
        byte[] fast = Files.readAllBytes(file);
        assertThat(fast).isNotEqualTo(BundleWriter.encode(bundle, WriteOptions.DEFAULT));
        return fast;
    }
}
