package dev.iafbt.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.internal.chunk.ChunkNames;
import dev.iafbt.ohlcv.OhlcvStore;
import dev.iafbt.store.object.ObjectInfo;
import dev.iafbt.testing.S3Server;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gc-ohlcv on object storage: the local collector's guarantees, with writers on other machines. */
class ObjectStoreCollectorTest {
    private static final Duration GRACE = Duration.ofHours(1);
    private static final Duration OLD = Duration.ofHours(2);

    @TempDir
    Path temp;
    private ObjectTieredStore store;
    private String bucket;
    private OhlcvStore staging;
    private String kept;
    private String orphan;

    @BeforeEach
    void storeWithOneReferencedAndOneOrphanedChunk() {
        store = S3Server.shared().newStore(temp.resolve("tier1.sqlite").toString());
        bucket = store.root().substring("s3://".length(), store.root().indexOf('/', "s3://".length()));
        staging = new OhlcvStore(temp.resolve("staging"));
        store.write(StoreFixtures.withOhlcv("a", staging, 100), "a", staging.dir());
        store.write(StoreFixtures.withOhlcv("b", staging, 200), "b", staging.dir());
        kept = chunkOf("a");
        orphan = chunkOf("b");
        store.delete("b");
        age(orphan);
        age(kept);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String chunkOf(String handle) {
        return (String) ChunkPlacement.manifest(store.openWholeSummary(handle)).values().iterator().next();
    }

    private void age(String chunk) {
        S3Server.shared().age(bucket, "store/ohlcv/" + chunk, OLD);
    }

    private List<String> chunks() {
        List<String> names = new ArrayList<>();
        store.storage().list("ohlcv/", info -> names.add(info.key().substring("ohlcv/".length())));
        return names;
    }

    @Test
    void aDryRunReportsAndDeletesNothing() {
        ObjectGcReport report = ObjectStoreCollector.collect(store, GRACE, true);
        assertThat(report.sweepable()).containsExactly(orphan);
        assertThat(report.referenced()).isEqualTo(1);
        assertThat(report.deleted()).isEmpty();
        assertThat(chunks()).containsExactlyInAnyOrder(kept, orphan);
        assertThat(report.summary()).contains("dry run: would delete 1 chunks");
    }

    @Test
    void aSweepDeletesOldOrphansOnlyAndReleasesItsLock() {
        ObjectGcReport report = ObjectStoreCollector.collect(store, GRACE, false);
        assertThat(report.deleted()).containsExactly(orphan);
        assertThat(chunks()).containsExactly(kept);
        assertThat(store.ohlcv("a").get("BTC/EUR:1h").rowCount()).isEqualTo(4);
        assertThat(store.storage().head(WriterLeases.GC_LOCK)).isEmpty();
    }

    @Test
    void orphansWithinTheGracePeriodStay() {
        ObjectGcReport report = ObjectStoreCollector.collect(store, Duration.ofHours(3), false);
        assertThat(report.deleted()).isEmpty();
        assertThat(report.young()).isEqualTo(1);
        assertThat(chunks()).containsExactlyInAnyOrder(kept, orphan);
    }

    @Test
    void anUnreadableBundleStopsEveryDeletionAndIsNamed() {
        store.storage().put("bundles/broken.iafbt", "not a bundle".getBytes(StandardCharsets.UTF_8));
        ObjectGcReport report = ObjectStoreCollector.collect(store, GRACE, false);
        assertThat(report.refused()).isTrue();
        assertThat(report.unreadable()).singleElement().asString().startsWith("broken: ");
        assertThat(report.deleted()).isEmpty();
        assertThat(chunks()).containsExactlyInAnyOrder(kept, orphan);
    }

    @Test
    void aLiveWritersLeaseKeepsTheOldOrphanItIsAboutToReuse() {
        store.storage().put(WriterLeases.LEASES + "writer-1", orphan.getBytes(StandardCharsets.UTF_8));
        ObjectGcReport report = ObjectStoreCollector.collect(store, GRACE, false);
        assertThat(report.leased()).isEqualTo(1);
        assertThat(report.deleted()).isEmpty();
        assertThat(chunks()).contains(orphan);
    }

    @Test
    void aStaleLeaseProtectsNothingAndIsRemoved() {
        store.storage().put(WriterLeases.LEASES + "crashed", orphan.getBytes(StandardCharsets.UTF_8));
        S3Server.shared().age(bucket, "store/" + WriterLeases.LEASES + "crashed", OLD);
        ObjectGcReport report = ObjectStoreCollector.collect(store, GRACE, false);
        assertThat(report.deleted()).containsExactly(orphan);
        assertThat(report.staleLeases()).isEqualTo(1);
        List<ObjectInfo> leases = new ArrayList<>();
        store.storage().list(WriterLeases.LEASES, leases::add);
        assertThat(leases).isEmpty();
    }

    @Test
    void aSecondCollectionIsRefusedWhileTheLockIsHeld() {
        byte[] lock = "gc-ohlcv elsewhere".getBytes(StandardCharsets.UTF_8);
        store.storage().putIfAbsent(WriterLeases.GC_LOCK, lock, ChunkNames.sha256Hex(lock));
        assertThatThrownBy(() -> ObjectStoreCollector.collect(store, GRACE, false))
                .isInstanceOf(StoreException.class).hasMessageContaining("another OHLCV collection is running");
        assertThat(chunks()).contains(orphan);
    }

    /** A writer that re-used the orphan and finished between the collection's mark and its sweep. */
    @Test
    void aBundleWrittenAfterTheMarkKeepsTheChunkItReuses() {
        ObjectGcReport report = ObjectStoreCollector.collect(store, GRACE, false, java.time.Instant.now(),
                () -> store.write(StoreFixtures.withOhlcv("late", staging, 200), "late", staging.dir()));
        assertThat(report.sweepable()).as("planned before the writer came").containsExactly(orphan);
        assertThat(report.deleted()).as("but kept: the sweep re-read the new bundle").isEmpty();
        assertThat(chunks()).contains(orphan);
        assertThat(store.ohlcv("late").get("BTC/EUR:1h").rowCount()).isEqualTo(4);
    }

    /**
     * The race the local hardening fixed, on objects: a writer re-using a chunk the collection is
     * about to delete. The writer registered after the collection's lease listing, so it waits for
     * the lock, then finds the chunk gone and uploads it again: its bundle never misses it.
     */
    @Test
    void aWriterArrivingDuringTheSweepWaitsAndPutsBackWhatWasDeleted() throws Exception {
        byte[] lock = "gc-ohlcv sweeping".getBytes(StandardCharsets.UTF_8);
        store.storage().putIfAbsent(WriterLeases.GC_LOCK, lock, ChunkNames.sha256Hex(lock));
        CompletableFuture<String> writer = CompletableFuture.supplyAsync(() ->
                store.write(StoreFixtures.withOhlcv("c", staging, 200), "c", staging.dir()));
        Thread.sleep(1_000);
        assertThat(writer).as("waits while the collection holds the lock").isNotDone();
        store.storage().delete("ohlcv/" + orphan); // the collection's sweep
        store.storage().delete(WriterLeases.GC_LOCK); // and its release
        assertThat(writer.get(60, TimeUnit.SECONDS)).isEqualTo("c");
        assertThat(chunks()).contains(orphan);
        assertThat(store.ohlcv("c").get("BTC/EUR:1h").rowCount()).isEqualTo(4);
    }
}
