package dev.iafbt.ohlcv;

import dev.iafbt.internal.chunk.ChunkNames;
import dev.iafbt.internal.io.AtomicFiles;
import dev.iafbt.internal.io.FolderLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The content-addressed OHLCV side store: a folder of {@code <sha256>.parquet} files, each named
 * by the SHA-256 of its own bytes, shared by every bundle beside it.
 *
 * <p>Files are write-once: a name fixes the content, so a {@link #put} whose file already exists
 * only refreshes its modification time, and new files appear atomically (temp file, fsync, rename), so a concurrent
 * reader sees a whole file or none. A put holds the folder's {@link FolderLock} shared, the
 * garbage collector holds it exclusive. Only valid chunk names ({@link ChunkNames#VALID}) are
 * accepted, so no argument can address a file outside the folder.
 */
public final class OhlcvStore {
    private final Path dir;

    /** @param dir the store folder; it need not exist until the first {@link #put} */
    public OhlcvStore(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    /**
     * Stores a frame as the reference does and returns its chunk name.
     *
     * @param float32 store prices and volume as float32 ({@code float32_ohlcv=True})
     */
    public String put(OhlcvFrame frame, boolean float32) {
        return putBytes(OhlcvFrameCodec.write(frame, float32));
    }

    /**
     * Stores ready-made Parquet bytes under their content hash and returns the chunk name. A chunk
     * that is already there gets its modification time refreshed instead: the garbage collector
     * spares chunks younger than its grace period, so an old orphan that a writer is about to
     * reference again cannot be swept before the writer's bundle is saved.
     */
    public String putBytes(byte[] parquet) {
        String name = ChunkNames.forContent(parquet);
        Path target = dir.resolve(name);
        // held shared, so a collection (exclusive) never sweeps this put's temp file or the chunk
        // between the time check and the refresh
        try (FolderLock.Held writing = FolderLock.shared(dir)) {
            if (refreshed(target)) {
                return name;
            }
            AtomicFiles.write(target, parquet);
        } catch (IOException | UncheckedIOException e) {
            throw new OhlcvException("OHLCV store " + dir + ": cannot write " + name + " (" + e + ")", e);
        }
        return name;
    }

    /** True when the file exists and now carries the current time (or cannot be touched: read-only store). */
    private static boolean refreshed(Path chunk) {
        try {
            Files.setLastModifiedTime(chunk, FileTime.fromMillis(System.currentTimeMillis()));
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return Files.exists(chunk); // a read-only shared store: no collector runs beside this writer
        }
    }

    /** Reads a chunk without checking its hash (as the reference does). */
    public OhlcvFrame get(String fileName) {
        return get(fileName, false);
    }

    /**
     * @param verifyHash check that the bytes still hash to the name before decoding
     * @throws OhlcvChunkMissingException  when the file does not exist
     * @throws OhlcvHashMismatchException when verifying and the content changed
     * @throws OhlcvException              for a bad name or an unreadable file
     */
    public OhlcvFrame get(String fileName, boolean verifyHash) {
        Path file = pathOf(fileName);
        byte[] bytes = readChunk(file);
        if (verifyHash) {
            String actual = ChunkNames.sha256Hex(bytes);
            String expected = ChunkNames.hashOf(fileName);
            if (!actual.equals(expected)) {
                throw new OhlcvHashMismatchException("OHLCV chunk " + file + ": content does not match its name"
                        + " (expected SHA-256 " + expected + ", actual " + actual + ")");
            }
        }
        return OhlcvFrameCodec.read(bytes, "OHLCV chunk " + file);
    }

    /** Where a chunk lives (whether or not it exists). */
    public Path pathOf(String fileName) {
        return dir.resolve(OhlcvManifest.requireChunkName(fileName, "OHLCV store " + dir));
    }

    public boolean contains(String fileName) {
        return Files.isRegularFile(pathOf(fileName));
    }

    /**
     * The chunk names present, sorted; other files (temp files of writes under way, strays) are
     * not listed. An absent folder is an empty store.
     */
    public List<String> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (ChunkNames.isValid(name) && Files.isRegularFile(entry)) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new OhlcvException("OHLCV store " + dir + ": cannot list (" + e + ")", e);
        }
        names.sort(null);
        return names;
    }

    private static byte[] readChunk(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new OhlcvChunkMissingException("OHLCV chunk " + file + " does not exist", e);
        } catch (IOException e) {
            throw new OhlcvException("OHLCV chunk " + file + ": cannot read (" + e + ")", e);
        }
    }

    @Override
    public String toString() {
        return "OhlcvStore[" + dir + "]";
    }
}
