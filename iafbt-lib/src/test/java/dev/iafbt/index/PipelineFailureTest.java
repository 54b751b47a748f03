package dev.iafbt.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.model.Backtest;
import dev.iafbt.model.SummaryField;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever a pipeline thread throws ends the run promptly: a failed bundle for what one bundle
 * can cause, a failed run naming the bundle and keeping the cause for an {@link Error}; never a
 * hang, never a half-written batch.
 */
@Timeout(30)
class PipelineFailureTest {
    private static final int BUNDLES = 24;

    @TempDir
    Path dir;

    @BeforeEach
    void bundles() {
        for (int i = 0; i < BUNDLES; i++) {
            Backtest.builder(String.format("algo_%02d", i)).tag("t").summary(SummaryField.SHARPE_RATIO, i * 0.1)
                    .build().save(dir.resolve(String.format("algo_%02d.iafbt", i)));
        }
    }

    /** The real decoder, except for the bundle named {@code victim}, where {@code failure} is thrown. */
    private static RowDecoder failingOn(String victim, Throwable failure) {
        return (file, bundlePath, mtimeNs, size) -> {
            if (file.getFileName().toString().equals(victim)) {
                sneakyThrow(failure);
            }
            return RowDecoder.BUNDLE.decode(file, bundlePath, mtimeNs, size);
        };
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }

    private Indexer indexer(RowDecoder decoder, boolean rebuild) {
        return Indexer.builder(dir).threads(3).batchSize(5).rebuild(rebuild).decoder(decoder).build();
    }

    private long rowCount() {
        try (SqliteIndex index = SqliteIndex.open(dir.resolve("index.sqlite"))) {
            return index.rows().size();
        }
    }

    @Test
    void anErrorInADecoderFailsTheRunWithTheCauseAndTheBundle() {
        AssertionError error = new AssertionError("decoder bug");
        assertThatThrownBy(() -> indexer(failingOn("algo_11.iafbt", error), false).run())
                .isInstanceOf(IndexException.class)
                .hasMessageContainingAll("algo_11.iafbt", "AssertionError", "decoder bug")
                .hasCause(error);
    }

    @Test
    void outOfMemoryInADecoderFailsTheRunAndLeavesTheOldIndexWhole() {
        indexer(RowDecoder.BUNDLE, true).run();
        assertThat(rowCount()).isEqualTo(BUNDLES);
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        assertThatThrownBy(() -> indexer(failingOn("algo_17.iafbt", oom), true).run())
                .isInstanceOf(IndexException.class)
                .hasMessageContainingAll("algo_17.iafbt", "OutOfMemoryError")
                .hasCause(oom);
        assertThat(rowCount()).isEqualTo(BUNDLES);
    }

    @Test
    void aRuntimeExceptionIsOneFailedBundleAndTheRunGoesOn() {
        IndexResult result = indexer(failingOn("algo_03.iafbt", new IllegalStateException("odd")), false).run();
        assertThat(result.indexed()).isEqualTo(BUNDLES - 1);
        assertThat(result.failures()).singleElement()
                .satisfies(f -> assertThat(f.toString()).contains("algo_03.iafbt", "IllegalStateException", "odd"));
    }

    @Test
    void anErrorInAnIncrementalRunLeavesOnlyWholeBatches() {
        indexer(RowDecoder.BUNDLE, true).run();
        for (int i = 0; i < BUNDLES; i++) {
            Backtest.builder(String.format("new_%02d", i)).build().save(dir.resolve(String.format("new_%02d.iafbt", i)));
        }
        assertThatThrownBy(() -> indexer(failingOn("new_07.iafbt", new LinkageError("gone")), false).run())
                .isInstanceOf(IndexException.class).hasMessageContaining("new_07.iafbt");
        assertThat((rowCount() - BUNDLES) % 5).as("rows beyond the first run come in whole batches of 5").isZero();
    }

    @Test
    void readersDuringARebuildSeeTheOldIndexUntilTheNewOneIsComplete() {
        indexer(RowDecoder.BUNDLE, true).run();
        AtomicInteger decoded = new AtomicInteger();
        long[] seenMidway = {-1};
        RowDecoder watching = (file, bundlePath, mtimeNs, size) -> {
            if (decoded.incrementAndGet() == BUNDLES - 2) {
                synchronized (seenMidway) {
                    seenMidway[0] = rowCount(); // several batches of the rebuild are written by now
                }
            }
            return RowDecoder.BUNDLE.decode(file, bundlePath, mtimeNs, size);
        };
        indexer(watching, true).run();
        assertThat(seenMidway[0]).isEqualTo(BUNDLES);
        assertThat(rowCount()).isEqualTo(BUNDLES);
    }
}
