package dev.iafbt.store;

import dev.iafbt.internal.io.FolderLock;
import dev.iafbt.model.Backtest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** File-system steps the stores share; failures become {@link StoreException}s naming the path. */
final class StoreFiles {
    static final String BUNDLE_SUFFIX = ".iafbt";

    private StoreFiles() {
    }

    /** Removes a file or folder tree; an absent path is fine. Links are removed, never followed. */
    static void deleteTree(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null && !(e instanceof NoSuchFileException)) {
                        throw e;
                    }
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // removed concurrently: the goal is reached
        } catch (IOException e) {
            throw new StoreException("cannot delete " + path + ": " + e.getMessage(), e);
        }
    }

    /** Regular {@code *.iafbt} files under {@code dir}, as {@code /}-separated relative paths, sorted. */
    static List<String> bundlePaths(Path dir) {
        List<String> paths = new ArrayList<>();
        walk(dir, (file, attrs) -> {
            if (attrs.isRegularFile() && file.getFileName().toString().endsWith(BUNDLE_SUFFIX)) {
                paths.add(relative(dir, file));
            }
        }, null);
        paths.sort(null);
        return paths;
    }

    /** Folders under {@code dir} (itself included) with the given name. */
    static List<Path> foldersNamed(Path dir, String name) {
        List<Path> folders = new ArrayList<>();
        walk(dir, (file, attrs) -> { }, folder -> {
            if (folder.getFileName().toString().equals(name)) {
                folders.add(folder);
            }
        });
        return folders;
    }

    /**
     * Walks a tree that writers change meanwhile: entries that vanish while it is walked (temp
     * files renamed into place, a deleted bundle) are skipped instead of failing the walk, as
     * {@code Files.walk} would. An absent folder is an empty tree.
     */
    private static void walk(Path dir, java.util.function.BiConsumer<Path, BasicFileAttributes> onFile,
            java.util.function.Consumer<Path> onFolder) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attrs) {
                    if (onFolder != null) {
                        onFolder.accept(folder);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    onFile.accept(file, attrs);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new StoreException("cannot list the files under " + dir + ": " + e.getMessage(), e);
        }
    }

    static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /**
     * Opens a store's bundle file.
     *
     * @param shown the handle as the message shows it
     * @param store describes the store for the message, e.g. {@code "tiered store /data/store"}
     */
    static Backtest open(Path file, String handle, String shown, String store, boolean summaryOnly) {
        if (!Files.isRegularFile(file)) {
            throw new HandleNotFoundException(handle, "no backtest '" + shown + "' in " + store + " (expected " + file
                    + ")");
        }
        return summaryOnly ? Backtest.openSummary(file) : Backtest.open(file);
    }

    /**
     * Holds a chunk folder's lock shared, as every writer does from its first chunk to its bundle
     * (the collector holds it exclusive; see {@code OhlcvCollector}).
     */
    static FolderLock.Held lockShared(Path chunkDir) {
        try {
            return FolderLock.shared(chunkDir);
        } catch (UncheckedIOException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    /** {@code st_mtime_ns} and size, as the index's provenance wants them. */
    static long[] mtimeNsAndSize(Path file) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            return new long[] {attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS), attrs.size()};
        } catch (IOException e) {
            throw new StoreException("cannot stat " + file + ": " + e.getMessage(), e);
        }
    }
}
