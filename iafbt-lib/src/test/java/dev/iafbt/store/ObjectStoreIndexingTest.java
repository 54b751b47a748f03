package dev.iafbt.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.index.IndexRow;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.SaveOptions;
import dev.iafbt.testing.S3Server;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexing an {@code s3://} prefix into the store's Tier 1: bundles put there by other tools are
 * read from their head when summary-first, unchanged ones are not read again, rows of deleted
 * bundles go, a damaged bundle keeps its old row and is reported.
 */
class ObjectStoreIndexingTest {
    @TempDir
    Path temp;
    private ObjectTieredStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private static final ObjectStoreIndexing.Listener QUIET = (handle, read, failure) -> { };

    @Test
    void indexesBundlesUploadedBesideTheStoreFromTheirHeadsAndThenOnlyWhatChanged() throws Exception {
        store = S3Server.shared().newStore(temp.resolve("tier1.sqlite").toString());
        Backtest big = ObjectTieredStoreTest.incompressible("big", 4, 6_000);
        byte[] first = big.toBytes(SaveOptions.DEFAULT.withSummaryFirst(true));
        byte[] plain = big.toBytes(SaveOptions.DEFAULT);
        // as `aws s3 cp` would put them: no Tier-1 row, no Tier 2
        store.storage().put("bundles/sweep/first-1.iafbt", first);
        store.storage().put("bundles/sweep/first-2.iafbt", first);
        store.storage().put("bundles/plain.iafbt", plain);
        List<String> heard = new ArrayList<>();
        ObjectStoreIndexing.Result result = ObjectStoreIndexing.refresh(store, 4, false,
                (handle, read, failure) -> heard.add(handle + " " + read.bytesFetched()));

        assertThat(result.listed()).isEqualTo(3);
        assertThat(result.indexed()).isEqualTo(3);
        assertThat(result.failed()).isEmpty();
        assertThat(store.indexRows()).extracting(IndexRow::bundlePath)
                .containsExactlyInAnyOrder("sweep/first-1", "sweep/first-2", "plain");
        assertThat(heard).as("a bundle without summary-first is fetched whole").contains("plain " + plain.length);
        long headBytes = Long.parseLong(heard.stream().filter(h -> h.startsWith("sweep/first-1 ")).findFirst()
                .orElseThrow().split(" ")[1]);
        assertThat(headBytes).as("a summary-first bundle costs its head only").isLessThanOrEqualTo(64 * 1024)
                .isLessThan(first.length / 2);
        assertThat(result.bytesFetched()).isEqualTo(2 * headBytes + plain.length);
        assertThat(result.summary()).contains("3 indexed").contains("fetched " + String.format("%,d", result.bytesPerBundle()));

        ObjectStoreIndexing.Result again = ObjectStoreIndexing.refresh(store, 4, false, QUIET);
        assertThat(again.indexed()).isZero();
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(again.bytesFetched()).isZero();

        store.storage().delete("bundles/plain.iafbt");
        store.storage().put("bundles/sweep/first-2.iafbt", "not a bundle".getBytes(StandardCharsets.UTF_8));
        ObjectStoreIndexing.Result third = ObjectStoreIndexing.refresh(store, 4, false, QUIET);
        assertThat(third.removed()).containsExactly("plain");
        assertThat(third.failed()).singleElement().asString().startsWith("sweep/first-2: ")
                .contains("s3://").contains("bundles/sweep/first-2.iafbt");
        assertThat(store.indexRows()).extracting(IndexRow::bundlePath)
                .as("the damaged bundle keeps its old row").containsExactlyInAnyOrder("sweep/first-1", "sweep/first-2");

        ObjectStoreIndexing.Result rebuilt = ObjectStoreIndexing.refresh(store, 2, true, QUIET);
        assertThat(rebuilt.indexed()).as("a rebuild reads every readable bundle again").isEqualTo(1);
        assertThat(rebuilt.failed()).hasSize(1);
    }

    @Test
    void rowsWrittenByTheStoreAreUpToDateForTheIndexer() {
        store = S3Server.shared().newStore(temp.resolve("tier1.sqlite").toString());
        store.write(StoreFixtures.backtest("a"), "a");
        store.write(StoreFixtures.backtest("b"), "sweep/b");
        ObjectStoreIndexing.Result result = ObjectStoreIndexing.refresh(store, 2, false, QUIET);
        assertThat(result.unchanged()).as("a LIST's time and a HEAD's agree to the second").isEqualTo(2);
        assertThat(result.indexed()).isZero();

        store.tier1().remove("a");
        LocalTieredStore.RebuildResult rebuilt = store.rebuildIndex();
        assertThat(rebuilt.rows()).isEqualTo(2);
        assertThat(store.indexRows()).extracting(IndexRow::bundlePath).containsExactlyInAnyOrder("a", "sweep/b");
    }
}
