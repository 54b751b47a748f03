package dev.iafbt.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.index.IndexRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commit protocol in one JVM: failures before and after the commit point, and readers meanwhile. */
class TieredCommitTest {
    @TempDir
    Path temp;

    private static List<String> tempFiles(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    /**
     * A write that fails before its commit (a full disk while staging) leaves the old version in
     * every tier and removes what it staged: before the protocol, a disk-full migration left
     * orphan Tier-2 partitions of the new run beside the old bundle.
     */
    @Test
    void aWriteFailingBeforeTheCommitLeavesTheOldVersionAndNoFile() throws Exception {
        Path root = temp.resolve("store");
        new LocalTieredStore(root).write(StoreFixtures.builder("old").build(), "h");
        for (String step : List.of("partitions-staged", "bundle-staged")) {
            LocalTieredStore failing = new LocalTieredStore(root, s -> {
                if (s.equals(step)) {
                    throw new StoreException("No space left on device (simulated at " + s + ")");
                }
            });
            assertThatThrownBy(() -> failing.write(StoreFixtures.sized("new", 2, 3, 4), "h"))
                    .hasMessageContaining("No space left on device");
            LocalTieredStore store = new LocalTieredStore(root);
            assertThat(store.open("h", true).algorithmId()).as(step).isEqualTo("old");
            assertThat(store.indexRows()).extracting(IndexRow::algorithmId).containsExactly("old");
            assertThat(tempFiles(root)).as(step).isEmpty();
            assertThat(store.verify().problems()).as(step).isEmpty();
        }
    }

    /**
     * While a live writer is applying its committed change (it holds the store, so readers cannot
     * complete it for it), readers read through the intent: the new version, in open, handles and
     * indexRows alike.
     */
    @Test
    void readersSeeTheNewVersionAsSoonAsItIsCommitted() throws Exception {
        Path root = temp.resolve("store");
        LocalTieredStore store = new LocalTieredStore(root);
        store.write(StoreFixtures.builder("old").build(), "h");
        GcInterleavingTest.Pause pause = new GcInterleavingTest.Pause("partition-trades");
        Thread writer = new Thread(() -> new LocalTieredStore(root, pause).write(StoreFixtures.builder("new").build(),
                "h"));
        writer.start();
        assertThat(pause.arrived.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            assertThat(store.open("h", false).algorithmId()).isEqualTo("new");
            assertThat(store.exists("h")).isTrue();
            assertThat(store.handles()).containsExactly("h");
            assertThat(store.indexRows()).extracting(IndexRow::algorithmId).containsExactly("new");
        } finally {
            pause.resume.countDown();
            writer.join(30_000);
        }
        assertThat(store.indexRows()).extracting(IndexRow::algorithmId).containsExactly("new");
        assertThat(store.verify().problems()).isEmpty();
    }

    @Test
    void aDeleteCommittedByAKilledWriterIsCompletedByTheNextReader() {
        Path root = temp.resolve("store");
        new LocalTieredStore(root).write(StoreFixtures.builder("old").build(), "sweep/a b");
        LocalTieredStore dying = new LocalTieredStore(root, s -> {
            if (s.equals("partition-trades")) {
                throw new IllegalStateException("killed");
            }
        });
        assertThatThrownBy(() -> dying.delete("sweep/a b")).hasMessage("killed");
        LocalTieredStore store = new LocalTieredStore(root);
        assertThat(store.verify().problems()).extracting(StoreCheck.Problem::kind)
                .contains(StoreCheck.Kind.INTERRUPTED_WRITE);
        assertThat(store.handles()).isEmpty(); // the reader completed it (no writer holds the store)
        assertThat(store.indexRows()).isEmpty();
        assertThat(store.verify().problems()).isEmpty();
        assertThat(store.parquetRoot().resolve("trades").toFile().list()).isEmpty();
    }

    @Test
    void anIntentReadsBackWhateverTheHandle() {
        WriteIntent intent = new WriteIntent("sweep/a b%é", "00ff", false,
                EnumSet.of(Tier2Dataset.TRADES, Tier2Dataset.ORDERS));
        assertThat(WriteIntent.decode(intent.encode(), Path.of("x.intent"))).isEqualTo(intent);
        assertThat(WriteIntent.fileName("sweep/a b")).isEqualTo("sweep%2Fa%20b.intent");
        assertThatThrownBy(() -> WriteIntent.decode("garbage".getBytes(), Path.of("j/x.intent")))
                .isInstanceOf(StoreException.class).hasMessageStartingWith("j/x.intent: not a write intent");
    }
}
