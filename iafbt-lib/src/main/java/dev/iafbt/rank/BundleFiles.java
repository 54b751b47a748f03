package dev.iafbt.rank;

import dev.iafbt.internal.index.IndexScan;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** The bundle files a prune considers: the indexer's walk, in the order the reference visits them. */
final class BundleFiles {
    private BundleFiles() {
    }

    /**
     * Every regular {@code *.iafbt} file under {@code folder} (recursive, {@link IndexScan} order),
     * as absolute paths, skipping anything under {@code excluded} (the archive folder). A folder
     * that cannot be read fails the scan: a prune must never act on a partial listing.
     */
    static List<Path> scan(Path folder, Path excluded) throws IOException {
        Path skip = excluded == null ? null : excluded.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        List<IOException> errors = new ArrayList<>();
        try {
            IndexScan.walk(folder, new IndexScan.Visitor() {
                @Override
                public void bundle(Path file, String relative, BasicFileAttributes attrs) {
                    Path absolute = file.toAbsolutePath().normalize();
                    if (skip == null || !absolute.startsWith(skip)) {
                        files.add(absolute);
                    }
                }

                @Override
                public void unreadable(Path path, IOException error) {
                    errors.add(error);
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while listing " + folder);
        }
        if (!errors.isEmpty()) {
            throw errors.get(0);
        }
        return files;
    }
}
