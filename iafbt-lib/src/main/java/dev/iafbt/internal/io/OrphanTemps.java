package dev.iafbt.internal.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Temp files of {@link AtomicFiles#write} whose writer is gone. A writer holds an exclusive
 * advisory lock on its temp file from the moment it creates it until it is renamed or deleted;
 * the operating system drops the lock when the process dies, also by {@code kill -9}. So a temp
 * file nobody holds a lock on belongs to a dead writer and can be removed at once, not only after
 * an hour as {@code iafbt:index} does for files it cannot know the owner of. A killed
 * {@code iafbt:report} left {@code .report.html.<hex>.tmp} files of up to 50 MB; the next run
 * removes them.
 */
public final class OrphanTemps {
    /**
     * A writer creates its temp file, then locks it: between the two a file is unlocked though
     * live. Younger files are therefore left alone.
     */
    private static final Duration CREATION_GRACE = Duration.ofSeconds(2);

    /**
     * Temp files this JVM is writing. A sweep in this JVM must not even open them: Java file locks
     * belong to the process, and closing any channel on a file releases every lock the process
     * holds on it, after which another process's sweep would delete the live file. The index's
     * staging lock keeps the same kind of list for the same reason.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private OrphanTemps() {
    }

    /** Marks {@code temp} as written by this JVM until {@link #release}; call before it exists. */
    static void hold(Path temp) {
        HELD.add(temp.toAbsolutePath());
    }

    /** Ends {@link #hold}, once the temp file is renamed or deleted. */
    static void release(Path temp) {
        HELD.remove(temp.toAbsolutePath());
    }

    /**
     * Marks a temp file as owned by this (living) process. Best effort: where the file system has
     * no locks (some network mounts) the write goes on, and {@link #removeFor} cannot lock such a
     * file either, so it never removes it.
     */
    static void claim(FileChannel channel) {
        try {
            channel.tryLock();
        } catch (IOException | UnsupportedOperationException e) {
            // no advisory locks here: the temp file is simply not claimable, see above
        }
    }

    /**
     * Removes the temp files of {@code target} ({@code .<name>.<hex>.tmp} beside it) that no
     * living writer holds; returns those removed. Files that cannot be checked or removed stay.
     */
    public static List<Path> removeFor(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        List<Path> removed = new ArrayList<>();
        if (folder == null || !Files.isDirectory(folder)) {
            return removed;
        }
        Pattern own = Pattern.compile(Pattern.quote("." + absolute.getFileName() + ".") + "[0-9a-f]{1,16}\\.tmp");
        Instant youngest = Instant.now().minus(CREATION_GRACE);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder,
                p -> own.matcher(p.getFileName().toString()).matches())) {
            for (Path temp : entries) {
                if (removeIfOrphan(temp, youngest)) {
                    removed.add(temp);
                }
            }
        }
        return removed;
    }

    private static boolean removeIfOrphan(Path temp, Instant youngest) {
        if (HELD.contains(temp.toAbsolutePath())) {
            return false; // written by this JVM; opening it here would drop the writer's lock
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            FileTime modified = Files.getLastModifiedTime(temp);
            if (modified.toInstant().isAfter(youngest)) {
                return false;
            }
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false; // another process is writing it
            }
            Files.deleteIfExists(temp); // while locked, so no writer can claim it meanwhile
            return true;
        } catch (OverlappingFileLockException e) {
            return false; // locked in this very process by other code (its lock is lost with this close)
        } catch (NoSuchFileException e) {
            return false; // finished or removed meanwhile
        } catch (IOException e) {
            return false; // cannot tell; a leftover is better than a deleted live file
        }
    }
}
