package dev.iafbt.index;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How a tiered store's folder is recognised ({@code bundles/} beside {@code index.sqlite} or
 * {@code parquet/}), so the indexer can refuse to index a store's bundles as a plain folder: the
 * store's index already holds one row per handle ({@code a}), and a folder index would add a
 * second one per bundle ({@code a.iafbt}).
 */
public final class TieredLayout {
    public static final String INDEX_FILE = "index.sqlite";
    public static final String BUNDLES_DIR = "bundles";
    public static final String PARQUET_DIR = "parquet";

    private TieredLayout() {
    }

    /** True when {@code root} is a tiered store's root folder. */
    public static boolean isStoreRoot(Path root) {
        return Files.isDirectory(root.resolve(BUNDLES_DIR))
                && (Files.exists(root.resolve(INDEX_FILE)) || Files.isDirectory(root.resolve(PARQUET_DIR)));
    }

    /**
     * The tiered store a folder belongs to: the folder itself when it is a store's root, its
     * parent when it is a store's {@code bundles/} folder or any folder inside it.
     */
    public static Optional<Path> storeOf(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        if (isStoreRoot(absolute)) {
            return Optional.of(absolute);
        }
        for (Path dir = absolute; dir != null; dir = dir.getParent()) {
            if (dir.getFileName() != null && dir.getFileName().toString().equals(BUNDLES_DIR)
                    && dir.getParent() != null && isStoreRoot(dir.getParent())) {
                return Optional.of(dir.getParent());
            }
        }
        return Optional.empty();
    }
}
