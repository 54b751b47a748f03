package dev.iafbt.index;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temp files of killed rebuilds of one index: a staged {@code .<name>.<hex>.tmp}, SQLite's
 * {@code -wal}/{@code -shm}/{@code -journal} beside it and its {@link StagingLock} side file. A
 * rebuild removes those of its predecessors before it stages, instead of leaving them to the
 * hour-old warning of {@code iafbt:index}.
 *
 * <p>A temp whose side file can be locked belongs to a dead process and goes at once. A temp
 * without side file was staged by a version before the side lock (or its side file was lost); it
 * goes only when none of its files changed for {@link #UNLOCKED_AGE}, since a running rebuild keeps
 * writing its {@code -wal}. The SQLite files themselves are never opened here, only deleted.
 */
final class OrphanIndexTemps {
    /** Between creating and locking its side file a live rebuild's side file is unlocked. */
    static final Duration CREATION_GRACE = Duration.ofSeconds(2);
    /** Untouched this long, a temp without side file has no living writer. */
    static final Duration UNLOCKED_AGE = Duration.ofMinutes(10);

    private static final List<String> SQLITE_SUFFIXES = List.of("", "-wal", "-shm", "-journal");

    private OrphanIndexTemps() {
    }

    /**
     * Removes the orphaned temp files of the index at {@code index}; returns the files removed.
     * Files that cannot be checked or removed stay (a leftover beats a deleted live file).
     */
    static List<Path> removeFor(Path index, Instant now) {
        Path absolute = index.toAbsolutePath();
        Path folder = absolute.getParent();
        List<Path> removed = new ArrayList<>();
        if (folder == null || !Files.isDirectory(folder)) {
            return removed;
        }
        for (Path temp : stagedTemps(folder, absolute.getFileName().toString())) {
            Path side = StagingLock.sideOf(temp);
            if (Files.exists(side)) {
                removeIfUnlocked(temp, side, now, removed);
            } else if (newestChange(temp).isBefore(now.minus(UNLOCKED_AGE))) {
                deleteAll(temp, removed);
            }
        }
        return removed;
    }

    /** The staged temp files ({@code .<name>.<hex>.tmp}) of which any file is in the folder. */
    private static List<Path> stagedTemps(Path folder, String name) {
        Pattern own = Pattern.compile("(" + Pattern.quote("." + name + ".") + "[0-9a-f]{1,16}\\.tmp)"
                + "(-wal|-shm|-journal|" + Pattern.quote(StagingLock.SUFFIX) + ")?");
        Map<String, Path> temps = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                Matcher m = own.matcher(entry.getFileName().toString());
                if (m.matches()) {
                    temps.putIfAbsent(m.group(1), folder.resolve(m.group(1)));
                }
            }
        } catch (IOException e) {
            return List.of(); // cannot list: nothing is removed, the hour-old warning still sees them
        }
        return new ArrayList<>(temps.values());
    }

    private static void removeIfUnlocked(Path temp, Path side, Instant now, List<Path> removed) {
        if (StagingLock.heldHere(side)) {
            return; // staged by this JVM; opening the side file here would drop its lock
        }
        try (FileChannel channel = FileChannel.open(side, StandardOpenOption.WRITE)) {
            if (Files.getLastModifiedTime(side).toInstant().isAfter(now.minus(CREATION_GRACE))) {
                return;
            }
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return; // a living rebuild is filling it
            }
            deleteAll(temp, removed); // while locked, so no one can take the side file meanwhile
            Files.deleteIfExists(side);
            removed.add(side);
        } catch (OverlappingFileLockException | NoSuchFileException e) {
            // held in this JVM, or finished meanwhile
        } catch (IOException e) {
            // cannot tell (no advisory locks here): keep it
        }
    }

    private static Instant newestChange(Path temp) {
        Instant newest = Instant.MIN;
        for (String suffix : SQLITE_SUFFIXES) {
            try {
                Instant modified = Files.getLastModifiedTime(sibling(temp, suffix)).toInstant();
                newest = modified.isAfter(newest) ? modified : newest;
            } catch (IOException e) {
                // absent: does not count
            }
        }
        return newest;
    }

    private static void deleteAll(Path temp, List<Path> removed) {
        for (String suffix : SQLITE_SUFFIXES) {
            Path file = sibling(temp, suffix);
            try {
                if (Files.deleteIfExists(file)) {
                    removed.add(file);
                }
            } catch (IOException e) {
                // stays; the hour-old warning of iafbt:index reports it
            }
        }
    }

    private static Path sibling(Path temp, String suffix) {
        return temp.resolveSibling(temp.getFileName() + suffix);
    }
}
