package dev.iafbt.index;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Marks a staged index ({@code .<name>.<hex>.tmp}) as being filled by a living process: an
 * exclusive advisory lock on a side file {@code <temp>.lock}, held from before SQLite creates the
 * temp file until it is published or deleted. The OS drops the lock when the process dies, also
 * by {@code kill -9}, so {@link OrphanIndexTemps} can tell a killed rebuild's temp files from a
 * running one's.
 *
 * <p>The lock is on a separate file because SQLite locks its own files with POSIX {@code fcntl}
 * locks, which belong to the process: opening and closing any descriptor of the database from Java
 * would silently drop SQLite's locks. For the same reason, side files held by this JVM are kept in
 * {@link #HELD} and never opened by a sweep in this JVM (closing that channel would drop the lock).
 */
final class StagingLock implements AutoCloseable {
    static final String SUFFIX = ".lock";

    /** Side files this JVM holds; a sweep in this JVM leaves them (and their temps) alone. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path side;
    private final FileChannel channel;

    private StagingLock(Path side, FileChannel channel) {
        this.side = side;
        this.channel = channel;
    }

    /** The side file of a staged index's temp file. */
    static Path sideOf(Path temp) {
        return temp.resolveSibling(temp.getFileName() + SUFFIX);
    }

    static boolean heldHere(Path side) {
        return HELD.contains(side.toAbsolutePath());
    }

    /**
     * Creates and locks the side file of {@code temp}; call before the temp file exists. Where the
     * file system has no advisory locks the side file is still created: a sweep cannot lock it
     * either, so it keeps the temp file.
     *
     * @throws IndexException naming the index when the side file cannot be created
     */
    static StagingLock acquire(Path temp, Path index) {
        Path side = sideOf(temp.toAbsolutePath());
        FileChannel channel;
        try {
            channel = FileChannel.open(side, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IndexException("cannot create the lock file " + side + " of the new index " + index + ": " + e, e);
        }
        HELD.add(side);
        try {
            channel.tryLock();
        } catch (IOException | UnsupportedOperationException e) {
            // no advisory locks on this file system: the side file alone keeps sweeps away, see above
        }
        return new StagingLock(side, channel);
    }

    /** Deletes the side file while still holding its lock, then drops the lock. Best effort. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(side);
        } catch (IOException ignored) {
            // a leftover unlocked side file is swept with its temp files by the next rebuild
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a lock file cannot lose data; the OS drops the lock with the descriptor anyway
        } finally {
            HELD.remove(side);
        }
    }
}
