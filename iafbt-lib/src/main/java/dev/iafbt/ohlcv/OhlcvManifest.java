package dev.iafbt.ohlcv;

import dev.iafbt.bundle.Bundle;
import dev.iafbt.bundle.DocMap;
import dev.iafbt.internal.bundle.Docs;
import dev.iafbt.internal.chunk.ChunkNames;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.ModelShapeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bundle's {@code "ohlcv"} entry: the side store folder, relative to the
 * bundle's folder, and the map from data-set key ({@code "<symbol>@<timeframe>"}) to chunk name,
 * in document order. Immutable; every entry is validated on construction, so a manifest that
 * exists can be resolved without reaching outside the bundle's folder.
 *
 * @param storeDir relative folder of the side store, {@code "ohlcv"} by default in the reference
 * @param manifest key to {@code <sha256>.parquet}, in document order (unmodifiable)
 */
public record OhlcvManifest(String storeDir, Map<String, String> manifest) {
    /** The reference's default {@code store_dir}. */
    public static final String DEFAULT_STORE_DIR = ChunkNames.DEFAULT_STORE_DIR;
    /** The folder of a tiered store that holds its bundles, beside {@code ohlcv/}. */
    private static final String TIERED_BUNDLES_DIR = "bundles";

    /** @throws OhlcvException naming the bad store folder or entry */
    public OhlcvManifest {
        validate(storeDir, manifest);
        manifest = Collections.unmodifiableMap(new LinkedHashMap<>(manifest));
    }

    /**
     * The validated manifest of a backtest, when it has one: every entry must name
     * a content-addressed chunk ({@code <64 hex>.parquet}) and {@code store_dir} must stay inside
     * the bundle's folder.
     *
     * @throws ModelShapeException naming the bundle and the bad entry
     */
    public static Optional<OhlcvManifest> of(Backtest backtest) {
        Bundle bundle = backtest.bundle();
        Object ohlcv = bundle.document().get("ohlcv");
        if (ohlcv == null) {
            return Optional.empty();
        }
        if (!(ohlcv instanceof DocMap map)) {
            throw shapeAt(bundle, "ohlcv", "a map", ohlcv);
        }
        Object storeDir = map.getOrDefault("store_dir", DEFAULT_STORE_DIR);
        Object entries = map.get("manifest");
        if (!(storeDir instanceof String dir)) {
            throw shapeAt(bundle, "ohlcv.store_dir", "a string", storeDir);
        }
        if (!(entries instanceof DocMap manifest)) {
            throw shapeAt(bundle, "ohlcv.manifest", "a map", entries);
        }
        Map<String, String> names = new LinkedHashMap<>();
        manifest.forEach((key, name) -> {
            if (!(name instanceof String file)) {
                throw shapeAt(bundle, "ohlcv.manifest." + key, "a file name string", name);
            }
            names.put(key, file);
        });
        try {
            return Optional.of(new OhlcvManifest(dir, names));
        } catch (OhlcvException e) {
            throw new ModelShapeException(bundle.sourceName() + ": " + e.getMessage());
        }
    }

    private static ModelShapeException shapeAt(Bundle bundle, String path, String expected, Object actual) {
        return new ModelShapeException(bundle.sourceName() + ": " + path + " must be " + expected + ", but is "
                + Docs.kindOf(actual));
    }

    /**
     * Checks a manifest as read from a document: {@code store_dir} relative and inside the
     * bundle's folder, every key non-null, every value a valid chunk name.
     *
     * @throws OhlcvException naming the bad store folder or entry
     */
    private static void validate(String storeDir, Map<String, String> manifest) {
        requireContainedRelativeDir(storeDir);
        if (manifest == null) {
            throw new OhlcvException("OHLCV manifest: the manifest map is missing");
        }
        for (Map.Entry<String, String> entry : manifest.entrySet()) {
            if (entry.getKey() == null) {
                throw new OhlcvException("OHLCV manifest: an entry has no key (value '" + entry.getValue() + "')");
            }
            requireChunkName(entry.getValue(), "OHLCV manifest entry '" + entry.getKey() + "'");
        }
    }

    /**
     * @param context what holds the name, for the message, e.g. {@code "OHLCV manifest entry 'BTC/EUR@1h'"}
     * @throws OhlcvException naming the context and the bad name
     */
    static String requireChunkName(String name, String context) {
        if (!ChunkNames.isValid(name)) {
            throw new OhlcvException(context + ": '" + name + "' is not a valid OHLCV chunk name ("
                    + ChunkNames.EXPECTED + ")");
        }
        return name;
    }

    /**
     * The side store folder of a bundle at {@code bundleFile}. The text of {@code store_dir} was
     * checked when the manifest was made; here the real path is: a symbolic link on the way must
     * not lead the store out of the bundle's folder — or, for a tiered store's {@code ../ohlcv},
     * out of the store's root.
     *
     * @throws OhlcvException naming the bundle when the store resolves outside its folder, or
     *         when a {@code ../ohlcv} bundle does not sit in a tiered store's {@code bundles/}
     */
    public Path storePath(Path bundleFile) {
        Path folder = bundleFile.toAbsolutePath().normalize().getParent();
        Path store = folder.resolve(storeDir).normalize();
        requireRealPathInside(bundleFile, containmentRoot(bundleFile, folder), store);
        return store;
    }

    /**
     * The folder the store must stay inside: the bundle's own folder, or for the tiered layout
     * ({@code store_dir} {@code ../ohlcv}, {@code ../../ohlcv} for a nested handle — what the
     * reference's {@code LocalTieredStore} writes) the store root whose {@code bundles/} folder
     * holds the bundle. Anything else reaching upwards was refused when the manifest was made.
     */
    private Path containmentRoot(Path bundleFile, Path folder) {
        if (!isTieredStoreDir(storeDir)) {
            return folder;
        }
        int ups = storeDir.split("/").length - 1; // one per '..'; the last part is 'ohlcv'
        Path bundlesFolder = folder;
        for (int i = 1; i < ups && bundlesFolder != null; i++) {
            bundlesFolder = bundlesFolder.getParent();
        }
        if (bundlesFolder == null || bundlesFolder.getParent() == null
                || !bundlesFolder.getFileName().toString().equals(TIERED_BUNDLES_DIR)) {
            throw new OhlcvException("bundle " + bundleFile + ": OHLCV store_dir '" + storeDir
                    + "' leads outside the bundle's folder, and the bundle is not in a tiered store's "
                    + TIERED_BUNDLES_DIR + "/ folder");
        }
        return bundlesFolder.getParent();
    }

    private void requireRealPathInside(Path bundleFile, Path folder, Path store) {
        if (!Files.isDirectory(folder)) {
            return; // nothing can be read from, or written through, a folder that does not exist
        }
        Path existing = store;
        while (!Files.exists(existing)) {
            existing = existing.getParent(); // the part that exists is what a link could redirect
        }
        try {
            Path realFolder = folder.toRealPath();
            Path realStore = existing.toRealPath();
            if (!realStore.startsWith(realFolder)) {
                throw new OhlcvException("bundle " + bundleFile + ": OHLCV store_dir '" + storeDir
                        + "' leads through a symbolic link to " + realStore + ", outside the bundle's folder "
                        + realFolder);
            }
        } catch (IOException e) {
            throw new OhlcvException("bundle " + bundleFile + ": cannot resolve OHLCV store_dir '" + storeDir
                    + "' (" + e + ")", e);
        }
    }

    public String fileNameOf(String key) {
        return manifest.get(key);
    }

    private static void requireContainedRelativeDir(String storeDir) {
        if (storeDir == null) {
            throw new OhlcvException("OHLCV manifest: store_dir is missing");
        }
        Path path;
        try {
            path = Path.of(storeDir);
        } catch (InvalidPathException e) {
            throw new OhlcvException("OHLCV manifest: store_dir '" + storeDir + "' is not a valid path", e);
        }
        // Windows-style roots and drives are refused on every platform: a bundle written on one
        // machine is read on others, and these forms are absolute somewhere.
        boolean rooted = path.isAbsolute() || path.getRoot() != null || storeDir.startsWith("/")
                || storeDir.startsWith("\\") || storeDir.matches("^[A-Za-z]:.*");
        if (rooted) {
            throw new OhlcvException("OHLCV manifest: store_dir '" + storeDir
                    + "' must be relative to the bundle's folder");
        }
        Path normalized = Path.of(storeDir.replace('\\', '/')).normalize();
        if (normalized.startsWith("..") && !isTieredStoreDir(storeDir)) {
            throw new OhlcvException("OHLCV manifest: store_dir '" + storeDir
                    + "' leads outside the bundle's folder (only a tiered store's '../ohlcv' may)");
        }
    }

    /**
     * {@code ../ohlcv}, {@code ../../ohlcv}, …: the one upward {@code store_dir} the reference
     * writes, from a tiered store's {@code bundles/<handle>.iafbt} to its {@code ohlcv/} folder
     * ({@code services/backtest_store/local_tiered_store.py}).
     */
    private static boolean isTieredStoreDir(String storeDir) {
        String[] parts = storeDir.split("/", -1);
        if (parts.length < 2 || !parts[parts.length - 1].equals(DEFAULT_STORE_DIR)) {
            return false;
        }
        for (int i = 0; i < parts.length - 1; i++) {
            if (!parts[i].equals("..")) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "OhlcvManifest[" + storeDir + ", " + manifest + "]";
    }
}
