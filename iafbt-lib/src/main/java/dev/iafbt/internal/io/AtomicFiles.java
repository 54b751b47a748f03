package dev.iafbt.internal.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see either the old content or the whole new content, never a
 * half-written file: write a temp file in the same folder, fsync it, rename it over the target.
 * A failed write deletes its temp file and leaves the target untouched.
 *
 * <p>The temp name is unique per write ({@code .<name>.<random>.tmp}), unlike the reference's
 * shared {@code <name>.tmp}, so two concurrent writers of the same target cannot trip over each
 * other's temp file.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Body of a write: gets an open channel on the temp file. */
    @FunctionalInterface
    public interface ChannelWriter {
        void writeTo(FileChannel channel) throws IOException;
    }

    public static void write(Path target, byte[]... parts) throws IOException {
        write(target, channel -> {
            for (byte[] part : parts) {
                ByteBuffer buffer = ByteBuffer.wrap(part);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        });
    }

    public static void write(Path target, ChannelWriter body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temp = tempBeside(absolute);
        boolean moved = false;
        OrphanTemps.hold(temp); // until renamed or deleted, so no sweep in this JVM opens it
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                OrphanTemps.claim(channel); // held until closed, also if this process is killed
                body.writeTo(channel);
                channel.force(true);
            }
            moveOver(temp, absolute);
            moved = true;
        } finally {
            try {
                if (!moved) {
                    Files.deleteIfExists(temp);
                }
            } finally {
                OrphanTemps.release(temp);
            }
        }
    }

    /**
     * A fresh temp name in the target's folder, {@code .<name>.<random hex>.tmp}: the same folder
     * so the rename is atomic, a leading dot so listings and bundle walks skip it, and the form
     * {@code iafbt:index} recognises when a killed process left one behind.
     */
    public static Path tempBeside(Path target) {
        Path absolute = target.toAbsolutePath();
        return absolute.resolveSibling("." + absolute.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
    }

    /**
     * Makes a finished temp file the target: fsync it, rename it over the target atomically,
     * then fsync the folder so the rename survives a crash. Readers that have the old file open
     * keep reading the old content; everyone opening it afterwards gets the new one.
     */
    public static void replace(Path temp, Path target) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        moveOver(temp, target.toAbsolutePath());
    }

    private static void moveOver(Path temp, Path absolute) throws IOException {
        try {
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
        }
        fsyncDirectory(absolute.getParent());
    }

    /** Makes the rename itself durable; not every platform lets a directory be opened. */
    private static void fsyncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: Windows and some file systems refuse to open directories
        }
    }
}
