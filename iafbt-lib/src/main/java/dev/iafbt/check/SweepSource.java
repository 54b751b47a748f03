package dev.iafbt.check;

import dev.iafbt.IafbtException;
import dev.iafbt.index.Indexer;
import dev.iafbt.index.IndexRow;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.store.LocalTieredStore;
import dev.iafbt.store.StoreKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One side of a sweep comparison, read as index rows from what a researcher has at hand:
 * <ul>
 *   <li>an index file ({@code .sqlite}), read as it is;</li>
 *   <li>a store in the tiered layout ({@code index.sqlite} beside {@code bundles/}), through its index;</li>
 *   <li>a folder of bundles, whose {@code index.sqlite} is brought up to date first, as
 *       {@code iafbt:rank} does (unchanged bundles are not opened).</li>
 * </ul>
 */
public final class SweepSource {
    private SweepSource() {
    }

    /** What {@code path} was taken for, for log lines. */
    public enum Kind { INDEX_FILE, TIERED_STORE, BUNDLE_FOLDER }

    /** How {@code path} will be read; the message of the exception says what to pass instead. */
    public static Kind kindOf(Path path, String parameter) {
        if (Files.isRegularFile(path)) {
            return Kind.INDEX_FILE;
        }
        if (Files.isDirectory(path)) {
            return Files.isDirectory(path.resolve(LocalTieredStore.BUNDLES_DIR))
                    && Files.isRegularFile(path.resolve(LocalTieredStore.INDEX_FILE)) ? Kind.TIERED_STORE : Kind.BUNDLE_FOLDER;
        }
        throw new IafbtException(parameter + " " + path + " does not exist; pass a folder of .iafbt bundles, an index"
                + " file (.sqlite) or a store folder");
    }

    /** The rows of the sweep at {@code path}. */
    public static List<IndexRow> rows(Path path, String parameter) {
        switch (kindOf(path, parameter)) {
            case INDEX_FILE:
                try (SqliteIndex index = SqliteIndex.openReadOnly(path)) {
                    return index.rows();
                }
            case TIERED_STORE:
                return StoreKind.LOCAL_TIERED.open(path).indexRows();
            default:
                Path index = path.resolve(Indexer.DEFAULT_INDEX_NAME);
                Indexer.builder(path).output(index).build().run();
                try (SqliteIndex opened = SqliteIndex.openReadOnly(index)) {
                    return opened.rows();
                }
        }
    }
}
