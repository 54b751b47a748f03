package dev.iafbt.store;

import dev.iafbt.index.IndexException;
import dev.iafbt.index.StaleTempFiles;
import dev.iafbt.model.Backtest;
import dev.iafbt.store.StoreCheck.Kind;
import dev.iafbt.store.StoreCheck.Problem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link LocalDirStore#verify()} and {@link LocalDirStore#repair()}: what of the tiered store's
 * check means something for a plain folder of bundles. A folder store has no Tier 2 and no journal,
 * and its {@code index.sqlite} is brought up to date by every {@link LocalDirStore#indexRows()}, so
 * three kinds remain: unreadable bundles, chunks a bundle's OHLCV manifest names that are not in the
 * {@code ohlcv/} folder beside it, and temp files of saves that did not finish.
 *
 * <p>A folder store has no store-wide lock to keep writers out while it is checked, so only temp
 * files older than {@link StaleTempFiles#DEFAULT_AGE} count (no running save can own them, the
 * rule of {@code iafbt:index}); a staged index with a side lock file is left to the next rebuild.
 */
final class DirStoreCheck {
    private DirStoreCheck() {
    }

    static StoreCheck run(LocalDirStore store, boolean repair) {
        List<Problem> found = new ArrayList<>();
        List<StaleTempFiles.StaleTempFile> temps;
        try {
            temps = StaleTempFiles.find(store.root(), Integer.MAX_VALUE, StaleTempFiles.DEFAULT_AGE, Instant.now());
        } catch (IndexException e) {
            throw new StoreException(e.getMessage(), e);
        }
        List<StaleTempFiles.StaleTempFile> kept = repair ? StaleTempFiles.remove(temps) : temps;
        List<Problem> repaired = new ArrayList<>();
        for (StaleTempFiles.StaleTempFile temp : temps) {
            Problem problem = new Problem(Kind.TEMP_FILE, null, temp.path(), "temp file of a save that did not finish"
                    + " (last changed " + temp.modified() + ", " + temp.size() + " bytes)");
            (kept.contains(temp) ? found : repaired).add(problem);
        }
        for (String handle : store.handles()) {
            Path file = store.root().resolve(handle);
            Backtest backtest;
            try {
                backtest = Backtest.open(file);
            } catch (RuntimeException e) {
                found.add(new Problem(Kind.UNREADABLE_BUNDLE, handle, file, e.getMessage()));
                continue;
            }
            found.addAll(ChunkPlacement.missingChunks(handle, backtest, store.ohlcvDirectory(handle)));
        }
        return new StoreCheck(store.root().toString(), found, repaired);
    }
}
