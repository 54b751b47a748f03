package dev.iafbt.index;

/**
 * Receives an indexing run's progress and failures as they happen, always on the thread that
 * called {@link Indexer#run()}, so an implementation needs no synchronisation. The library prints
 * nothing itself: a Maven goal turns these into log lines, a test collects them.
 */
public interface IndexListener {
    /** A listener that ignores everything. */
    IndexListener NONE = new IndexListener() {
    };

    /** Called at most once per {@link Indexer.Builder#progressInterval progress interval}. */
    default void onProgress(IndexProgress progress) {
    }

    /** Called once per bundle that could not be indexed, in walk order. */
    default void onFailure(IndexFailure failure) {
    }
}
