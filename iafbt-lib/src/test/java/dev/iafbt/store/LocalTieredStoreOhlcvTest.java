package dev.iafbt.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.model.Backtest;
import dev.iafbt.ohlcv.OhlcvFrames;
import dev.iafbt.ohlcv.OhlcvGc;
import dev.iafbt.ohlcv.OhlcvStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Port of the reference's tests/services/backtest_store/test_local_tiered_store_ohlcv.py. */
class LocalTieredStoreOhlcvTest {
    @TempDir
    Path temp;

    private LocalTieredStore store() {
        return new LocalTieredStore(temp.resolve("store"));
    }

    /** A separate folder where frames are put before a backtest refers to them. */
    private OhlcvStore staging() {
        return new OhlcvStore(temp.resolve("staging"));
    }

    private static GcReport stats(LocalTieredStore store) {
        return OhlcvCollector.collect(store.root(), Duration.ZERO, true);
    }

    private static void ageChunks(LocalTieredStore store) throws Exception {
        for (String name : store.ohlcvStore().list()) {
            Files.setLastModifiedTime(store.ohlcvStore().pathOf(name), FileTime.from(Instant.now().minusSeconds(60)));
        }
    }

    /** The chunk folder exists (it holds the lock writers and the collector share) but holds no chunk. */
    @Test
    void noOhlcvNoChunk() {
        LocalTieredStore store = store();
        store.write(StoreFixtures.backtest("a"), "a");
        assertThat(store.ohlcvStore().list()).isEmpty();
        assertThat(stats(store).storedChunks()).isZero();
    }

    @Test
    void chunksAreCopiedIntoTheSharedStore() {
        LocalTieredStore store = store();
        store.write(StoreFixtures.withOhlcv("a", staging(), 100), "a", staging().dir());
        assertThat(store.ohlcvStore().list()).singleElement().asString().matches("[0-9a-f]{64}\\.parquet");
        assertThat(store.open("a", true).ohlcvManifestMap().orElseThrow().get("store_dir")).isEqualTo("../ohlcv");
    }

    /** A tiered bundle opened as a plain file still finds its chunks through store_dir ../ohlcv. */
    @Test
    void aStoredBundleOpenedDirectlyReadsItsFramesThroughItsStoreDir() {
        LocalTieredStore store = store();
        store.write(StoreFixtures.withOhlcv("a", staging(), 100), "sweep/a", staging().dir());
        Path bundle = store.root().resolve("bundles/sweep/a.iafbt");
        OhlcvFrames frames = OhlcvFrames.of(Backtest.open(bundle));
        assertThat(frames.keys()).containsExactly("BTC/EUR:1h");
        assertThat(frames.get("BTC/EUR:1h").rowCount()).isEqualTo(4);
    }

    @Test
    void identicalOhlcvIsDeduplicatedAcrossHandles() {
        LocalTieredStore store = store();
        store.write(StoreFixtures.withOhlcv("a", staging(), 100), "a", staging().dir());
        store.write(StoreFixtures.withOhlcv("b", staging(), 100), "b", staging().dir());
        GcReport stats = stats(store);
        assertThat(stats.storedChunks()).isEqualTo(1);
        assertThat(stats.referencedChunks()).isEqualTo(1);
        assertThat(stats.orphanedChunks()).isZero();
        assertThat(stats.missing()).isEmpty();
    }

    @Test
    void differentOhlcvGivesSeparateChunks() {
        LocalTieredStore store = store();
        store.write(StoreFixtures.withOhlcv("a", staging(), 100), "a", staging().dir());
        store.write(StoreFixtures.withOhlcv("b", staging(), 2000), "b", staging().dir());
        assertThat(stats(store).storedChunks()).isEqualTo(2);
    }

    @Test
    void openResolvesOhlcvFromTheSharedStore() {
        LocalTieredStore store = store();
        store.write(StoreFixtures.withOhlcv("a", staging(), 100), "rt", staging().dir());
        OhlcvFrames frames = store.ohlcv("rt");
        assertThat(frames.keys()).containsExactly("BTC/EUR:1h");
        assertThat(frames.get("BTC/EUR:1h").rowCount()).isEqualTo(4);
    }

    @Test
    void deleteKeepsSharedChunkUntilGc() throws Exception {
        LocalTieredStore store = store();
        store.write(StoreFixtures.withOhlcv("a", staging(), 100), "a", staging().dir());
        store.write(StoreFixtures.withOhlcv("b", staging(), 100), "b", staging().dir());
        store.delete("a");
        ageChunks(store);
        GcReport stats = stats(store);
        assertThat(stats.storedChunks()).isEqualTo(1);
        assertThat(stats.orphanedChunks()).isZero();
    }

    @Test
    void garbageCollectionRemovesOrphans() throws Exception {
        LocalTieredStore store = store();
        store.write(StoreFixtures.withOhlcv("a", staging(), 100), "only", staging().dir());
        store.delete("only");
        ageChunks(store);
        assertThat(stats(store).orphanedChunks()).isEqualTo(1);

        GcReport dry = OhlcvCollector.collect(store.root(), Duration.ZERO, true);
        assertThat(dry.reclaimableChunks()).isEqualTo(1);
        assertThat(store.ohlcvStore().list()).hasSize(1);

        GcReport real = OhlcvCollector.collect(store.root(), Duration.ZERO, false);
        assertThat(real.deletedChunks()).isEqualTo(1);
        assertThat(stats(store).storedChunks()).isZero();
        assertThat(stats(store).orphanedChunks()).isZero();
    }

    @Test
    void referencesAreCountedOncePerChunk() {
        LocalTieredStore store = store();
        store.write(StoreFixtures.withOhlcv("a", staging(), 100), "a", staging().dir());
        store.write(StoreFixtures.withOhlcv("a", staging(), 100), "a2", staging().dir());
        GcReport stats = stats(store);
        assertThat(stats.referencedChunks()).isEqualTo(1);
        OhlcvGc.Plan plan = stats.folders().get(0).plan();
        assertThat(plan.stored()).singleElement().extracting(OhlcvGc.Chunk::name).asString()
                .matches("[0-9a-f]{64}\\.parquet");
    }

    @Test
    void aMissingChunkStopsTheWriteBeforeTheBundle() throws Exception {
        LocalTieredStore store = store();
        OhlcvStore staging = staging();
        var backtest = StoreFixtures.withOhlcv("a", staging, 100);
        Files.delete(staging.pathOf(staging.list().get(0)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.write(backtest, "a", staging.dir()))
                .isInstanceOf(StoreException.class).hasMessageContaining("OHLCV chunk for 'BTC/EUR:1h' is missing");
        assertThat(store.exists("a")).isFalse();
    }
}
