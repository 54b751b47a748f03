package dev.iafbt.index;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The indexer's optional clean-up, beyond the reference (whose incremental run never deletes a
 * row step 7): drop the rows whose bundle file no longer exists.
 *
 * <p>Only rows the walk did not meet are candidates, and a candidate is removed only when its
 * {@code bundle_path} (relative to the folder, or absolute) names no regular file. So a row written
 * by another mode or tool whose file still exists, for example an absolute path outside the folder
 * or a bundle behind a linked folder, is kept; so is the row of a bundle that failed to read.
 */
final class IndexerPruning {
    private IndexerPruning() {
    }

    /** Removes the missing ones among {@code unseen}; returns how many rows were removed. */
    static long removeMissing(BacktestIndex index, Path root, Collection<String> unseen) {
        List<String> missing = new ArrayList<>();
        for (String bundlePath : unseen) {
            if (!exists(root, bundlePath)) {
                missing.add(bundlePath);
            }
        }
        return missing.isEmpty() ? 0 : index.remove(missing);
    }

    private static boolean exists(Path root, String bundlePath) {
        if (bundlePath == null || bundlePath.isEmpty()) {
            return false;
        }
        try {
            return Files.isRegularFile(root.resolve(bundlePath)); // an absolute path resolves to itself
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
