package dev.iafbt.store;

import dev.iafbt.bundle.Bundle;
import dev.iafbt.bundle.BundleFormatException;
import dev.iafbt.bundle.BundleReader;
import dev.iafbt.bundle.ReadOptions;
import dev.iafbt.index.IndexCredentials;
import dev.iafbt.index.IndexRow;
import dev.iafbt.index.IndexRows;
import dev.iafbt.internal.chunk.ChunkNames;
import dev.iafbt.internal.io.AtomicFiles;
import dev.iafbt.model.Backtest;
import dev.iafbt.ohlcv.OhlcvFrames;
import dev.iafbt.store.object.ObjectInfo;
import dev.iafbt.store.object.ObjectStorage;
import dev.iafbt.store.object.RangedObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tiered store on S3-compatible object storage ({@code s3-tiered}): the
 * {@link LocalTieredStore} layout under {@code s3://bucket/prefix/}, so Spark and DuckDB read its
 * Tier 2 in place as they read a local one, and Tier 1 in a shared database ({@link Tier1Index}):
 *
 * <pre>
 * bundles/&lt;handle&gt;.iafbt                                          the bundle, the source of truth
 * parquet/{portfolio_snapshots,trades,orders}/run_id=&lt;handle&gt;/part-0.parquet    Tier 2
 * ohlcv/&lt;sha256&gt;.parquet                                          Tier 3, stored once for every writer
 * _iafbt/leases/, _iafbt/gc.lock                                    writers' leases, the collector's lock
 * </pre>
 *
 * <p>A write needs no rename: the writer registers a lease, asks which of its chunks are stored
 * (HEAD) and uploads only the others, each with a conditional, SHA-256-checked PUT (so N writers
 * store a chunk once and never overwrite it), then the Tier-2 objects, then the bundle (one
 * atomic PUT: the handle appears complete or not at all), then the Tier-1 row. A write interrupted
 * anywhere leaves either the old bundle or none, never one that reads wrong; running it again
 * finishes it. Reading a chunk re-checks its SHA-256.
 */
public final class ObjectTieredStore implements BacktestStore, AutoCloseable {
    static final String BUNDLES = "bundles/";
    static final String PARQUET = "parquet/";
    static final String OHLCV = "ohlcv/";

    private final ObjectStorage storage;
    private final Tier1 tier1;
    private final String tier1Location;
    private final WriterLeases leases;
    private final Map<String, CompletableFuture<Void>> uploading = new ConcurrentHashMap<>();
    private volatile Path cache;

    /**
     * @param storage       the objects; closed with the store
     * @param indexLocation Tier 1: a {@code jdbc:postgresql://} URL (shared by a team) or a SQLite file
     *                      path; null for a store that is only read or collected
     * @param credentials   who Tier 1 is opened as ({@link IndexCredentials#NONE}: the URL and the environment)
     */
    public ObjectTieredStore(ObjectStorage storage, String indexLocation, IndexCredentials credentials) {
        this.storage = storage;
        this.tier1 = new Tier1(indexLocation, credentials);
        this.tier1Location = indexLocation == null ? "none" : indexLocation.startsWith("jdbc:") ? tier1.describe()
                : indexLocation;
        this.leases = new WriterLeases(storage);
    }

    public ObjectStorage storage() {
        return storage;
    }

    /** Where Tier 1 is (a JDBC URL without its password, or a file path). */
    public String tier1Location() {
        return tier1Location;
    }

    /** The store's URI, {@code s3://bucket/prefix/}. */
    public String root() {
        return storage.root();
    }

    static String bundleKey(String handle) {
        String bare = LocalTieredStore.normalize(handle);
        if (!HandleGuard.namesOnePlace(bare)) {
            throw new StoreException("handle '" + handle + "' names no single place in the store (handles are"
                    + " relative paths without '..', '.' or empty segments)");
        }
        return BUNDLES + bare + StoreFiles.BUNDLE_SUFFIX;
    }

    private static String bundleKeyOrNull(String handle) {
        try {
            return bundleKey(handle);
        } catch (StoreException e) {
            return null;
        }
    }

    /** {@code ohlcv.store_dir} as the bundle records it: from its folder under {@code bundles/} to {@code ohlcv/}. */
    static String storeDir(String bare) {
        return "../".repeat(bare.split("/", -1).length) + "ohlcv";
    }

    @Override
    public String write(Backtest backtest, String handle, Path chunkSource) {
        tier1.requireConfigured();
        String bare = LocalTieredStore.normalize(handle != null ? handle : BundleSaving.defaultName(backtest));
        String key = bundleKey(bare);
        String name = storage.uri(key);
        Map<String, byte[]> chunks = chunksToStore(backtest, chunkSource, name);
        Bundle bundle = ChunkPlacement.relocate(backtest, storeDir(bare));
        Backtest saved = bundle == backtest.bundle() ? backtest : Backtest.of(bundle);
        byte[] bytes = BundleSaving.bytes(bundle, name);
        Map<Tier2Dataset, byte[]> partitions = Tier2Writer.encode(saved, bare);
        try (WriterLeases.Lease lease = leases.acquire(chunks.keySet())) {
            storeChunks(chunks, name);
            partitions.forEach((dataset, parquet) -> {
                String partition = PARQUET + Tier2Writer.partitionKey(dataset, bare);
                if (parquet == null) {
                    storage.delete(partition);
                } else {
                    storage.put(partition, parquet);
                }
            });
            storage.put(key, bytes);
            Instant stored = storage.head(key).map(ObjectInfo::lastModified).orElseGet(Instant::now);
            tier1.upsert(IndexRows.fromBacktest(saved, bare, nanos(stored), bytes.length));
        }
        return bare;
    }

    /** The chunks to make sure of, by name: their bytes, or null when they can only already be in the store. */
    private static Map<String, byte[]> chunksToStore(Backtest backtest, Path chunkSource, String name) {
        Optional<Path> file = backtest.bundle().source();
        if (chunkSource != null || file.isPresent()) {
            Path fallback = file.map(f -> f.toAbsolutePath().getParent().resolve("ohlcv")).orElse(null);
            return ChunkPlacement.readChunks(backtest, chunkSource, fallback, "bundle " + name);
        }
        Map<String, byte[]> names = new LinkedHashMap<>();
        ChunkPlacement.manifest(backtest).values().forEach(value -> {
            if (!(value instanceof String chunk) || !ChunkNames.isValid(chunk)) {
                throw new StoreException("bundle " + name + ": OHLCV manifest entry '" + value
                        + "' is not a valid OHLCV chunk name (" + ChunkNames.EXPECTED + ")");
            }
            names.put(chunk, null);
        });
        return names;
    }

    /** The dedup negotiation: a HEAD per chunk, and a conditional upload of each one the store lacks. */
    private void storeChunks(Map<String, byte[]> chunks, String bundleName) {
        chunks.forEach((chunk, bytes) -> {
            if (storage.head(OHLCV + chunk).isPresent()) {
                return;
            }
            if (bytes == null) {
                throw new StoreException("bundle " + bundleName + ": OHLCV chunk " + storage.uri(OHLCV + chunk)
                        + " is missing and no local copy was given");
            }
            uploadOnce(chunk, bytes);
        });
    }

    /** Threads of this process writing the same new chunk send its bytes once; the others wait for it. */
    private void uploadOnce(String chunk, byte[] bytes) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> running = uploading.putIfAbsent(chunk, mine);
        if (running != null) {
            try {
                running.join();
                return;
            } catch (CompletionException e) {
                // that upload failed: try it here
            }
        }
        try {
            storage.putIfAbsent(OHLCV + chunk, bytes, ChunkNames.hashOf(chunk));
            mine.complete(null);
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            if (running == null) {
                uploading.remove(chunk, mine);
            }
        }
    }

    Tier1 tier1() {
        return tier1;
    }

    static long nanos(Instant time) {
        return time.getEpochSecond() * 1_000_000_000L + time.getNano();
    }

    /**
     * @param summaryOnly when true, a summary-first bundle is read by ranged GETs of its head only
     *                    (see {@link #openForIndex}); others with one GET, decoded summary-only
     */
    @Override
    public Backtest open(String handle, boolean summaryOnly) {
        String key = bundleKey(handle);
        if (summaryOnly) {
            ObjectInfo info = storage.head(key).orElseThrow(() -> notFound(handle, key));
            return openForIndex(info).backtest();
        }
        byte[] bytes = storage.get(key).orElseThrow(() -> notFound(handle, key));
        return Backtest.of(decode(bytes, key, ReadOptions.FULL));
    }

    /** The whole bundle decoded summary-only: what its OHLCV manifest needs (a head read may stop before it). */
    Backtest openWholeSummary(String handle) {
        String key = bundleKey(handle);
        byte[] bytes = storage.get(key).orElseThrow(() -> notFound(handle, key));
        return Backtest.of(decode(bytes, key, ReadOptions.SUMMARY_ONLY));
    }

    /** A bundle's bytes decoded, whole or summary-only; a damaged one is a {@link StoreException} naming its object. */
    Backtest decodeBundle(byte[] bytes, String key, boolean summaryOnly) {
        return Backtest.of(decode(bytes, key, summaryOnly ? ReadOptions.SUMMARY_ONLY : ReadOptions.FULL));
    }

    private HandleNotFoundException notFound(String handle, String key) {
        return new HandleNotFoundException(handle, "no backtest '" + handle + "' in " + storage.root() + " (expected "
                + storage.uri(key) + ")");
    }

    private Bundle decode(byte[] bytes, String key, ReadOptions options) {
        try {
            return BundleReader.read(bytes, null, options);
        } catch (BundleFormatException e) {
            throw new StoreException(storage.uri(key) + ": " + withoutDocumentName(e.getMessage()), e);
        }
    }

    private static String withoutDocumentName(String message) {
        return message != null && message.startsWith("document: ") ? message.substring("document: ".length()) : message;
    }

    /** A bundle read for an index, and how many of its bytes were fetched. */
    public record HeadRead(Backtest backtest, long bytesFetched, long objectSize) {
    }

    /**
     * What an index needs of one listed bundle: for a summary-first bundle, the head only, fetched
     * with ranged GETs from {@value RangedObject#FIRST_RANGE} bytes on; any other bundle whole,
     * decoded summary-only.
     */
    public HeadRead openForIndex(ObjectInfo bundle) {
        RangedObject object = new RangedObject(storage, bundle.key(), bundle.size());
        String name = storage.uri(bundle.key());
        Optional<Bundle> head = BundleReader.readHead(object, name, ReadOptions.SUMMARY_ONLY);
        try {
            Bundle read = head.isPresent() ? head.get() : decode(object.all(), bundle.key(), ReadOptions.SUMMARY_ONLY);
            return new HeadRead(Backtest.of(read), object.fetched(), bundle.size());
        } catch (IOException e) {
            throw new StoreException(name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String handle) {
        String key = bundleKeyOrNull(handle);
        return key != null && storage.head(key).isPresent();
    }

    /** Removes the bundle first (so the handle is gone at once), then its Tier-2 objects and Tier-1 row. */
    @Override
    public void delete(String handle) {
        String key = bundleKeyOrNull(handle);
        if (key == null) {
            return;
        }
        String bare = LocalTieredStore.normalize(handle);
        storage.delete(key);
        List<String> partitions = new ArrayList<>();
        for (Tier2Dataset dataset : Tier2Dataset.values()) {
            partitions.add(PARQUET + Tier2Writer.partitionKey(dataset, bare));
        }
        storage.deleteAll(partitions);
        if (tier1.isConfigured()) {
            tier1.remove(bare);
        }
    }

    /** The stored bundles, as the listing gives them (key, size, time). */
    public List<ObjectInfo> bundleObjects() {
        List<ObjectInfo> bundles = new ArrayList<>();
        storage.list(BUNDLES, info -> {
            if (info.key().endsWith(StoreFiles.BUNDLE_SUFFIX)) {
                bundles.add(info);
            }
        });
        return bundles;
    }

    static String handleOf(ObjectInfo bundle) {
        String path = bundle.key().substring(BUNDLES.length());
        return path.substring(0, path.length() - StoreFiles.BUNDLE_SUFFIX.length());
    }

    @Override
    public List<String> handles() {
        return bundleObjects().stream().map(ObjectTieredStore::handleOf).sorted().toList();
    }

    @Override
    public List<IndexRow> indexRows() {
        return tier1.rows();
    }

    /** Whether Tier 1 has the handle's row (a write interrupted before it has none). */
    public boolean hasIndexRow(String handle) {
        return tier1.hasRow(LocalTieredStore.normalize(handle));
    }

    /** Whether the chunk is stored (a HEAD). */
    public boolean hasChunk(String chunk) {
        return storage.head(OHLCV + chunk).isPresent();
    }

    @Override
    public int size() {
        return bundleObjects().size();
    }

    /**
     * A local copy of the handle's bundle, fetched into this store's cache folder (deleted on
     * {@link #close}); its {@code store_dir} leads to the cache's chunk folder.
     */
    @Override
    public Optional<Path> bundleFile(String handle) {
        String key = bundleKeyOrNull(handle);
        if (key == null) {
            return Optional.empty();
        }
        Optional<byte[]> bytes = storage.get(key);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        Path file = cache().resolve(key);
        try {
            AtomicFiles.write(file, bytes.get());
        } catch (IOException e) {
            throw new StoreException("cannot write the local copy " + file + " of " + storage.uri(key) + ": "
                    + e.getMessage(), e);
        }
        return Optional.of(file);
    }

    /**
     * The cache folder holding the handle's OHLCV chunks, each fetched once and checked against its
     * SHA-256 (a chunk whose bytes do not match is refused, never cached).
     */
    @Override
    public Path ohlcvDirectory(String handle) {
        Path dir = cache().resolve(OHLCV);
        Path file = bundleFile(handle).orElseThrow(() -> notFound(handle, bundleKey(handle)));
        for (Object value : ChunkPlacement.manifest(Backtest.openSummary(file)).values()) {
            if (value instanceof String chunk && ChunkNames.isValid(chunk) && !Files.isRegularFile(dir.resolve(chunk))) {
                fetchChunk(chunk, dir.resolve(chunk));
            }
        }
        return dir;
    }

    private void fetchChunk(String chunk, Path target) {
        String key = OHLCV + chunk;
        Optional<byte[]> bytes = storage.get(key);
        if (bytes.isEmpty()) {
            return; // the reader of the frames reports the missing chunk by its key
        }
        if (!ChunkNames.forContent(bytes.get()).equals(chunk)) {
            throw new StoreException(storage.uri(key) + ": the chunk's content does not match its SHA-256 name;"
                    + " not used");
        }
        try {
            AtomicFiles.write(target, bytes.get());
        } catch (IOException e) {
            throw new StoreException("cannot cache " + storage.uri(key) + " at " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public OhlcvFrames ohlcv(String handle) {
        Path dir = ohlcvDirectory(handle);
        Path file = cache().resolve(bundleKey(handle));
        return StoredOhlcv.frames(Backtest.openSummary(file), file, dir);
    }

    private Path cache() {
        Path dir = cache;
        if (dir == null) {
            synchronized (this) {
                if (cache == null) {
                    try {
                        cache = Files.createTempDirectory("iafbt-s3-cache-");
                    } catch (IOException e) {
                        throw new StoreException("cannot create a cache folder for " + storage.root() + ": "
                                + e.getMessage(), e);
                    }
                }
                dir = cache;
            }
        }
        return dir;
    }

    /**
     * Recreates Tier 1 from the bundles: each is read as {@link #openForIndex} reads it; unreadable
     * ones are skipped and reported (keeping their old rows). Rows of handles without a bundle are
     * removed. {@link ObjectStoreIndexing} with {@code rebuild}; it also reads only what changed.
     */
    public LocalTieredStore.RebuildResult rebuildIndex() {
        ObjectStoreIndexing.Result result = ObjectStoreIndexing.refresh(this, 8, true, (handle, read, failure) -> { });
        return new LocalTieredStore.RebuildResult(result.indexed(), result.failed());
    }

    /**
     * Compares Tier 1, Tier 2 and the chunks with the bundles and reports every disagreement (see
     * {@link ObjectStoreCheck}); changes nothing. Needs a Tier 1.
     */
    @Override
    public StoreCheck verify() {
        return ObjectStoreCheck.run(this, false);
    }

    /**
     * Fixes what {@link #verify()} finds from the bundles: writes missing or stale rows and Tier-2
     * objects, removes orphan ones. Missing or corrupt chunks and unreadable bundles remain in
     * {@link StoreCheck#problems()}; no bundle or chunk is ever deleted.
     */
    @Override
    public StoreCheck repair() {
        return ObjectStoreCheck.run(this, true);
    }

    /** Closes the client and deletes the cache folder. */
    @Override
    public void close() {
        try {
            storage.close();
        } finally {
            if (cache != null) {
                StoreFiles.deleteTree(cache);
            }
        }
    }

    @Override
    public String toString() {
        return "ObjectTieredStore[" + storage.root() + ", Tier 1 " + tier1Location + "]";
    }
}
