package dev.iafbt.ohlcv;

import dev.iafbt.model.Backtest;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OHLCV data sets of one bundle, loaded lazily: a chunk is read from the side store the first
 * time its key is asked for and then cached, as the reference's {@code LazyOhlcvDict} does
 *. Safe for concurrent use; a key is loaded at most once.
 */
public final class OhlcvFrames {
    private final Path bundleFile;
    private final OhlcvManifest manifest;
    private final OhlcvStore store;
    private final boolean verifyHashes;
    private final Map<String, OhlcvFrame> loaded = new ConcurrentHashMap<>();

    /**
     * The OHLCV frames a backtest refers to, loaded lazily from the side store next to its bundle
     * file; a missing chunk fails only when that frame is read, naming bundle, key and path.
     *
     * @throws IllegalStateException when the backtest was not read from a file
     * @throws dev.iafbt.model.ModelShapeException when its manifest is malformed
     */
    public static OhlcvFrames of(Backtest backtest) {
        Path file = backtest.bundle().source().orElseThrow(() -> new IllegalStateException(
                "this backtest was not read from a file, so it has no OHLCV side store"));
        return new OhlcvFrames(file, OhlcvManifest.of(backtest).orElseGet(
                () -> new OhlcvManifest(OhlcvManifest.DEFAULT_STORE_DIR, Map.of())));
    }

    /** Resolves without checking chunk hashes (as the reference does). */
    public OhlcvFrames(Path bundleFile, OhlcvManifest manifest) {
        this(bundleFile, manifest, false);
    }

    /**
     * @param bundleFile   the bundle whose folder {@code store_dir} is relative to
     * @param verifyHashes check each chunk's SHA-256 against its name when loading it
     */
    public OhlcvFrames(Path bundleFile, OhlcvManifest manifest, boolean verifyHashes) {
        this(bundleFile, manifest, new OhlcvStore(manifest.storePath(bundleFile)), verifyHashes);
    }

    /**
     * Frames resolved from a given side store instead of the manifest's {@code store_dir}: what a
     * store does whose chunk folder is fixed (a tiered store's {@code ohlcv/}, whatever
     * {@code store_dir} a bundle recorded, as the reference's {@code LocalTieredStore.open}).
     */
    public OhlcvFrames(Path bundleFile, OhlcvManifest manifest, OhlcvStore store, boolean verifyHashes) {
        this.bundleFile = Objects.requireNonNull(bundleFile, "bundleFile");
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.store = Objects.requireNonNull(store, "store");
        this.verifyHashes = verifyHashes;
    }

    /** The data-set keys, in manifest order. */
    public Set<String> keys() {
        return manifest.manifest().keySet();
    }

    public boolean contains(String key) {
        return manifest.manifest().containsKey(key);
    }

    public OhlcvManifest manifest() {
        return manifest;
    }

    public OhlcvStore store() {
        return store;
    }

    /** Where the chunk of a key is expected. */
    public Path pathOf(String key) {
        return store.pathOf(requireKey(key));
    }

    /** Whether a key's frame has been loaded already (it is then served from memory). */
    public boolean isLoaded(String key) {
        return loaded.containsKey(key);
    }

    /**
     * @throws OhlcvException             when the bundle has no such key, or the chunk is unreadable
     * @throws OhlcvChunkMissingException when the chunk file is not in the side store
     */
    public OhlcvFrame get(String key) {
        String fileName = requireKey(key);
        return loaded.computeIfAbsent(key, k -> load(k, fileName));
    }

    private OhlcvFrame load(String key, String fileName) {
        try {
            return store.get(fileName, verifyHashes);
        } catch (OhlcvChunkMissingException e) {
            throw new OhlcvChunkMissingException("bundle " + bundleFile + ": OHLCV chunk for '" + key
                    + "' is missing: expected " + store.pathOf(fileName), e);
        } catch (OhlcvHashMismatchException e) {
            throw new OhlcvHashMismatchException(inBundle(key) + e.getMessage(), e);
        } catch (OhlcvException e) {
            throw new OhlcvException(inBundle(key) + e.getMessage(), e);
        }
    }

    /** The store only knows the chunk; the user asked for a key of a bundle: say both. */
    private String inBundle(String key) {
        return "bundle " + bundleFile + ", OHLCV data set '" + key + "': ";
    }

    private String requireKey(String key) {
        String fileName = manifest.fileNameOf(key);
        if (fileName == null) {
            throw new OhlcvException("bundle " + bundleFile + " has no OHLCV data set '" + key
                    + "' (it has " + keys() + ")");
        }
        return fileName;
    }
}
