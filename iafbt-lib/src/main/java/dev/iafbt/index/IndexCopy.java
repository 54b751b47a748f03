package dev.iafbt.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Copies every row of one index into another, in row order, so a team can move what the Python
 * tool (or a SQLite {@code iafbt:index}) built onto a shared PostgreSQL server, and back. Rows go
 * through {@link IndexRow}, the same path the indexer writes, in batched transactions; a row that
 * already exists in the target is replaced. The source is only read.
 */
public final class IndexCopy {
    /** Rows per write transaction. */
    public static final int BATCH_SIZE = 1000;

    private IndexCopy() {
    }

    /**
     * Copies all rows of {@code from} into {@code to}; returns how many were written.
     *
     * @param progress called with the running count after each batch
     */
    public static long copy(BacktestIndex from, BacktestIndex to, LongConsumer progress) {
        Objects.requireNonNull(progress, "progress");
        long copied = 0;
        List<IndexRow> batch = new ArrayList<>(BATCH_SIZE);
        try (Stream<IndexRow> rows = from.iterRows()) {
            for (IndexRow row : (Iterable<IndexRow>) rows::iterator) {
                batch.add(row);
                if (batch.size() == BATCH_SIZE) {
                    copied += to.upsertAll(batch);
                    batch.clear();
                    progress.accept(copied);
                }
            }
        }
        copied += to.upsertAll(batch);
        progress.accept(copied);
        return copied;
    }
}
