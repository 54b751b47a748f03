package dev.iafbt.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.index.IndexRow;
import dev.iafbt.index.IndexRows;
import dev.iafbt.model.Backtest;
import dev.iafbt.ohlcv.OhlcvStore;
import dev.iafbt.store.StoreCheck.Kind;
import dev.iafbt.store.StoreCheck.Problem;
import dev.iafbt.store.object.S3ObjectStorage;
import dev.iafbt.testing.EmbeddedPostgres;
import dev.iafbt.testing.S3Server;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify()/repair() of the s3-tiered store, its Tier 1 in PostgreSQL: every injected disagreement
 * is found; repair rebuilds rows and Tier-2 objects from the bundles and leaves data loss (missing
 * or corrupt chunks, an unreadable bundle) reported, deleting no bundle and no chunk; what a live
 * writer may be half-way through is left alone.
 */
class ObjectStoreCheckTest {
    private static final String SNAPSHOTS_OF_A = "parquet/portfolio_snapshots/run_id=a/part-0.parquet";
    private static final String TRADES_OF_A = "parquet/trades/run_id=a/part-0.parquet";
    private static final String GHOST_PARTITION = "parquet/trades/run_id=ghost/part-0.parquet";

    @TempDir
    Path temp;
    private ObjectTieredStore store;
    private OhlcvStore staging;

    @BeforeEach
    void storeWithTier1InPostgres() {
        store = new ObjectTieredStore(S3ObjectStorage.open(S3Server.shared().settings(S3Server.shared().newBucket())),
                EmbeddedPostgres.freshSchemaUrl(), EmbeddedPostgres.credentials());
        staging = new OhlcvStore(temp.resolve("staging"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String writeWithChunk(String handle, double base) {
        Backtest backtest = StoreFixtures.withOhlcv(handle, staging, base);
        store.write(backtest, handle, staging.dir());
        return String.valueOf(ChunkPlacement.manifest(backtest).values().iterator().next());
    }

    private byte[] object(String key) {
        return store.storage().get(key).orElse(null);
    }

    @Test
    void findsEveryDisagreementAndRepairsWhatTheBundlesCanRebuild() {
        store.write(StoreFixtures.sized("a", 2, 20, 3), "a");
        writeWithChunk("b", 100);
        String corrupted = writeWithChunk("c", 200);
        String lost = writeWithChunk("d", 300);
        assertThat(store.verify().consistent()).as(store.verify().summary()).isTrue();
        byte[] snapshots = object(SNAPSHOTS_OF_A);
        byte[] trades = object(TRADES_OF_A);

        store.storage().delete(SNAPSHOTS_OF_A);
        store.storage().put(TRADES_OF_A, "not parquet".getBytes(StandardCharsets.UTF_8));
        store.tier1().remove("b");
        store.tier1().upsert(IndexRows.fromBacktest(StoreFixtures.backtest("ghost"), "ghost", 1, 1));
        store.storage().put(GHOST_PARTITION, trades);
        store.storage().put("ohlcv/" + corrupted, "bit rot".getBytes(StandardCharsets.UTF_8));
        store.storage().delete("ohlcv/" + lost);
        store.storage().put("bundles/broken.iafbt", "half a bundle".getBytes(StandardCharsets.UTF_8));

        StoreCheck found = store.verify();
        assertThat(found.store()).isEqualTo(store.root());
        assertThat(found.problems()).extracting(Problem::kind, Problem::handle).containsExactlyInAnyOrder(
                org.assertj.core.api.Assertions.tuple(Kind.MISSING_PARTITION, "a"),
                org.assertj.core.api.Assertions.tuple(Kind.STALE_PARTITION, "a"),
                org.assertj.core.api.Assertions.tuple(Kind.MISSING_INDEX_ROW, "b"),
                org.assertj.core.api.Assertions.tuple(Kind.ORPHAN_INDEX_ROW, "ghost"),
                org.assertj.core.api.Assertions.tuple(Kind.ORPHAN_PARTITION, "ghost"),
                org.assertj.core.api.Assertions.tuple(Kind.CORRUPT_CHUNK, "c"),
                org.assertj.core.api.Assertions.tuple(Kind.MISSING_CHUNK, "d"),
                org.assertj.core.api.Assertions.tuple(Kind.UNREADABLE_BUNDLE, "broken"));
        assertThat(found.problems()).filteredOn(p -> p.kind() == Kind.CORRUPT_CHUNK).singleElement()
                .extracting(Problem::path).isEqualTo(store.root() + "ohlcv/" + corrupted);
        assertThat(found.repaired()).isEmpty();
        assertThat(object(GHOST_PARTITION)).as("verify changes nothing").isNotNull();
        assertThat(store.hasIndexRow("ghost")).isTrue();

        StoreCheck fixed = store.repair();
        assertThat(fixed.repaired()).extracting(Problem::kind).containsExactlyInAnyOrder(Kind.MISSING_PARTITION,
                Kind.STALE_PARTITION, Kind.MISSING_INDEX_ROW, Kind.ORPHAN_INDEX_ROW, Kind.ORPHAN_PARTITION);
        assertThat(fixed.problems()).extracting(Problem::kind)
                .containsExactlyInAnyOrder(Kind.CORRUPT_CHUNK, Kind.MISSING_CHUNK, Kind.UNREADABLE_BUNDLE);
        assertThat(object(SNAPSHOTS_OF_A)).isEqualTo(snapshots);
        assertThat(object(TRADES_OF_A)).isEqualTo(trades);
        assertThat(object(GHOST_PARTITION)).isNull();
        assertThat(store.indexRows()).extracting(IndexRow::bundlePath).containsExactlyInAnyOrder("a", "b", "c", "d");
        assertThat(object("ohlcv/" + corrupted)).as("never deletes what a user had").isNotNull();
        assertThat(object("bundles/broken.iafbt")).isNotNull();
        assertThat(store.storage().head(WriterLeases.GC_LOCK)).as("the lock is released").isEmpty();

        assertThat(store.verify().problems()).extracting(Problem::kind)
                .containsExactlyInAnyOrder(Kind.CORRUPT_CHUNK, Kind.MISSING_CHUNK, Kind.UNREADABLE_BUNDLE);
    }

    @Test
    void leavesAloneWhatALiveWriterMayBeHalfWayThrough() throws Exception {
        store.write(StoreFixtures.sized("a", 1, 10, 2), "a");
        byte[] trades = object(TRADES_OF_A);
        try (WriterLeases.Lease writing = new WriterLeases(store.storage()).acquire(List.of())) {
            store.storage().put("parquet/trades/run_id=late/part-0.parquet", trades); // its bundle comes next
            StoreCheck during = store.repair();
            assertThat(during.repaired()).isEmpty();
            assertThat(object("parquet/trades/run_id=late/part-0.parquet")).isNotNull();
        }
        StoreCheck after = store.repair();
        assertThat(after.repaired()).extracting(Problem::kind, Problem::handle)
                .containsExactly(org.assertj.core.api.Assertions.tuple(Kind.ORPHAN_PARTITION, "late"));
        assertThat(object("parquet/trades/run_id=late/part-0.parquet")).isNull();
    }
}
