package dev.iafbt.ohlcv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Sweep half of a mark-and-sweep clean-up of a side store: the caller marks (collects the chunk
 * names every bundle's manifest references), {@link #plan} lists the rest, and only an explicit
 * {@link #sweep} deletes. Planning alone is the dry run.
 *
 * <p>Not safe against a bundle being written while the sweep runs: a chunk put for a bundle
 * that is not yet on disk looks orphaned. Run it when no writer is active.
 */
public final class OhlcvGc {
    private OhlcvGc() {
    }

    /** Chunk names in the store that no bundle references, sorted. Deletes nothing. */
    public static List<String> plan(Path storeDir, Set<String> referenced) {
        List<String> orphans = new ArrayList<>();
        for (String name : new OhlcvStore(storeDir).list()) {
            if (!referenced.contains(name)) {
                orphans.add(name);
            }
        }
        return orphans;
    }

    /**
     * Deletes the given chunks (normally a {@link #plan}); names are validated, so nothing
     * outside the store can be deleted. Already-absent chunks are skipped.
     *
     * @return the names actually deleted
     */
    public static List<String> sweep(Path storeDir, Collection<String> orphans) {
        OhlcvStore store = new OhlcvStore(storeDir);
        List<String> deleted = new ArrayList<>();
        for (String name : orphans) {
            Path file = store.pathOf(name);
            try {
                if (Files.deleteIfExists(file)) {
                    deleted.add(name);
                }
            } catch (IOException e) {
                throw new OhlcvException("OHLCV store " + store.dir() + ": cannot delete " + name
                        + " (" + e + "); deleted before it: " + deleted, e);
            }
        }
        return deleted;
    }
}
