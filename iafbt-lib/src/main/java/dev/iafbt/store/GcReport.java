package dev.iafbt.store;

import dev.iafbt.ohlcv.OhlcvGc;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What an {@link OhlcvCollector} run found and did.
 *
 * @param root       the store folder
 * @param tiered     whether it was read as a tiered store
 * @param bundles    bundles whose manifests were read (or tried)
 * @param folders    one entry per chunk folder inside the store
 * @param unreadable bundles whose manifest could not be read: while there are any, nothing is deleted
 * @param missing    referenced chunks that are not in their folder (data loss)
 * @param dryRun     whether deleting was left out on purpose
 * @param grace      the grace period used
 */
public record GcReport(Path root, boolean tiered, int bundles, List<Folder> folders, List<Problem> unreadable,
        List<Problem> missing, boolean dryRun, Duration grace) {

    public GcReport {
        folders = List.copyOf(folders);
        unreadable = List.copyOf(unreadable);
        missing = List.copyOf(missing);
    }

    /** A bundle and what is wrong with it. */
    public record Problem(Path bundle, String reason) {
    }

    /**
     * One chunk folder.
     *
     * @param referenced   distinct chunk names the readable bundles reference in it
     * @param deleted      chunks deleted (empty in a dry run or a refusal)
     * @param tempsDeleted stale temp files deleted
     */
    public record Folder(Path dir, OhlcvGc.Plan plan, int referenced, List<String> deleted, List<Path> tempsDeleted) {
    }

    /** True when unreadable bundles stopped every deletion. */
    public boolean refused() {
        return !unreadable.isEmpty();
    }

    public long storedChunks() {
        return folders.stream().mapToLong(f -> f.plan().stored().size()).sum();
    }

    public long storedBytes() {
        return folders.stream().mapToLong(f -> f.plan().storedBytes()).sum();
    }

    public long referencedChunks() {
        return folders.stream().mapToLong(Folder::referenced).sum();
    }

    /** Unreferenced chunks, whether old enough to sweep or not. */
    public long orphanedChunks() {
        return folders.stream().mapToLong(f -> f.plan().sweepable().size() + f.plan().young().size()).sum();
    }

    /** Unreferenced chunks kept because they are younger than the grace period. */
    public long youngOrphans() {
        return folders.stream().mapToLong(f -> f.plan().young().size()).sum();
    }

    public long reclaimableBytes() {
        return folders.stream().mapToLong(f -> f.plan().sweepableBytes()).sum();
    }

    public long reclaimableChunks() {
        return folders.stream().mapToLong(f -> f.plan().sweepable().size()).sum();
    }

    public long deletedChunks() {
        return folders.stream().mapToLong(f -> f.deleted().size()).sum();
    }

    /** Bytes of the chunks actually deleted. */
    public long deletedBytes() {
        long bytes = 0;
        for (Folder folder : folders) {
            java.util.Set<String> gone = new java.util.HashSet<>(folder.deleted());
            for (OhlcvGc.Chunk chunk : folder.plan().sweepable()) {
                bytes += gone.contains(chunk.name()) ? chunk.bytes() : 0;
            }
        }
        return bytes;
    }

    public long staleTemps() {
        return folders.stream().mapToLong(f -> f.plan().staleTemps().size()).sum();
    }

    public long deletedTemps() {
        return folders.stream().mapToLong(f -> f.tempsDeleted().size()).sum();
    }

    /** The one-line summary. */
    public String summary() {
        return String.format(Locale.ROOT, "%,d bundles, %,d chunks stored (%,d bytes), %,d referenced, %,d orphaned"
                + " (%,d within the grace period), %,d missing, %,d unreadable bundles; %s",
                bundles, storedChunks(), storedBytes(), referencedChunks(), orphanedChunks(), youngOrphans(),
                missing.size(), unreadable.size(), outcome());
    }

    private String outcome() {
        if (refused()) {
            return "deleted nothing (unreadable bundles)";
        }
        if (dryRun) {
            return String.format(Locale.ROOT, "dry run: would delete %,d chunks (%,d bytes) and %,d stale temp files",
                    reclaimableChunks(), reclaimableBytes(), staleTemps());
        }
        return String.format(Locale.ROOT, "deleted %,d chunks (%,d bytes) and %,d stale temp files",
                deletedChunks(), deletedBytes(), deletedTemps());
    }
}
