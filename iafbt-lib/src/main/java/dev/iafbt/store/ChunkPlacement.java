package dev.iafbt.store;

import dev.iafbt.bundle.Bundle;
import dev.iafbt.bundle.DocMap;
import dev.iafbt.model.Backtest;
import dev.iafbt.internal.chunk.ChunkNames;
import dev.iafbt.ohlcv.OhlcvStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a backtest's OHLCV chunks into the chunk folder of the store it is written to, before the
 * bundle (as the reference does), and gives the bundle to save: the same document with
 * {@code ohlcv.store_dir} pointing from the bundle's folder to that chunk folder.
 *
 * <p>Chunks are copied byte for byte and their names re-checked against their SHA-256, so a
 * damaged chunk is never spread. A chunk that is already there gets its modification time
 * refreshed: the OHLCV garbage collector spares chunks younger than its grace period, so one that
 * a concurrent collection found orphaned cannot be swept while this bundle is being saved.
 */
final class ChunkPlacement {
    private final Bundle bundle;
    private final OhlcvStore target;
    private final Map<String, byte[]> placed;

    private ChunkPlacement(Bundle bundle, OhlcvStore target, Map<String, byte[]> placed) {
        this.bundle = bundle;
        this.target = target;
        this.placed = placed;
    }

    /**
     * @param source     the folder holding the chunks now, or null: next to the backtest's bundle
     *                   file per its {@code store_dir}, else already in {@code target}
     * @param storeDir   the {@code store_dir} to record, relative to the saved bundle's folder
     * @param bundleName names the bundle in messages
     */
    static ChunkPlacement place(Backtest backtest, Path source, OhlcvStore target, String storeDir, String bundleName) {
        Map<String, byte[]> placed = readChunks(backtest, source, target.dir(), bundleName);
        // writes each chunk, or refreshes the time of the copy already there
        placed.values().forEach(target::putBytes);
        return new ChunkPlacement(relocate(backtest, storeDir), target, placed);
    }

    /**
     * A {@link StoreCheck.Kind#MISSING_CHUNK} for each chunk the backtest's manifest names that is
     * not a file in {@code chunkDir}.
     */
    static List<StoreCheck.Problem> missingChunks(String handle, Backtest backtest, Path chunkDir) {
        List<StoreCheck.Problem> missing = new ArrayList<>();
        for (Map.Entry<String, Object> entry : manifest(backtest).entrySet()) {
            Path chunk = chunkDir.resolve(String.valueOf(entry.getValue()));
            if (!Files.isRegularFile(chunk)) {
                missing.add(new StoreCheck.Problem(StoreCheck.Kind.MISSING_CHUNK, handle, chunk, "OHLCV chunk for '"
                        + entry.getKey() + "' is missing (data loss: restore it, or write the backtest again from its source)"));
            }
        }
        return missing;
    }

    /** The backtest's manifest: an empty map when it has none. */
    static DocMap manifest(Backtest backtest) {
        DocMap ohlcv = backtest.ohlcvManifestMap().orElse(null);
        return ohlcv != null && ohlcv.get("manifest") instanceof DocMap manifest ? manifest : new DocMap();
    }

    /**
     * The bytes of each distinct chunk the backtest's manifest names, by name, read from
     * {@code source} (or where its bundle file's {@code store_dir} points, else {@code fallback})
     * and checked against their names' SHA-256.
     */
    static Map<String, byte[]> readChunks(Backtest backtest, Path source, Path fallback, String bundleName) {
        DocMap manifest = manifest(backtest);
        Map<String, byte[]> chunks = new LinkedHashMap<>();
        if (manifest.isEmpty()) {
            return chunks;
        }
        Path from = source != null ? source : defaultSource(backtest, backtest.ohlcvManifestMap().orElseThrow(), fallback);
        for (Map.Entry<String, Object> entry : manifest.entrySet()) {
            String name = chunkName(entry, bundleName);
            if (!chunks.containsKey(name)) {
                chunks.put(name, read(from.resolve(name), name, entry.getKey(), bundleName));
            }
        }
        return chunks;
    }

    /** The bundle to save: {@code ohlcv.store_dir} set to {@code storeDir} when there is a manifest. */
    static Bundle relocate(Backtest backtest, String storeDir) {
        Bundle bundle = backtest.bundle();
        DocMap ohlcv = backtest.ohlcvManifestMap().orElse(null);
        if (manifest(backtest).isEmpty()) {
            return bundle;
        }
        DocMap rewritten = new DocMap(ohlcv);
        rewritten.put("store_dir", storeDir);
        DocMap document = new DocMap(bundle.document());
        document.put("ohlcv", rewritten);
        return new Bundle(bundle.formatVersion(), document, bundle.source().orElse(null), false);
    }

    /** Whether the backtest's OHLCV manifest names any chunk. */
    static boolean hasChunks(Backtest backtest) {
        return !manifest(backtest).isEmpty();
    }

    /** The bundle to save. */
    Bundle bundle() {
        return bundle;
    }

    /**
     * After the bundle is saved: puts back any chunk that vanished meanwhile (a collector that
     * listed the bundles before this one existed), so the saved bundle never misses a chunk.
     */
    void ensurePresent() {
        placed.forEach((name, bytes) -> {
            if (!target.contains(name)) {
                target.putBytes(bytes);
            }
        });
    }

    private static Path defaultSource(Backtest backtest, DocMap ohlcv, Path fallback) {
        Path file = backtest.bundle().source().orElse(null);
        if (file == null || !(ohlcv.get("store_dir") instanceof String dir)) {
            return fallback;
        }
        return file.toAbsolutePath().getParent().resolve(dir).normalize();
    }

    private static String chunkName(Map.Entry<String, Object> entry, String bundleName) {
        String name = entry.getValue() instanceof String s ? s : null;
        if (!ChunkNames.isValid(name)) {
            throw new StoreException(bundleName + ": OHLCV manifest entry '" + entry.getKey() + "': '" + name
                    + "' is not a valid OHLCV chunk name (" + ChunkNames.EXPECTED + ")");
        }
        return name;
    }

    private static byte[] read(Path from, String name, String key, String bundleName) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(from);
        } catch (NoSuchFileException e) {
            throw new StoreException(bundleName + ": OHLCV chunk for '" + key + "' is missing: expected " + from, e);
        } catch (IOException e) {
            throw new StoreException(bundleName + ": cannot read OHLCV chunk " + from + ": " + e.getMessage(), e);
        }
        if (!ChunkNames.forContent(bytes).equals(name)) {
            throw new StoreException(bundleName + ": OHLCV chunk " + from + " for '" + key
                    + "' does not match its name (its content changed); not copied");
        }
        return bytes;
    }
}
