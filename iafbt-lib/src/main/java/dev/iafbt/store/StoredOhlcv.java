package dev.iafbt.store;

import dev.iafbt.bundle.DocMap;
import dev.iafbt.model.Backtest;
import dev.iafbt.ohlcv.OhlcvException;
import dev.iafbt.ohlcv.OhlcvFrames;
import dev.iafbt.ohlcv.OhlcvManifest;
import dev.iafbt.ohlcv.OhlcvStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A stored bundle's OHLCV frames, resolved from the store's chunk folder. */
final class StoredOhlcv {
    private StoredOhlcv() {
    }

    static OhlcvFrames frames(Backtest backtest, Path bundleFile, Path chunkDir) {
        Map<String, String> entries = new LinkedHashMap<>();
        DocMap ohlcv = backtest.ohlcvManifestMap().orElse(null);
        if (ohlcv != null && ohlcv.get("manifest") instanceof DocMap manifest) {
            manifest.forEach((key, name) -> entries.put(key, name instanceof String s ? s : null));
        }
        try {
            // the store folder is given, so store_dir is not followed: the default stands in for it
            OhlcvManifest checked = new OhlcvManifest(OhlcvManifest.DEFAULT_STORE_DIR, entries);
            return new OhlcvFrames(bundleFile, checked, new OhlcvStore(chunkDir), false);
        } catch (OhlcvException e) {
            throw new StoreException("bundle " + bundleFile + ": " + e.getMessage(), e);
        }
    }
}
