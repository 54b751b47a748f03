package dev.iafbt.store;

import dev.iafbt.index.IndexRow;
import dev.iafbt.index.IndexRows;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.model.Backtest;
import dev.iafbt.ohlcv.OhlcvStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
 * cannot find them). A write puts the chunks first, then the Tier-2 partitions, then the bundle,
 * then the index row, so a bundle that is there has its chunks and partitions.
 */
public final class LocalTieredStore implements BacktestStore {
    public static final String INDEX_FILE = "index.sqlite";
    public static final String BUNDLES_DIR = "bundles";
    public static final String PARQUET_DIR = "parquet";
    public static final String OHLCV_DIR = "ohlcv";

    private final Path root;
    private final Path bundles;
    private final Path parquet;
    private final HandleGuard guard;

    /** Opens (and creates, with {@code bundles/} and {@code parquet/}) the store at {@code root}. */
    public LocalTieredStore(Path root) {
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

    private Path bundlePath(String handle) {
        return guard.resolve(handle, normalize(handle) + StoreFiles.BUNDLE_SUFFIX);
    }

    @Override
    public String write(Backtest backtest, String handle, Path chunkSource) {
        String bare = normalize(handle != null ? handle : BundleSaving.defaultName(backtest));
        Path target = bundlePath(bare);
        ChunkPlacement placement = BundleSaving.save(backtest, target, chunkSource, root.resolve(OHLCV_DIR),
                saved -> Tier2Writer.write(parquet, bare, saved));
        long[] stat = StoreFiles.mtimeNsAndSize(target);
        Backtest saved = Backtest.of(placement.bundle());
        try (SqliteIndex index = SqliteIndex.open(indexFile())) {
            index.upsert(IndexRows.fromBacktest(saved, bare, stat[0], stat[1]));
        }
        placement.ensurePresent();
        return bare;
    }

    @Override
    public Backtest open(String handle, boolean summaryOnly) {
        return StoreFiles.open(bundlePath(handle), handle, handle, "tiered store " + root, summaryOnly);
    }

    @Override
    public boolean exists(String handle) {
        Path file = guard.resolveOrNull(handle, normalize(handle) + StoreFiles.BUNDLE_SUFFIX);
        return file != null && Files.isRegularFile(file);
    }

    /** Removes the bundle, its Tier-2 partitions and its index row; chunks stay until GC. */
    @Override
    public void delete(String handle) {
        Path file = guard.resolveOrNull(handle, normalize(handle) + StoreFiles.BUNDLE_SUFFIX);
        if (file == null) {
            return;
        }
        String bare = normalize(handle);
        StoreFiles.deleteTree(file);
        Tier2Writer.delete(parquet, bare);
        if (Files.exists(indexFile())) {
            try (SqliteIndex index = SqliteIndex.open(indexFile())) {
                index.remove(List.of(bare));
            }
        }
    }

    @Override
    public List<String> handles() {
        List<String> handles = new ArrayList<>();
        for (String path : StoreFiles.bundlePaths(bundles)) {
            handles.add(normalize(path));
        }
        return handles;
    }

    /** The Tier-1 rows; none when the index file is absent (see {@link #rebuildIndex}). */
    @Override
    public List<IndexRow> indexRows() {
        if (!Files.exists(indexFile())) {
            return List.of();
        }
        try (SqliteIndex index = SqliteIndex.open(indexFile())) {
            return index.rows();
        }
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
