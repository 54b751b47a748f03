package dev.iafbt.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.index.IndexCredentials;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.SaveOptions;
import dev.iafbt.ohlcv.OhlcvStore;
import dev.iafbt.store.object.ObjectInfo;
import dev.iafbt.store.object.RangedObject;
import dev.iafbt.store.object.S3ObjectStorage;
import dev.iafbt.testing.S3Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The s3-tiered store against a real S3 protocol server: layout, dedup, ranged heads, what readers check. */
class ObjectTieredStoreTest {
    @TempDir
    Path temp;
    private final List<ObjectTieredStore> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(ObjectTieredStore::close);
    }

    private ObjectTieredStore store() {
        ObjectTieredStore store = S3Server.shared().newStore(temp.resolve("tier1.sqlite").toString());
        opened.add(store);
        return store;
    }

    /** A second client on the same bucket and Tier 1, as another machine of the team would open it. */
    private ObjectTieredStore sameStore(ObjectTieredStore store) {
        String bucket = store.root().substring("s3://".length(), store.root().indexOf('/', "s3://".length()));
        ObjectTieredStore other = new ObjectTieredStore(S3ObjectStorage.open(S3Server.shared().settings(bucket)),
                store.tier1Location(), IndexCredentials.NONE);
        opened.add(other);
        return other;
    }

    private OhlcvStore staging() {
        return new OhlcvStore(temp.resolve("staging"));
    }

    private static byte[] object(ObjectTieredStore store, String key) {
        return store.storage().get(key).orElseThrow();
    }

    @Test
    void storesTheLocalTieredLayoutByteForByte() throws Exception {
        Backtest backtest = StoreFixtures.sized("momentum", 2, 20, 3);
        LocalTieredStore local = new LocalTieredStore(temp.resolve("local"));
        ObjectTieredStore remote = store();
        for (BacktestStore store : List.of(local, remote)) {
            store.write(backtest, "sweep/m-1");
            store.write(StoreFixtures.withOhlcv("c", staging(), 100), "c", staging().dir());
        }
        assertThat(object(remote, "bundles/sweep/m-1.iafbt"))
                .isEqualTo(Files.readAllBytes(local.root().resolve("bundles/sweep/m-1.iafbt")));
        assertThat(object(remote, "bundles/c.iafbt")).isEqualTo(Files.readAllBytes(local.root().resolve("bundles/c.iafbt")));
        for (String dataset : List.of("portfolio_snapshots", "trades", "orders")) {
            String partition = "parquet/" + dataset + "/run_id=sweep%2Fm-1/part-0.parquet";
            assertThat(object(remote, partition)).as(partition).isEqualTo(Files.readAllBytes(local.root().resolve(partition)));
        }
        String chunk = local.ohlcvStore().list().get(0);
        assertThat(object(remote, "ohlcv/" + chunk)).isEqualTo(Files.readAllBytes(local.ohlcvStore().pathOf(chunk)));
        assertThat(remote.handles()).containsExactly("c", "sweep/m-1");
        assertThat(remote.indexRows()).extracting(r -> r.bundlePath()).containsExactlyInAnyOrder("c", "sweep/m-1");
        assertThat(remote.open("sweep/m-1", false).runs()).hasSize(2);
        assertThat(remote.ohlcv("c").get("BTC/EUR:1h").rowCount()).isEqualTo(4);
    }

    @Test
    void writersSharingAChunkUploadItOnceAndNeverOverwriteIt() throws Exception {
        ObjectTieredStore first = store();
        Path source = staging().dir();
        Backtest template = StoreFixtures.withOhlcv("shared", staging(), 100);
        List<ObjectTieredStore> writers = List.of(first, sameStore(first), sameStore(first), sameStore(first));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> done = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                ObjectTieredStore writer = writers.get(i % writers.size());
                String handle = "h" + i;
                done.add(pool.submit(() -> writer.write(template, handle, source)));
            }
            for (Future<String> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        long created = writers.stream().mapToLong(w -> w.storage().counters().conditionalCreated()).sum();
        List<ObjectInfo> chunks = new ArrayList<>();
        first.storage().list("ohlcv/", chunks::add);
        assertThat(chunks).hasSize(1);
        assertThat(created).as("chunk PUTs that created it").isEqualTo(1);
        assertThat(first.size()).isEqualTo(16);
        List<ObjectInfo> leases = new ArrayList<>();
        first.storage().list("_iafbt/leases/", leases::add);
        assertThat(leases).as("every writer removed its lease").isEmpty();
    }

    @Test
    void summaryFirstBundlesAreIndexedFromTheirHeadOnly() throws Exception {
        ObjectTieredStore store = store();
        Backtest big = incompressible("big", 4, 6_000);
        Path plain = temp.resolve("plain.iafbt");
        Path first = temp.resolve("first.iafbt");
        big.save(plain);
        big.save(first, SaveOptions.DEFAULT.withSummaryFirst(true));
        store.write(Backtest.open(plain), "plain");
        store.write(Backtest.open(first), "first");
        ObjectInfo plainInfo = store.storage().head("bundles/plain.iafbt").orElseThrow();
        ObjectInfo firstInfo = store.storage().head("bundles/first.iafbt").orElseThrow();
        assertThat(firstInfo.size()).as("large enough to matter").isGreaterThan(128L * 1024);

        ObjectTieredStore.HeadRead head = store.openForIndex(firstInfo);
        assertThat(head.bytesFetched()).as("the 64 KB target").isLessThanOrEqualTo(64 * 1024);
        assertThat(head.backtest().algorithmId()).isEqualTo("big");
        assertThat(head.backtest().numberOfRuns()).isEqualTo(6);

        ObjectTieredStore.HeadRead whole = store.openForIndex(plainInfo);
        assertThat(whole.bytesFetched()).isEqualTo(plainInfo.size());
        assertThat(whole.backtest().algorithmId()).isEqualTo("big");
        assertThat(store.open("first", true).summary().orElseThrow().sharpeRatio()).isEqualTo(1.25);
    }

    @Test
    void migrationToObjectsAndBackIsByteForByteAndResumable() throws Exception {
        LocalTieredStore local = new LocalTieredStore(temp.resolve("local"));
        for (int i = 0; i < 6; i++) {
            local.write(StoreFixtures.withOhlcv("m" + i, staging(), 100 + i % 2), "sweep/m" + i, staging().dir());
        }
        ObjectTieredStore remote = store();
        StoreMigration.Result there = new StoreMigration(local, remote).run(null, (h, o, d) -> { }, 4);
        assertThat(there.copied()).hasSize(6);
        assertThat(there.failed()).isEmpty();
        assertThat(remote.storage().counters().conditionalCreated()).as("two distinct chunks, each uploaded once")
                .isEqualTo(2);
        StoreMigration.Result again = new StoreMigration(local, remote).run(null, (h, o, d) -> { }, 4);
        assertThat(again.unchanged()).hasSize(6);
        assertThat(again.copied()).isEmpty();

        LocalTieredStore back = new LocalTieredStore(temp.resolve("back"));
        assertThat(new StoreMigration(remote, back).run(null, (h, o, d) -> { }).copied()).hasSize(6);
        for (String handle : local.handles()) {
            assertThat(Files.readAllBytes(back.root().resolve("bundles/" + handle + ".iafbt"))).as(handle)
                    .isEqualTo(Files.readAllBytes(local.root().resolve("bundles/" + handle + ".iafbt")));
            assertThat(back.ohlcv(handle).get("BTC/EUR:1h").rowCount()).isEqualTo(4);
        }
    }

    /** A bundle of several hundred kilobytes: snapshots with random values compress badly. */
    static Backtest incompressible(String algorithmId, int runs, int snapshots) {
        java.util.Random random = new java.util.Random(42);
        dev.iafbt.model.BacktestBuilder builder = StoreFixtures.builder(algorithmId);
        for (int r = 0; r < runs; r++) {
            java.time.Instant start = StoreFixtures.START.plus(java.time.Duration.ofDays(400L * r));
            dev.iafbt.model.RunBuilder run = dev.iafbt.model.RunBuilder.window(start,
                    start.plus(java.time.Duration.ofMinutes(snapshots))).tradingSymbol("EUR");
            for (int i = 0; i < snapshots; i++) {
                run.snapshot(start.plus(java.time.Duration.ofMinutes(i)), 1000 * random.nextDouble());
            }
            builder.run(run);
        }
        return builder.build();
    }

    @Test
    void aChunkWhoseBytesChangedIsRefusedOnRead() {
        ObjectTieredStore store = store();
        store.write(StoreFixtures.withOhlcv("a", staging(), 100), "a", staging().dir());
        String chunk = staging().list().get(0);
        String bucket = store.root().substring("s3://".length(), store.root().indexOf('/', "s3://".length()));
        try (S3Client client = S3Server.shared().client()) {
            client.putObject(b -> b.bucket(bucket).key("store/ohlcv/" + chunk), RequestBody.fromString("tampered"));
        }
        assertThatThrownBy(() -> store.ohlcv("a"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(store.root() + "ohlcv/" + chunk).hasMessageContaining("does not match its SHA-256");
    }

    @Test
    void aWriteNeedingAChunkTheStoreLacksIsRefusedBeforeTheBundle() {
        ObjectTieredStore store = store();
        Backtest backtest = StoreFixtures.withOhlcv("a", staging(), 100); // no source file, no folder given
        assertThatThrownBy(() -> store.write(backtest, "a"))
                .isInstanceOf(StoreException.class).hasMessageContaining("is missing and no local copy was given");
        assertThat(store.exists("a")).isFalse();
        assertThat(store.indexRows()).isEmpty();
    }

    @Test
    void badHandlesAreRefusedAndAbsentOnesAreNotFound() {
        ObjectTieredStore store = store();
        assertThatThrownBy(() -> store.write(StoreFixtures.backtest("a"), "../escape"))
                .isInstanceOf(StoreException.class).hasMessageContaining("'../escape'");
        assertThat(store.exists("../escape")).isFalse();
        assertThatThrownBy(() -> store.open("nope", true)).isInstanceOf(HandleNotFoundException.class)
                .hasMessageContaining(store.root() + "bundles/nope.iafbt");
    }

    @Test
    void aDamagedBundleNamesItsUri() {
        ObjectTieredStore store = store();
        store.storage().put("bundles/broken.iafbt", new byte[] {'n', 'o', 'p', 'e'});
        assertThatThrownBy(() -> store.open("broken", false)).isInstanceOf(StoreException.class)
                .hasMessageStartingWith(store.root() + "bundles/broken.iafbt: ");
    }
}
