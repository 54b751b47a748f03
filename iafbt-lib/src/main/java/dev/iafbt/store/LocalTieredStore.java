package dev.iafbt.store;

import dev.iafbt.index.IndexRow;
import dev.iafbt.index.IndexRows;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.index.TieredLayout;
import dev.iafbt.internal.io.FolderLock;
import dev.iafbt.model.Backtest;
import dev.iafbt.ohlcv.OhlcvStore;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A store in the reference's tiered layout ({@code services/backtest_store/local_tiered_store.py}),
 * so the Java and the Python tools can work on one store:
 *
 * <pre>
 * root/index.sqlite                                           Tier-1, one row per handle (bundle_path = handle)
 * root/bundles/&lt;handle&gt;.iafbt                                  the bundle, the source of truth
 * root/parquet/{portfolio_snapshots,trades,orders}/run_id=&lt;handle&gt;/part-0.parquet   Tier-2
 * root/ohlcv/&lt;sha256&gt;.parquet                                   Tier-3, shared by every bundle
 * </pre>
 *
 * <p>Handles are the bundle's path under {@code bundles/} without {@code .iafbt}; nested handles
 * ({@code sweep-1/a}) keep their folders everywhere (the reference lists them by file stem and then
 * cannot find them). A write stages everything, then commits with one atomic file and moves it
 * into place ({@link TieredCommit}); a write killed at any instant is the old version or the new
 * one for {@link #open}, {@link #handles}, {@link #indexRows} and the collector, and
 * {@link #verify()}/{@link #repair()} find and fix whatever else a crash or another tool left.
 */
public final class LocalTieredStore implements BacktestStore {
    public static final String INDEX_FILE = TieredLayout.INDEX_FILE;
    public static final String BUNDLES_DIR = TieredLayout.BUNDLES_DIR;
    public static final String PARQUET_DIR = TieredLayout.PARQUET_DIR;
    public static final String OHLCV_DIR = "ohlcv";

    private final Path root;
    private final Path bundles;
    private final Path parquet;
    private final HandleGuard guard;
    private final TieredCommit commit;

    /** Opens (and creates, with {@code bundles/} and {@code parquet/}) the store at {@code root}. */
    public LocalTieredStore(Path root) {
        this(root, StepHook.NONE);
    }

    /** A store whose writes and deletes report each step to {@code hook} (tests of crashes and races). */
    LocalTieredStore(Path root, StepHook hook) {
        this.commit = new TieredCommit(this, hook);
        this.root = root.toAbsolutePath().normalize();
        this.bundles = this.root.resolve(BUNDLES_DIR);
        this.parquet = this.root.resolve(PARQUET_DIR);
        this.guard = new HandleGuard(bundles);
        try {
            Files.createDirectories(parquet);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create Tier-2 folder " + parquet + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    public Path indexFile() {
        return root.resolve(INDEX_FILE);
    }

    /** The Tier-2 root, {@code parquet/}; each dataset is {@code parquet/<dataset>/}. */
    public Path parquetRoot() {
        return parquet;
    }

    /** The shared Tier-3 chunk store (frames put here can be referenced by a backtest before writing it). */
    public OhlcvStore ohlcvStore() {
        return new OhlcvStore(root.resolve(OHLCV_DIR));
    }

    /** The handle as stored: one trailing {@code .iafbt} removed. */
    static String normalize(String handle) {
        return handle.endsWith(StoreFiles.BUNDLE_SUFFIX)
                ? handle.substring(0, handle.length() - StoreFiles.BUNDLE_SUFFIX.length()) : handle;
    }

    /** The shared chunk folder, whose lock orders writers and the collector. */
    Path chunkDir() {
        return root.resolve(OHLCV_DIR);
    }

    Path bundlePath(String handle) {
        return guard.resolve(handle, normalize(handle) + StoreFiles.BUNDLE_SUFFIX);
    }

    @Override
    public String write(Backtest backtest, String handle, Path chunkSource) {
        String bare = normalize(handle != null ? handle : BundleSaving.defaultName(backtest));
        bundlePath(bare); // refuses a handle leading outside the store before anything is written
        return commit.write(backtest, bare, chunkSource);
    }

    @Override
    public Backtest open(String handle, boolean summaryOnly) {
        Path file = bundlePath(handle);
        WriteIntent pending = pendingAfterSettling(normalize(handle));
        if (pending != null && pending.delete()) {
            throw new HandleNotFoundException(handle, "no backtest '" + handle + "' in tiered store " + root
                    + " (it is being deleted)");
        }
        if (pending != null) {
            file = commit.pendingBundle(pending);
        }
        return StoreFiles.open(file, handle, handle, "tiered store " + root, summaryOnly);
    }

    @Override
    public boolean exists(String handle) {
        Path file = guard.resolveOrNull(handle, normalize(handle) + StoreFiles.BUNDLE_SUFFIX);
        if (file == null) {
            return false;
        }
        WriteIntent pending = pendingAfterSettling(normalize(handle));
        return pending != null ? !pending.delete() : Files.isRegularFile(file);
    }

    /** Removes the bundle, its Tier-2 partitions and its index row (one commit); chunks stay until GC. */
    @Override
    public void delete(String handle) {
        Path file = guard.resolveOrNull(handle, normalize(handle) + StoreFiles.BUNDLE_SUFFIX);
        if (file != null) {
            commit.delete(normalize(handle));
        }
    }

    /** The handles whose bundle is in place, as the files are now (no pending change read through). */
    List<String> bundleHandles() {
        List<String> handles = new ArrayList<>();
        for (String path : StoreFiles.bundlePaths(bundles)) {
            handles.add(normalize(path));
        }
        return handles;
    }

    @Override
    public List<String> handles() {
        List<WriteIntent> pending = settle() ? List.of() : commit.pending();
        TreeSet<String> handles = new TreeSet<>(bundleHandles());
        for (WriteIntent intent : pending) {
            if (intent.delete()) {
                handles.remove(intent.handle());
            } else {
                handles.add(intent.handle());
            }
        }
        return new ArrayList<>(handles);
    }

    /**
     * The Tier-1 rows; none when the index file is absent (see {@link #rebuildIndex}). A change that
     * a killed writer committed is completed first, or, while a writer holds the store, read through.
     */
    @Override
    public List<IndexRow> indexRows() {
        List<WriteIntent> pending = settle() ? List.of() : commit.pending();
        List<IndexRow> rows = new ArrayList<>();
        if (Files.exists(indexFile())) {
            try (SqliteIndex index = SqliteIndex.open(indexFile())) {
                rows.addAll(index.rows());
            }
        }
        for (WriteIntent intent : pending) {
            rows.removeIf(row -> row.bundlePath().equals(intent.handle()));
            if (!intent.delete()) {
                Path file = commit.pendingBundle(intent);
                try {
                    long[] stat = StoreFiles.mtimeNsAndSize(file);
                    rows.add(IndexRows.fromBacktest(Backtest.openForIndex(file), intent.handle(), stat[0], stat[1]));
                } catch (RuntimeException e) {
                    // its bundle is damaged or gone: no row, as for any unreadable bundle (verify names it)
                }
            }
        }
        return rows;
    }

    /**
     * Completes the changes killed writers committed, when no writer holds the store (the lock is
     * free); true when nothing is pending afterwards. Readers call it so that what they see is
     * also what a hive scan of Tier 2 sees.
     */
    private boolean settle() {
        if (commit.pending().isEmpty()) {
            return true;
        }
        try (FolderLock.Held alone = FolderLock.tryExclusive(chunkDir())) {
            if (alone == null) {
                return false; // a live writer or a collection: read through its intent
            }
            commit.finishAll();
            return true;
        } catch (UncheckedIOException | StoreException e) {
            return false; // cannot be completed now (a damaged intent, a read-only store): read through
        }
    }

    /** The handle's pending change after trying to complete it; null when none is pending (one stat when none is). */
    private WriteIntent pendingAfterSettling(String handle) {
        if (commit.pending(handle) == null) {
            return null;
        }
        return settle() ? null : commit.pending(handle);
    }

    /**
     * Every disagreement between the bundles, the index rows, the Tier-2 partitions, the chunks and
     * the journal. Holds the store's lock exclusive while it reads (writers wait), so what it
     * reports is damage, never a live writer's step; changes nothing.
     */
    @Override
    public StoreCheck verify() {
        return TieredStoreCheck.run(this, false);
    }

    /**
     * Fixes every disagreement {@link #verify()} finds from the bundles, the source of truth:
     * completes committed changes, removes temp files (no live writer can own one: the lock is
     * held exclusive), writes missing or stale rows and partitions from the bundles and removes
     * orphan ones. Missing chunks and unreadable bundles remain in {@link StoreCheck#problems()}.
     */
    @Override
    public StoreCheck repair() {
        return TieredStoreCheck.run(this, true);
    }

    /** Completes every committed change; the caller holds the store's lock exclusive. */
    List<WriteIntent> finishPendingChanges() {
        return commit.finishAll();
    }

    TieredCommit commit() {
        return commit;
    }

    /** Whether the index has a row for the handle (a write interrupted before Tier-1 has none). */
    public boolean hasIndexRow(String handle) {
        if (!Files.exists(indexFile())) {
            return false;
        }
        try (SqliteIndex index = SqliteIndex.open(indexFile())) {
            return index.provenance().containsKey(normalize(handle));
        }
    }

    /** The number of bundles (not of index rows, which a foreign tool may have added to). */
    @Override
    public int size() {
        return handles().size();
    }

    @Override
    public Optional<Path> bundleFile(String handle) {
        Path file = guard.resolveOrNull(handle, normalize(handle) + StoreFiles.BUNDLE_SUFFIX);
        return file != null && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** Always the shared {@code ohlcv/}, whatever {@code store_dir} a bundle recorded (as the reference). */
    @Override
    public Path ohlcvDirectory(String handle) {
        return root.resolve(OHLCV_DIR);
    }

    /**
     * Recreates {@code index.sqlite} from the bundles. Every bundle is read before the file is
     * replaced, in one transaction, so a failure never leaves a half-built index; unreadable
     * bundles are skipped and reported.
     */
    public RebuildResult rebuildIndex() {
        try (FolderLock.Held writing = StoreFiles.lockShared(chunkDir())) {
            return rebuildIndexLocked(); // shared: repair must not take its temp index for a dead writer's
        }
    }

    private RebuildResult rebuildIndexLocked() {
        List<IndexRow> rows = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String handle : handles()) {
            Path file = bundles.resolve(handle + StoreFiles.BUNDLE_SUFFIX);
            try {
                long[] stat = StoreFiles.mtimeNsAndSize(file);
                rows.add(IndexRows.fromBacktest(Backtest.openForIndex(file), handle, stat[0], stat[1]));
            } catch (RuntimeException e) {
                skipped.add(handle + ": " + e.getMessage());
            }
        }
        try (SqliteIndex index = SqliteIndex.create(indexFile())) {
            index.upsertAll(rows);
        }
        return new RebuildResult(rows.size(), skipped);
    }

    @Override
    public String toString() {
        return "LocalTieredStore[" + root + "]";
    }

    /**
     * @param rows    index rows written
     * @param skipped one {@code "<handle>: <reason>"} per bundle that could not be read
     */
    public record RebuildResult(int rows, List<String> skipped) {
        public RebuildResult {
            skipped = List.copyOf(skipped);
        }
    }
}
