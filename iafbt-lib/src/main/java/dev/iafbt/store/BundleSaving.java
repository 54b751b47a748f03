package dev.iafbt.store;

import dev.iafbt.bundle.Bundle;
import dev.iafbt.bundle.BundleWriteException;
import dev.iafbt.bundle.BundleWriter;
import dev.iafbt.bundle.WriteOptions;
import dev.iafbt.internal.io.AtomicFiles;
import dev.iafbt.internal.io.FolderLock;
import dev.iafbt.model.Backtest;
import dev.iafbt.ohlcv.OhlcvStore;
import java.io.IOException;
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

    /** Places the backtest's chunks into {@code chunkDir}; the placement's bundle records where they are. */
    static ChunkPlacement place(Backtest backtest, Path target, Path chunkSource, Path chunkDir) {
        String storeDir = StoreFiles.relative(target.getParent(), chunkDir);
        return ChunkPlacement.place(backtest, chunkSource, new OhlcvStore(chunkDir), storeDir, "bundle " + target);
    }

    /**
     * The file to save for {@code bundle}: the bytes of the file it was read from when they are
     * checked to hold the same document (a migration of a bundle whose document needs no change),
     * else the document encoded afresh at zstd 19. Every store writes what this returns.
     *
     * @param target names the file in errors
     */
    static byte[] bytes(Bundle bundle, String target) {
        return SourceBytes.holding(bundle, SourceBytes.document(bundle)).orElseGet(() -> {
            try {
                return BundleWriter.encode(bundle, WriteOptions.DEFAULT);
            } catch (BundleWriteException e) {
                throw new StoreException(target + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * Places the chunks and saves the bundle atomically, holding the chunk folder's lock shared
     * throughout when there are chunks, so a collection never runs between the two (see
     * {@code OhlcvCollector}).
     */
    static void save(Backtest backtest, Path target, Path chunkSource, Path chunkDir) {
        // without chunks nothing here concerns a collector: no lock, and no chunk folder is created
        try (FolderLock.Held writing = ChunkPlacement.hasChunks(backtest) ? StoreFiles.lockShared(chunkDir) : null) {
            ChunkPlacement placement = place(backtest, target, chunkSource, chunkDir);
            Path file = BundleWriter.resolveTarget(target, backtest.algorithmId());
            try {
                AtomicFiles.write(file, bytes(placement.bundle(), file.toString()));
            } catch (IOException e) {
                throw new StoreException(file + ": cannot write the bundle (" + e + "); any earlier file there"
                        + " is unchanged", e);
            }
            placement.ensurePresent();
        }
    }
}
