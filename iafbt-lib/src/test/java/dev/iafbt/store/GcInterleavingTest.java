package dev.iafbt.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.model.Backtest;
import dev.iafbt.ohlcv.OhlcvStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every interleaving of one tiered write with one collection, deterministically: the writer is
 * paused at each step boundary of its protocol while a collection (not a dry run) runs, and the
 * collector is paused at each of its steps while a writer (and a bare chunk put) runs, at grace
 * periods 0 and 24 h. The writer re-uses a chunk that has lain unreferenced for three days (the
 * collector's candidate), and the store holds an unwanted old orphan the collection must delete.
 * Afterwards no readable bundle misses a chunk, the write succeeded, no temp file is left, and the
 * store verifies clean. Before the lock, a collection at writer step {@code chunks-placed} with grace
 * 0 deleted the re-used chunk the bundle then referenced (issue 15, items 2 and 3).
 */
class GcInterleavingTest {
    private static final Duration LONG_AGO = Duration.ofDays(3);

    @TempDir
    Path temp;

    /** Records every step; stops its thread at {@code at} until {@link #resume}. */
    static final class Pause implements StepHook {
        final String at;
        final List<String> seen = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch arrived = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);

        Pause(String at) {
            this.at = at;
        }

        @Override
        public void reached(String step) {
            seen.add(step);
            if (step.equals(at)) {
                arrived.countDown();
                try {
                    resume.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** A started thread with its result. */
    private record Running<T>(Thread thread, FutureTask<T> task) {
        static <T> Running<T> start(String name, Callable<T> body) {
            FutureTask<T> task = new FutureTask<>(body);
            Thread thread = new Thread(task, name);
            thread.start();
            return new Running<>(thread, task);
        }

        T result() throws Exception {
            return task.get(60, TimeUnit.SECONDS);
        }

        /** Waits until the thread finished or is parked (waiting for a lock); true when parked. */
        boolean parked() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && !task.isDone()) {
                Thread.State state = thread.getState();
                if (state == Thread.State.WAITING || state == Thread.State.BLOCKED) {
                    return true;
                }
                Thread.sleep(5);
            }
            return false;
        }
    }

    /** The store, a staging folder holding the chunk the writer brings, and what the chunks are. */
    private record Setup(Path root, Path staging, String reused, String unwanted, Backtest backtest) {
    }

    private Setup setup(String name) throws Exception {
        Path root = temp.resolve(name);
        LocalTieredStore store = new LocalTieredStore(root);
        store.write(StoreFixtures.withOhlcv("keep", store.ohlcvStore(), 7), "keep");
        String reused = store.ohlcvStore().put(StoreFixtures.frame(1), false);
        String unwanted = store.ohlcvStore().put(StoreFixtures.frame(2), false);
        for (String chunk : List.of(reused, unwanted)) {
            Files.setLastModifiedTime(store.ohlcvStore().pathOf(chunk), FileTime.from(Instant.now().minus(LONG_AGO)));
        }
        Path staging = temp.resolve(name + "-staging");
        new OhlcvStore(staging).put(StoreFixtures.frame(1), false);
        Backtest backtest = StoreFixtures.builder("w").ohlcv("BTC/EUR:1h", reused).build();
        return new Setup(root, staging, reused, unwanted, backtest);
    }

    static List<String> writerSteps() {
        return recordedSteps(true);
    }

    static List<String> collectorSteps() {
        return recordedSteps(false);
    }

    /** The steps a real write (or collection) reports, so a new step is covered without editing the test. */
    private static List<String> recordedSteps(boolean writer) {
        try {
            Path root = Files.createTempDirectory("iafbt-steps");
            Pause record = new Pause("");
            LocalTieredStore store = new LocalTieredStore(root, record);
            store.write(StoreFixtures.withOhlcv("w", store.ohlcvStore(), 1), "w");
            if (!writer) {
                record.seen.clear();
                OhlcvCollector.collect(root, Duration.ZERO, false, record);
            }
            StoreFiles.deleteTree(root);
            return List.copyOf(record.seen);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Stream<Arguments> writerStepsAndGraces() {
        return writerSteps().stream().flatMap(step -> Stream.of(Arguments.of(step, Duration.ZERO),
                Arguments.of(step, OhlcvCollector.DEFAULT_GRACE)));
    }

    static Stream<Arguments> collectorStepsAndGraces() {
        return collectorSteps().stream().flatMap(step -> Stream.of(Arguments.of(step, Duration.ZERO),
                Arguments.of(step, OhlcvCollector.DEFAULT_GRACE)));
    }

    @Test
    void theProtocolHasTheDocumentedSteps() {
        assertThat(writerSteps()).containsExactly("locked", "chunks-placed", "partitions-staged", "bundle-staged",
                "intent-recorded", "partition-portfolio_snapshots", "partition-trades", "partition-orders",
                "bundle-moved", "index-updated", "intent-cleared");
        assertThat(collectorSteps()).containsExactly("locked", "pending-finished", "marked", "swept");
    }

    @ParameterizedTest(name = "writer paused after {0}, grace {1}")
    @MethodSource("writerStepsAndGraces")
    void aCollectionWhileTheWriterIsPausedAtAnyStepLosesNothing(String step, Duration grace) throws Exception {
        Setup s = setup("w-" + step + "-" + grace.toSeconds());
        Pause writerPause = new Pause(step);
        Running<String> writer = Running.start("writer",
                () -> new LocalTieredStore(s.root(), writerPause).write(s.backtest(), "w", s.staging()));
        assertThat(writerPause.arrived.await(30, TimeUnit.SECONDS)).as("writer reached " + step).isTrue();

        Pause collectorSteps = new Pause("none");
        Running<GcReport> collector = Running.start("collector",
                () -> OhlcvCollector.collect(s.root(), grace, false, collectorSteps));
        boolean collectorWaited = collector.parked();
        // what a reader (or a kill of the writer now) would be left with at this instant
        GcReport midway = OhlcvCollector.collect(s.root(), Duration.ZERO, true);
        writerPause.resume.countDown();
        assertThat(midway.missing()).as("chunks missing for a readable bundle while the writer is paused").isEmpty();

        assertThat(writer.result()).isEqualTo("w");
        GcReport report = collector.result();
        assertWholeAndClean(s);
        assertThat(report.folders().get(0).deleted()).contains(s.unwanted()).doesNotContain(s.reused());
        assertThat(collectorWaited).as("the collection waited for the writer").isTrue();
        assertThat(collectorSteps.seen.indexOf("locked")).isZero();
    }

    @ParameterizedTest(name = "collector paused after {0}, grace {1}")
    @MethodSource("collectorStepsAndGraces")
    void aWriteWhileTheCollectorIsPausedAtAnyStepLosesNothing(String step, Duration grace) throws Exception {
        Setup s = setup("c-" + step + "-" + grace.toSeconds());
        Pause collectorPause = new Pause(step);
        Running<GcReport> collector = Running.start("collector",
                () -> OhlcvCollector.collect(s.root(), grace, false, collectorPause));
        assertThat(collectorPause.arrived.await(30, TimeUnit.SECONDS)).as("collector reached " + step).isTrue();

        Pause writerSteps = new Pause("none");
        Running<String> writer = Running.start("writer",
                () -> new LocalTieredStore(s.root(), writerSteps).write(s.backtest(), "w", s.staging()));
        Running<String> put = Running.start("put",
                () -> new LocalTieredStore(s.root()).ohlcvStore().put(StoreFixtures.frame(3), false));
        boolean writerWaited = writer.parked();
        boolean putWaited = put.parked();
        List<String> writerStepsWhilePaused = List.copyOf(writerSteps.seen);
        collectorPause.resume.countDown();

        collector.result();
        assertThat(writer.result()).isEqualTo("w");
        String putChunk = put.result();
        assertWholeAndClean(s);
        assertThat(new LocalTieredStore(s.root()).ohlcvStore().contains(putChunk)).as("the bare put's chunk").isTrue();
        assertThat(writerWaited).as("the writer waited for the collection").isTrue();
        assertThat(putWaited).as("the bare put waited for the collection").isTrue();
        assertThat(writerStepsWhilePaused).as("writer steps taken while the collector held the store").isEmpty();
    }

    /** The write is whole in every tier, its re-used chunk is there, and nothing is left over. */
    private static void assertWholeAndClean(Setup s) throws Exception {
        LocalTieredStore store = new LocalTieredStore(s.root());
        assertThat(store.handles()).containsExactly("keep", "w");
        assertThat(store.ohlcv("w").get("BTC/EUR:1h").rowCount()).isEqualTo(4);
        assertThat(store.ohlcv("keep").get("BTC/EUR:1h").rowCount()).isEqualTo(4);
        GcReport check = OhlcvCollector.collect(s.root(), Duration.ZERO, true);
        assertThat(check.missing()).as("chunks referenced by readable bundles but missing").isEmpty();
        assertThat(check.unreadable()).isEmpty();
        try (Stream<Path> files = Files.walk(s.root())) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")))
                    .as("temp files left").isEmpty();
        }
        assertThat(store.verify().problems()).isEmpty();
    }
}
