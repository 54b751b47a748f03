package dev.iafbt.store;

import dev.iafbt.index.IndexRow;
import dev.iafbt.index.IndexRows;
import dev.iafbt.index.Indexer;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.model.Backtest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A plain folder of bundles ({@code services/backtest_store/local_dir_store.py}): handles are the
 * bundles' paths relative to the root, with {@code .iafbt} ({@code a.iafbt}, {@code sweep/b.iafbt};
 * a handle without the suffix gets it). The index sidecar is {@code <root>/index.sqlite}, the same
 * file {@code iafbt:index} builds over the folder.
 *
 * <p>OHLCV chunks are kept, unlike the reference's store which drops them: each bundle's chunks go
 * to the {@code ohlcv/} folder beside it, the layout every reader of a bundle folder expects.
 */
public final class LocalDirStore implements BacktestStore {
    public static final String OHLCV_DIR = "ohlcv";

    private final Path root;
    private final boolean useIndex;
    private final HandleGuard guard;

    /** A store whose {@link #indexRows()} keeps {@code index.sqlite} up to date. */
    public LocalDirStore(Path root) {
        this(root, true);
    }

    /** @param useIndex false: {@link #indexRows()} reads every bundle and writes no file */
    public LocalDirStore(Path root, boolean useIndex) {
        this.root = root.toAbsolutePath().normalize();
        this.useIndex = useIndex;
        this.guard = new HandleGuard(this.root);
    }

    public Path root() {
        return root;
    }

    public Path indexFile() {
        return root.resolve(Indexer.DEFAULT_INDEX_NAME);
    }

    static String normalize(String handle) {
        return handle.endsWith(StoreFiles.BUNDLE_SUFFIX) ? handle : handle + StoreFiles.BUNDLE_SUFFIX;
    }

    private Path bundlePath(String handle) {
        return guard.resolve(normalize(handle), normalize(handle));
    }

    private Path bundlePathOrNull(String handle) {
        return guard.resolveOrNull(handle, normalize(handle));
    }

    @Override
    public String write(Backtest backtest, String handle, Path chunkSource) {
        String relative = normalize(handle != null ? handle : BundleSaving.defaultName(backtest));
        Path target = bundlePath(relative);
        BundleSaving.save(backtest, target, chunkSource, target.getParent().resolve(OHLCV_DIR));
        return relative;
    }

    @Override
    public Backtest open(String handle, boolean summaryOnly) {
        return StoreFiles.open(bundlePath(handle), handle, normalize(handle), "folder store " + root, summaryOnly);
    }

    @Override
    public boolean exists(String handle) {
        Path file = bundlePathOrNull(handle);
        return file != null && Files.isRegularFile(file);
    }

    /** Removes the bundle file and its row in {@code index.sqlite} (the reference leaves the row). */
    @Override
    public void delete(String handle) {
        Path file = bundlePathOrNull(handle);
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        StoreFiles.deleteTree(file);
        if (Files.exists(indexFile())) {
            try (SqliteIndex index = SqliteIndex.open(indexFile())) {
                index.remove(List.of(normalize(handle)));
            }
        }
    }

    @Override
    public List<String> handles() {
        return StoreFiles.bundlePaths(root);
    }

    /**
     * With the index: brings {@code index.sqlite} up to date incrementally (as {@code iafbt:index}
     * with its defaults, plus removing rows of bundles that are gone) and returns its rows.
     * Without: reads every bundle; an unreadable one is left out.
     */
    @Override
    public List<IndexRow> indexRows() {
        if (useIndex) {
            Indexer.builder(root).output(indexFile()).pruneMissing(true).build().run();
            try (SqliteIndex index = SqliteIndex.open(indexFile())) {
                return index.rows();
            }
        }
        List<IndexRow> rows = new ArrayList<>();
        for (String handle : handles()) {
            Path file = root.resolve(handle);
            try {
                long[] stat = StoreFiles.mtimeNsAndSize(file);
                rows.add(IndexRows.fromBacktest(Backtest.openForIndex(file), handle, stat[0], stat[1]));
            } catch (RuntimeException e) {
                // as with the index: an unreadable bundle has no row
            }
        }
        return rows;
    }

    @Override
    public int size() {
        return handles().size();
    }

    @Override
    public Optional<Path> bundleFile(String handle) {
        Path file = bundlePathOrNull(handle);
        return file != null && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The {@code ohlcv/} folder beside the handle's bundle. */
    @Override
    public Path ohlcvDirectory(String handle) {
        return bundlePath(handle).getParent().resolve(OHLCV_DIR);
    }

    /**
     * Unreadable bundles, OHLCV chunks a bundle references that are missing from the {@code ohlcv/}
     * folder beside it, and temp files of saves that did not finish (older than an hour, so that no
     * running save owns them). Index rows are not checked: {@link #indexRows()} brings
     * {@code index.sqlite} up to date itself. Changes nothing.
     */
    @Override
    public StoreCheck verify() {
        return DirStoreCheck.run(this, false);
    }

    /**
     * Removes the temp files {@link #verify()} finds; unreadable bundles and missing chunks cannot
     * be fixed from the bundles and stay in {@link StoreCheck#problems()}.
     */
    @Override
    public StoreCheck repair() {
        return DirStoreCheck.run(this, true);
    }

    @Override
    public String toString() {
        return "LocalDirStore[" + root + ", useIndex=" + useIndex + "]";
    }
}
