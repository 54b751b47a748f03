package dev.iafbt.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.internal.io.FolderLock;
import dev.iafbt.ohlcv.OhlcvGc;
import dev.iafbt.ohlcv.OhlcvStore;
import dev.iafbt.testing.ReferenceFixtures;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OhlcvCollectorTest {
    private static final Duration DAY = Duration.ofHours(24);

    @TempDir
    Path temp;

    private static void ageAll(Path dir, Duration by) throws Exception {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(by)));
            }
        }
    }

    private static void truncate(Path file, int keep) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, keep));
    }

    /**
     * The reference's two OHLCV bundles in a folder with their chunks; the float32 one truncated.
     * Today's sweep, given the references of the readable bundle only, deleted both of its chunks.
     */
    @Test
    void truncatedReferenceBundleBlocksEveryDeletion() throws Exception {
        Path fixtures = ReferenceFixtures.file("with-ohlcv-f32-v2.iafbt").getParent();
        Path folder = Files.createDirectories(temp.resolve("results"));
        Files.copy(fixtures.resolve("with-ohlcv-v2.iafbt"), folder.resolve("with-ohlcv-v2.iafbt"));
        Files.copy(fixtures.resolve("with-ohlcv-f32-v2.iafbt"), folder.resolve("with-ohlcv-f32-v2.iafbt"));
        Path chunks = Files.createDirectories(folder.resolve("ohlcv"));
        for (String name : new OhlcvStore(fixtures.resolve("ohlcv")).list()) {
            Files.copy(fixtures.resolve("ohlcv").resolve(name), chunks.resolve(name));
        }
        truncate(folder.resolve("with-ohlcv-f32-v2.iafbt"), 1000);
        ageAll(chunks, Duration.ofDays(3));

        GcReport report = OhlcvCollector.collect(folder, DAY, false);

        assertThat(report.refused()).isTrue();
        assertThat(report.unreadable()).singleElement()
                .satisfies(p -> assertThat(p.bundle()).isEqualTo(folder.resolve("with-ohlcv-f32-v2.iafbt")));
        assertThat(report.deletedChunks()).isZero();
        assertThat(new OhlcvStore(chunks).list()).hasSize(4);
        // what the unguarded sweep would have deleted: the truncated bundle's two chunks
        assertThat(report.reclaimableChunks()).isEqualTo(2);
        assertThat(report.summary()).contains("1 unreadable bundles").endsWith("deleted nothing (unreadable bundles)");
    }

    @Test
    void truncatedOwnBundleBlocksDeletionToo() throws Exception {
        LocalTieredStore store = new LocalTieredStore(temp.resolve("store"));
        store.write(StoreFixtures.withOhlcv("a", store.ohlcvStore(), 100), "a");
        store.write(StoreFixtures.withOhlcv("b", store.ohlcvStore(), 200), "b");
        store.write(StoreFixtures.withOhlcv("c", store.ohlcvStore(), 300), "c");
        store.delete("c");
        truncate(store.bundleFile("b").orElseThrow(), 40);
        ageAll(store.ohlcvStore().dir(), Duration.ofDays(3));

        GcReport report = OhlcvCollector.collect(store.root(), DAY, false);

        assertThat(report.unreadable()).extracting(GcReport.Problem::bundle)
                .containsExactly(store.bundleFile("b").orElseThrow());
        assertThat(store.ohlcvStore().list()).hasSize(3);

        store.write(StoreFixtures.withOhlcv("b", store.ohlcvStore(), 200), "b");
        ageAll(store.ohlcvStore().dir(), Duration.ofDays(3));
        GcReport fixed = OhlcvCollector.collect(store.root(), DAY, false);
        assertThat(fixed.refused()).isFalse();
        assertThat(fixed.deletedChunks()).isEqualTo(1);
        assertThat(store.ohlcvStore().list()).hasSize(2);
    }

    @Test
    void dryRunDeletesNothingAndReportsStats() throws Exception {
        LocalTieredStore store = new LocalTieredStore(temp.resolve("store"));
        store.write(StoreFixtures.withOhlcv("a", store.ohlcvStore(), 100), "a");
        store.ohlcvStore().put(StoreFixtures.frame(5), false);
        ageAll(store.ohlcvStore().dir(), Duration.ofDays(3));

        GcReport report = OhlcvCollector.collect(store.root(), DAY, true);

        assertThat(report.tiered()).isTrue();
        assertThat(report.storedChunks()).isEqualTo(2);
        assertThat(report.referencedChunks()).isEqualTo(1);
        assertThat(report.orphanedChunks()).isEqualTo(1);
        assertThat(report.reclaimableBytes()).isPositive();
        assertThat(report.deletedChunks()).isZero();
        assertThat(store.ohlcvStore().list()).hasSize(2);
        assertThat(report.summary()).contains("dry run: would delete 1 chunks");
    }

    @Test
    void chunkAWriterStoredJustBeforeItsBundleSurvives() throws Exception {
        LocalTieredStore store = new LocalTieredStore(temp.resolve("store"));
        String name = store.ohlcvStore().put(StoreFixtures.frame(100), false); // bundle not saved yet

        GcReport report = OhlcvCollector.collect(store.root(), DAY, false);

        assertThat(report.youngOrphans()).isEqualTo(1);
        assertThat(report.deletedChunks()).isZero();
        assertThat(store.ohlcvStore().contains(name)).isTrue();
    }

    @Test
    void reusingAnOldOrphanRefreshesItsTimeSoTheCollectorSparesIt() throws Exception {
        LocalTieredStore store = new LocalTieredStore(temp.resolve("store"));
        String name = store.ohlcvStore().put(StoreFixtures.frame(100), false);
        ageAll(store.ohlcvStore().dir(), Duration.ofDays(3));
        OhlcvGc.Plan before = OhlcvGc.plan(store.ohlcvStore().dir(), Set.of(), Instant.now().minus(DAY));
        assertThat(before.sweepable()).hasSize(1);

        // a writer saves a bundle that reuses the chunk, racing a collector that planned before it
        store.write(StoreFixtures.builder("a").ohlcv("BTC/EUR:1h", name).build(), "a");
        OhlcvGc.sweep(store.ohlcvStore().dir(), List.of(name), Instant.now().minus(DAY));

        assertThat(store.ohlcvStore().contains(name)).isTrue();
        assertThat(store.ohlcv("a").get("BTC/EUR:1h").rowCount()).isEqualTo(4);
    }

    @Test
    void missingChunksAreReportedAsDataLoss() throws Exception {
        LocalTieredStore store = new LocalTieredStore(temp.resolve("store"));
        store.write(StoreFixtures.withOhlcv("a", store.ohlcvStore(), 100), "a");
        Files.delete(store.ohlcvStore().pathOf(store.ohlcvStore().list().get(0)));

        GcReport report = OhlcvCollector.collect(store.root(), DAY, false);

        assertThat(report.missing()).singleElement().satisfies(p -> {
            assertThat(p.bundle()).isEqualTo(store.bundleFile("a").orElseThrow());
            assertThat(p.reason()).contains("'BTC/EUR:1h' is missing");
        });
    }

    @Test
    void plainFolderWithNestedBundlesAndStaleTemps() throws Exception {
        LocalDirStore store = new LocalDirStore(temp.resolve("plain"));
        OhlcvStore staging = new OhlcvStore(temp.resolve("staging"));
        store.write(StoreFixtures.withOhlcv("a", staging, 100), "sweep-1/a", staging.dir());
        store.write(StoreFixtures.withOhlcv("b", staging, 200), "sweep-2/b", staging.dir());
        store.delete("sweep-2/b");
        Path sweep2 = store.root().resolve("sweep-2/ohlcv");
        Files.writeString(sweep2.resolve(".x.parquet.12ab.tmp"), "partial");
        ageAll(store.root().resolve("sweep-1/ohlcv"), Duration.ofDays(3));
        ageAll(sweep2, Duration.ofDays(3));

        GcReport report = OhlcvCollector.collect(store.root(), DAY, false);

        assertThat(report.tiered()).isFalse();
        assertThat(report.folders()).hasSize(2);
        assertThat(report.deletedChunks()).isEqualTo(1);
        assertThat(report.deletedTemps()).isEqualTo(1);
        assertThat(new OhlcvStore(store.root().resolve("sweep-1/ohlcv")).list()).hasSize(1);
        assertThat(sweep2.toFile().list()).as("only the lock files writers and the collector share")
                .containsExactlyInAnyOrder(FolderLock.LOCK_FILE, FolderLock.GATE_FILE);
    }

    @Test
    void missingFolderIsATypedError() {
        assertThatThrownBy(() -> OhlcvCollector.collect(temp.resolve("nope"), DAY, true))
                .isInstanceOf(StoreException.class).hasMessageContaining("nope").hasMessageContaining("does not exist");
    }
}
