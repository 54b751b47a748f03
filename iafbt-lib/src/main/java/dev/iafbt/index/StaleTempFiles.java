package dev.iafbt.index;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Temp files that a killed process left behind. A save or an index rebuild writes
 * {@code .<name>.<hex>.tmp} beside its target and renames it over the target when complete
 * (SQLite adds {@code -wal}, {@code -shm} or {@code -journal} beside a temp index); a process
 * killed in between leaves the temp file. It is never read as a bundle or an index (the walk skips
 * it), but it takes space, so {@code iafbt:index} reports those older than an hour, when no live
 * save can still own them, and removes them on request. Staged indexes with a side lock file are
 * left to the next rebuild, which knows whether their writer is alive ({@code OrphanIndexTemps}).
 */
public final class StaleTempFiles {
    /** Older than this, no save or rebuild still running can own a temp file. */
    public static final Duration DEFAULT_AGE = Duration.ofHours(1);

    private static final Pattern JOURNAL_SUFFIX = Pattern.compile("(-wal|-shm|-journal)$");
    private static final Pattern TEMP_NAME = Pattern.compile("\\..+\\.[0-9a-f]{1,16}\\.tmp(-wal|-shm|-journal)?");

    /** A leftover temp file and its size in bytes. */
    public record StaleTempFile(Path path, long size, Instant modified) {
    }

    private StaleTempFiles() {
    }

    /** Whether a file name has the form of an atomic write's temp file. */
    public static boolean isTempName(String fileName) {
        return TEMP_NAME.matcher(fileName).matches();
    }

    /**
     * The temp files under {@code folder} (recursively; {@code maxDepth} 1 for the folder alone)
     * last modified more than {@code age} before {@code now}, in walk order.
     *
     * @throws IndexException naming the folder when it cannot be walked
     */
    public static List<StaleTempFile> find(Path folder, int maxDepth, Duration age, Instant now) {
        Instant cutoff = now.minus(age);
        List<StaleTempFile> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try {
            Files.walkFileTree(folder, Set.of(), maxDepth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    Instant modified = attrs.lastModifiedTime().toInstant();
                    if (attrs.isRegularFile() && isTempName(file.getFileName().toString())
                            && modified.isBefore(cutoff) && !guardedBySideLock(file)) {
                        found.add(new StaleTempFile(file, attrs.size(), modified));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // an unreadable entry is the walk's business, not ours
                }
            });
        } catch (IOException e) {
            throw new IndexException("cannot look for leftover temp files in " + folder + ": " + e, e);
        }
        return found;
    }

    /**
     * A staged index with a {@link StagingLock} side file may belong to a rebuild running longer
     * than the age; the next rebuild of that index removes it as soon as its lock is free.
     */
    private static boolean guardedBySideLock(Path file) {
        String base = JOURNAL_SUFFIX.matcher(file.getFileName().toString()).replaceFirst("");
        return Files.exists(file.resolveSibling(base + StagingLock.SUFFIX));
    }

    /**
     * Deletes the given files; returns those that could not be deleted (already gone counts as
     * deleted).
     */
    public static List<StaleTempFile> remove(List<StaleTempFile> files) {
        List<StaleTempFile> kept = new ArrayList<>();
        for (StaleTempFile file : files) {
            try {
                Files.deleteIfExists(file.path());
            } catch (IOException e) {
                kept.add(file);
            }
        }
        return kept;
    }
}
