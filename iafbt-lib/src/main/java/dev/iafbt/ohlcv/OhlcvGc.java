package dev.iafbt.ohlcv;

import dev.iafbt.internal.chunk.ChunkNames;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Sweep half of a mark-and-sweep clean-up of one chunk folder: the caller marks (collects the
 * chunk names every bundle references, and must stop if any bundle could not be read, see
 * {@code dev.iafbt.store.OhlcvCollector}), {@link #plan} lists the rest, and only an explicit
 * {@link #sweep} deletes.
 *
 * <p>Not safe beside writers on its own: a writer puts (or touches) its chunks before saving the
 * bundle that references them, so such a chunk looks orphaned for a moment. The caller holds the
 * folder's lock exclusive from mark to sweep, as {@code dev.iafbt.store.OhlcvCollector} does,
 * while writers hold it shared ({@link OhlcvStore#putBytes} does). Only chunks whose modification
 * time is before {@code cutoff} (now minus a grace period) are ever planned, and {@link #sweep}
 * checks the time again right before deleting.
 */
public final class OhlcvGc {
    private OhlcvGc() {
    }

    /** A chunk file with its size and modification time. */
    public record Chunk(String name, long bytes, Instant modified) {
    }

    /**
     * What a sweep would do in one folder.
     *
     * @param stored     every chunk in the folder
     * @param sweepable  unreferenced chunks older than the cutoff, sorted by name
     * @param young      unreferenced chunks not older than the cutoff: kept, a writer may be using them
     * @param staleTemps temp files ({@code *.tmp}) older than the cutoff: left by a crashed writer
     */
    public record Plan(List<Chunk> stored, List<Chunk> sweepable, List<Chunk> young, List<Path> staleTemps) {
        public long sweepableBytes() {
            return sweepable.stream().mapToLong(Chunk::bytes).sum();
        }

        public long storedBytes() {
            return stored.stream().mapToLong(Chunk::bytes).sum();
        }
    }

    /** Plans without deleting anything; an absent folder gives an empty plan. */
    public static Plan plan(Path storeDir, Set<String> referenced, Instant cutoff) {
        List<Chunk> stored = new ArrayList<>();
        List<Chunk> sweepable = new ArrayList<>();
        List<Chunk> young = new ArrayList<>();
        List<Path> staleTemps = new ArrayList<>();
        if (!Files.isDirectory(storeDir)) {
            return new Plan(stored, sweepable, young, staleTemps);
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(storeDir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                BasicFileAttributes attrs = attributes(entry);
                if (attrs == null || !attrs.isRegularFile()) {
                    continue;
                }
                Instant modified = attrs.lastModifiedTime().toInstant();
                if (ChunkNames.isValid(name)) {
                    Chunk chunk = new Chunk(name, attrs.size(), modified);
                    stored.add(chunk);
                    if (!referenced.contains(name)) {
                        (modified.isBefore(cutoff) ? sweepable : young).add(chunk);
                    }
                } else if (name.endsWith(".tmp") && modified.isBefore(cutoff)) {
                    staleTemps.add(entry);
                }
            }
        } catch (IOException e) {
            throw new OhlcvException("OHLCV store " + storeDir + ": cannot list (" + e + ")", e);
        }
        stored.sort((a, b) -> a.name().compareTo(b.name()));
        sweepable.sort((a, b) -> a.name().compareTo(b.name()));
        young.sort((a, b) -> a.name().compareTo(b.name()));
        staleTemps.sort(null);
        return new Plan(stored, sweepable, young, staleTemps);
    }

    /**
     * Deletes the given chunks (normally a plan's {@code sweepable}) that are still older than
     * {@code cutoff}; names are validated, so nothing outside the folder can be deleted, and
     * already-absent chunks are skipped.
     *
     * @return the names actually deleted
     */
    public static List<String> sweep(Path storeDir, Collection<String> orphans, Instant cutoff) {
        OhlcvStore store = new OhlcvStore(storeDir);
        List<String> deleted = new ArrayList<>();
        for (String name : orphans) {
            Path file = store.pathOf(name);
            try {
                BasicFileAttributes attrs = attributes(file);
                if (attrs != null && attrs.lastModifiedTime().toInstant().isBefore(cutoff)
                        && Files.deleteIfExists(file)) {
                    deleted.add(name);
                }
            } catch (IOException e) {
                throw new OhlcvException("OHLCV store " + store.dir() + ": cannot delete " + name
                        + " (" + e + "); deleted before it: " + deleted, e);
            }
        }
        return deleted;
    }

    private static BasicFileAttributes attributes(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null; // removed meanwhile
        }
    }
}
