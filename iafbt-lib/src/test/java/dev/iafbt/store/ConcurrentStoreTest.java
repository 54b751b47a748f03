package dev.iafbt.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.index.IndexRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Separate JVMs on one tiered store: the way two research builds or a build and a clean-up meet. */
class ConcurrentStoreTest {
    private static final int PER_WRITER = 15;

    @TempDir
    Path temp;

    private Process writer(Path root, String prefix, int count, String... staging) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                ConcurrentWriterMain.class.getName(), root.toString(), prefix, Integer.toString(count)));
        command.addAll(List.of(staging));
        return new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(temp.resolve(prefix + ".log").toFile()).start();
    }

    private void awaitSuccess(Process process, String prefix) throws Exception {
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(prefix + " finished").isTrue();
        assertThat(process.exitValue()).as(prefix + " exit; log:\n" + Files.readString(temp.resolve(prefix + ".log")))
                .isZero();
    }

    @Test
    void twoProcessesWritingDifferentHandlesLoseNoRowAndNoChunk() throws Exception {
        Path root = temp.resolve("store");
        new LocalTieredStore(root);
        Process a = writer(root, "a", PER_WRITER);
        Process b = writer(root, "b", PER_WRITER);
        awaitSuccess(a, "a");
        awaitSuccess(b, "b");

        LocalTieredStore store = new LocalTieredStore(root);
        assertThat(store.size()).isEqualTo(2 * PER_WRITER);
        assertThat(store.indexRows()).extracting(IndexRow::bundlePath).hasSize(2 * PER_WRITER)
                .containsAll(store.handles());
        for (String handle : store.handles()) {
            assertThat(Tier2Writer.exists(store.parquetRoot(), Tier2Dataset.TRADES, handle)).as(handle).isTrue();
            assertThat(store.ohlcv(handle).get("BTC/EUR:1h").rowCount()).as(handle).isEqualTo(4);
        }
        GcReport gc = OhlcvCollector.collect(root, Duration.ZERO, true);
        assertThat(gc.missing()).isEmpty();
        assertThat(gc.storedChunks()).isEqualTo(PER_WRITER); // frame i is shared by a-i and b-i
        assertThat(gc.orphanedChunks()).isZero();
        assertThat(store.ohlcvStore().dir().toFile().list((dir, name) -> name.endsWith(".tmp"))).isEmpty();
    }

    /**
     * A collector sweeping over and over (default grace period, not a dry run) while a writer
     * stores chunks and then their bundles: none of the chunks the writer stores is deleted, every
     * bundle has all its chunks at the end, and the old orphans nobody wants are gone. Some old
     * orphans are frames the writer stores again: they may be swept before the writer gets to
     * them (it then writes them anew), but never after it stored them.
     */
    @Test
    void collectionRunningWhileAWriterStoresChunksDeletesNoneOfThem() throws Exception {
        Path root = temp.resolve("store");
        LocalTieredStore store = new LocalTieredStore(root);
        Set<String> writerChunks = new HashSet<>(); // their names, from a scratch store elsewhere
        for (int i = 0; i < PER_WRITER; i++) {
            writerChunks.add(new dev.iafbt.ohlcv.OhlcvStore(temp.resolve("names")).put(StoreFixtures.frame(i), false));
        }
        List<String> unwanted = new ArrayList<>();
        for (int i = 0; i < PER_WRITER; i++) {
            unwanted.add(store.ohlcvStore().put(StoreFixtures.frame(10_000 + i), false));
        }
        for (int i = 0; i < 5; i++) {
            store.ohlcvStore().put(StoreFixtures.frame(i), false); // old orphans the writer will reuse
        }
        for (String name : store.ohlcvStore().list()) {
            Files.setLastModifiedTime(store.ohlcvStore().pathOf(name),
                    FileTime.from(Instant.now().minus(Duration.ofDays(3))));
        }

        Process writer = writer(root, "w", PER_WRITER);
        List<String> deleted = new ArrayList<>();
        int sweeps = 0;
        do {
            for (GcReport.Folder folder : OhlcvCollector.collect(root, OhlcvCollector.DEFAULT_GRACE, false).folders()) {
                deleted.addAll(folder.deleted());
            }
            sweeps++;
        } while (writer.isAlive());
        awaitSuccess(writer, "w");

        assertThat(sweeps).isGreaterThan(1);
        assertThat(store.size()).isEqualTo(PER_WRITER);
        assertThat(deleted).containsAll(unwanted);
        // only the five pre-aged frames may have been swept, and only before the writer stored them
        assertThat(deleted).filteredOn(writerChunks::contains).hasSizeLessThanOrEqualTo(5);
        assertThat(new HashSet<>(store.ohlcvStore().list())).isEqualTo(writerChunks);
        GcReport after = OhlcvCollector.collect(root, Duration.ZERO, true);
        assertThat(after.missing()).isEmpty();
        assertThat(after.orphanedChunks()).isZero();
    }

    /**
     * The stress version of the interleaving test: three writer processes (each bringing its chunks
     * from its own staging folder; frame i is shared by all three) and, in this JVM, a collector
     * deleting with grace period 0 in a loop, each sweep followed by a check that no readable
     * bundle misses a chunk. Bounded by the writers (15 writes each): 40 s on a loaded 2-core VM. Before the
     * lock, grace 0 swept the writers' in-flight temp files (most writes failed with
     * NoSuchFileException) and chunks of readable bundles.
     */
    @Test
    void threeWriterProcessesAndACollectorLoopAtGraceZeroLoseNothing() throws Exception {
        Path root = temp.resolve("store");
        LocalTieredStore store = new LocalTieredStore(root);
        List<String> unwanted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            unwanted.add(store.ohlcvStore().put(StoreFixtures.frame(10_000 + i), false));
        }
        List<Process> writers = new ArrayList<>();
        for (String prefix : List.of("a", "b", "c")) {
            writers.add(writer(root, prefix, PER_WRITER, temp.resolve("staging-" + prefix).toString()));
        }
        int sweeps = 0;
        List<String> deleted = new ArrayList<>();
        List<GcReport.Problem> missingSeen = new ArrayList<>();
        while (writers.stream().anyMatch(Process::isAlive)) {
            GcReport sweep = OhlcvCollector.collect(root, Duration.ZERO, false);
            sweep.folders().forEach(f -> deleted.addAll(f.deleted()));
            missingSeen.addAll(sweep.missing());
            missingSeen.addAll(OhlcvCollector.collect(root, Duration.ZERO, true).missing());
            sweeps++;
        }
        for (int i = 0; i < writers.size(); i++) {
            awaitSuccess(writers.get(i), List.of("a", "b", "c").get(i));
        }

        assertThat(missingSeen).as("chunks missing for readable bundles, at any sweep").isEmpty();
        assertThat(sweeps).isGreaterThan(2);
        assertThat(deleted).containsAll(unwanted);
        assertThat(store.size()).isEqualTo(3 * PER_WRITER);
        for (String handle : store.handles()) {
            assertThat(store.ohlcv(handle).get("BTC/EUR:1h").rowCount()).as(handle).isEqualTo(4);
        }
        assertThat(store.verify().problems()).isEmpty();
        GcReport after = OhlcvCollector.collect(root, Duration.ZERO, true);
        assertThat(after.missing()).isEmpty();
        assertThat(after.storedChunks()).isEqualTo(PER_WRITER);
    }
}
