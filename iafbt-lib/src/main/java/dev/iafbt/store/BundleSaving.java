package dev.iafbt.store;

import dev.iafbt.bundle.Bundle;
import dev.iafbt.bundle.BundleWriteException;
import dev.iafbt.bundle.BundleWriter;
import dev.iafbt.bundle.WriteOptions;
import dev.iafbt.model.Backtest;
import dev.iafbt.ohlcv.OhlcvStore;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The steps both local stores take to save a bundle into a folder of theirs. */
final class BundleSaving {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSSSSS");

    private BundleSaving() {
    }

    /** The reference's default handle: the algorithm id, else {@code backtest_<UTC now>}. */
    static String defaultName(Backtest backtest) {
        String id = backtest.algorithmId();
        return id != null && !id.isEmpty() ? id : "backtest_" + STAMP.format(LocalDateTime.now(ZoneOffset.UTC));
    }

    /**
     * Places the chunks, runs {@code beforeSave} (Tier-2) and saves the bundle atomically; returns
     * the placement so the caller can {@link ChunkPlacement#ensurePresent} after its last step.
     */
    static ChunkPlacement save(Backtest backtest, Path target, Path chunkSource, Path chunkDir,
            java.util.function.Consumer<Backtest> beforeSave) {
        Path folder = target.getParent();
        String storeDir = StoreFiles.relative(folder, chunkDir);
        ChunkPlacement placement = ChunkPlacement.place(backtest, chunkSource, new OhlcvStore(chunkDir), storeDir,
                "bundle " + target);
        Bundle bundle = placement.bundle();
        beforeSave.accept(bundle == backtest.bundle() ? backtest : Backtest.of(bundle));
        try {
            BundleWriter.write(bundle, target, backtest.algorithmId(), WriteOptions.DEFAULT);
        } catch (BundleWriteException e) {
            throw new StoreException(e.getMessage(), e);
        }
        return placement;
    }
}
