package dev.iafbt.store;

import dev.iafbt.index.IndexRow;
import dev.iafbt.model.Backtest;
import dev.iafbt.ohlcv.OhlcvFrames;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A place that keeps backtests under handles: opaque strings the store chooses or the caller
 * gives (the reference's {@code services/backtest_store/base.py}). Readers may work concurrently
 * with one another and with writers of other handles.
 *
 * <pre>{@code
 * BacktestStore store = new LocalTieredStore(Path.of("store"));
 * String handle = store.write(backtest, "momentum-f10");
 * Backtest summary = store.open(handle, true);
 * int copied = new LocalDirStore(Path.of("archive")).copyFrom(store, null);
 * }</pre>
 */
public interface BacktestStore {
    /** Stores the backtest under its default handle (derived from its algorithm id); returns the handle. */
    default String write(Backtest backtest) {
        return write(backtest, null);
    }

    /**
     * Stores the backtest under {@code handle}, replacing what was there; the backtest's OHLCV
     * chunks come along. {@code null} picks the default handle.
     *
     * @return the handle, as {@link #handles()} lists it
     * @throws StoreException when the handle leads outside the store, or writing fails
     */
    default String write(Backtest backtest, String handle) {
        return write(backtest, handle, null);
    }

    /**
     * Like {@link #write(Backtest, String)}, naming where the backtest's OHLCV chunks are now.
     *
     * @param chunkSource the folder holding the chunks its manifest names, or null: the folder
     *                    its bundle file's {@code store_dir} points to, else this store's own
     */
    String write(Backtest backtest, String handle, Path chunkSource);

    /**
     * @param summaryOnly decode identity, parameters and summary only (what a listing needs)
     * @throws HandleNotFoundException when nothing is stored under the handle
     * @throws StoreException          when the handle leads outside the store
     */
    Backtest open(String handle, boolean summaryOnly);

    /** False also for a handle that would lead outside the store. */
    boolean exists(String handle);

    /** Removes the backtest and its index row; nothing happens when it is absent. Chunks stay until GC. */
    void delete(String handle);

    /** Every handle, sorted. */
    List<String> handles();

    /** One index row per stored backtest, {@code bundle_path} being what identifies it in this store. */
    List<IndexRow> indexRows();

    /** The number of stored backtests. */
    int size();

    /** The bundle file of a handle, when it exists. */
    Optional<Path> bundleFile(String handle);

    /** The folder where the OHLCV chunks of a handle's bundle are kept. */
    Path ohlcvDirectory(String handle);

    /**
     * The OHLCV frames of a stored backtest, read lazily from {@link #ohlcvDirectory}, whatever
     * {@code store_dir} the bundle recorded (as the reference's store does). A bundle opened on
     * its own reads the same frames through {@code OhlcvFrames.of(backtest)}, which follows a
     * tiered store's {@code ../ohlcv} only from inside that store's {@code bundles/} folder.
     *
     * @throws HandleNotFoundException when nothing is stored under the handle
     */
    default OhlcvFrames ohlcv(String handle) {
        Backtest backtest = open(handle, true);
        return StoredOhlcv.frames(backtest, bundleFile(handle).orElseThrow(), ohlcvDirectory(handle));
    }

    /**
     * Copies handles from another store (all of {@code source.handles()} when {@code handles} is
     * null) with their OHLCV chunks; a handle missing in the source is skipped, any other failure
     * stops the copy (the handles copied before it stay). Use {@link StoreMigration} for a
     * resumable, per-handle report.
     *
     * @return how many were copied
     */
    default int copyFrom(BacktestStore source, Collection<String> handles) {
        int copied = 0;
        for (String handle : handles == null ? source.handles() : handles) {
            if (!source.exists(handle)) {
                continue;
            }
            StoreCopy.copy(source, handle, this);
            copied++;
        }
        return copied;
    }

    /**
     * Every disagreement between the store's bundles (the source of truth) and what it keeps
     * beside them: index rows, analytics partitions, OHLCV chunks, unfinished writes, temp files.
     * Changes nothing.
     *
     * @throws StoreException when this kind of store cannot be checked
     */
    default StoreCheck verify() {
        throw new StoreException(this + ": this kind of store cannot be verified");
    }

    /**
     * Fixes what {@link #verify()} finds from the bundles and returns what was fixed and what
     * could not be (missing chunks, unreadable bundles).
     *
     * @throws StoreException when this kind of store cannot be repaired
     */
    default StoreCheck repair() {
        throw new StoreException(this + ": this kind of store cannot be repaired");
    }
}
