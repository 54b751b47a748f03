package dev.iafbt.internal.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A readers-writer lock on a folder, held across threads <em>and</em> processes: any number of
 * {@link #shared} holders, or one {@link #exclusive} holder. Writers of a chunk folder hold it
 * shared for a whole write; the garbage collector holds it exclusive from mark to sweep, so it
 * never sees a writer half-way (see docs/stores.md).
 *
 * <p>Across processes it is an advisory OS lock ({@code fcntl} on Linux and macOS,
 * {@code LockFileEx} on Windows) on {@value #LOCK_FILE} in the folder. The OS releases it when the
 * process dies, {@code kill -9} included, so a killed writer never blocks the collector. A second
 * file, {@value #GATE_FILE}, is held briefly by every acquirer and for the whole wait by an
 * exclusive one, so a stream of overlapping writers cannot starve the collector.
 *
 * <p>Inside one JVM the OS lock is taken once on behalf of all threads (Java refuses overlapping
 * locks of one file, and closing any channel of a file drops every lock the JVM holds on it), and a
 * {@link ReentrantReadWriteLock} orders the threads. Shared holds nest in one thread; a thread
 * holding the lock shared must not ask for it exclusive.
 *
 * <p>A folder that cannot be written (a read-only shared store) cannot be locked; nobody can write
 * or delete there either, so the lock is then granted without an OS lock.
 */
public final class FolderLock {
    /** The file the lock is held on, in the locked folder. */
    public static final String LOCK_FILE = ".iafbt-lock";
    /** The turnstile that gives a waiting exclusive holder precedence over new shared ones. */
    public static final String GATE_FILE = ".iafbt-lock-gate";

    private static final ConcurrentMap<Path, FolderLock> LOCKS = new ConcurrentHashMap<>();

    private final Path dir;
    private final ReentrantReadWriteLock threads = new ReentrantReadWriteLock(true);
    private int holders; // threads (shared) or 1 (exclusive) for which the OS lock is held; guarded by this
    private FileChannel channel;
    private FileLock osLock;

    private FolderLock(Path dir) {
        this.dir = dir;
    }

    /** A held lock; {@link #close()} releases it. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Blocks until the folder (created when absent) can be held shared. */
    public static Held shared(Path dir) {
        FolderLock lock = of(dir, true);
        lock.threads.readLock().lock();
        try {
            lock.acquireOs(true);
        } catch (RuntimeException | Error e) {
            lock.threads.readLock().unlock();
            throw e;
        }
        return () -> {
            try {
                lock.releaseOs();
            } finally {
                lock.threads.readLock().unlock();
            }
        };
    }

    /** Blocks until the folder can be held exclusively; an absent folder is held without an OS lock. */
    public static Held exclusive(Path dir) {
        FolderLock lock = of(dir, false);
        lock.threads.writeLock().lock();
        boolean os = Files.isDirectory(lock.dir) && lock.threads.getWriteHoldCount() == 1;
        try {
            if (os) {
                lock.acquireOs(false);
            }
        } catch (RuntimeException | Error e) {
            lock.threads.writeLock().unlock();
            throw e;
        }
        return () -> {
            try {
                if (os) {
                    lock.releaseOs();
                }
            } finally {
                lock.threads.writeLock().unlock();
            }
        };
    }

    /**
     * Holds the folder exclusively only if nobody holds it now (no waiting); null otherwise. For
     * readers that repair a killed writer's leftovers only when no writer can be running.
     */
    public static Held tryExclusive(Path dir) {
        FolderLock lock = of(dir, false);
        if (!lock.threads.writeLock().tryLock()) {
            return null;
        }
        if (!Files.isDirectory(lock.dir) || lock.threads.getWriteHoldCount() > 1) {
            return lock.threads.writeLock()::unlock;
        }
        boolean acquired;
        try {
            acquired = lock.tryAcquireOs();
        } catch (RuntimeException | Error e) {
            lock.threads.writeLock().unlock();
            throw e;
        }
        if (!acquired) {
            lock.threads.writeLock().unlock();
            return null;
        }
        return () -> {
            try {
                lock.releaseOs();
            } finally {
                lock.threads.writeLock().unlock();
            }
        };
    }

    private static FolderLock of(Path dir, boolean create) {
        Path absolute = dir.toAbsolutePath().normalize();
        if (create) {
            try {
                Files.createDirectories(absolute);
            } catch (IOException e) {
                // a read-only store: acquireOs grants the lock without an OS lock
            }
        }
        Path key = absolute;
        try {
            key = absolute.toRealPath(); // one entry per real folder, whatever links lead there
        } catch (IOException e) {
            // absent: the normalized path identifies it
        }
        return LOCKS.computeIfAbsent(key, FolderLock::new);
    }

    private synchronized void acquireOs(boolean shared) {
        if (holders++ > 0) {
            return; // the JVM holds it already (shared); the thread lock orders this thread
        }
        try {
            FileChannel gate = open(GATE_FILE);
            if (gate == null) {
                return;
            }
            try (gate; FileLock turnstile = gate.lock(0, Long.MAX_VALUE, shared)) {
                channel = open(LOCK_FILE);
                if (channel != null) {
                    osLock = channel.lock(0, Long.MAX_VALUE, shared);
                }
            }
        } catch (IOException e) {
            holders--;
            closeChannel();
            throw new UncheckedIOException("cannot lock folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private synchronized boolean tryAcquireOs() {
        if (holders > 0) {
            return false;
        }
        try {
            channel = open(LOCK_FILE);
            if (channel != null) {
                osLock = channel.tryLock(0, Long.MAX_VALUE, false);
                if (osLock == null) {
                    closeChannel();
                    return false;
                }
            }
            holders = 1;
            return true;
        } catch (IOException e) {
            closeChannel();
            throw new UncheckedIOException("cannot lock folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private synchronized void releaseOs() {
        if (--holders == 0) {
            closeChannel(); // closing releases the OS lock
        }
    }

    private void closeChannel() {
        osLock = null;
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock goes with the descriptor either way
            }
            channel = null;
        }
    }

    /** The lock file's channel, or null where the folder cannot be written. */
    private FileChannel open(String name) throws IOException {
        try {
            return FileChannel.open(dir.resolve(name), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
            return null;
        } catch (FileSystemException e) {
            if (e.getMessage() != null && e.getMessage().contains("Read-only file system")) {
                return null;
            }
            if (!Files.isDirectory(dir)) {
                return null; // never created: nothing in it to protect
            }
            throw e;
        }
    }
}
