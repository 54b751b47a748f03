package dev.iafbt.store;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What an {@link ObjectStoreCollector} run found and did.
 *
 * @param root         the store's URI
 * @param bundles      bundles whose manifests were read (or tried)
 * @param storedChunks chunks under {@code ohlcv/}
 * @param storedBytes  their bytes
 * @param referenced   distinct chunks the readable bundles reference
 * @param leased       distinct chunks live writers' leases name (kept)
 * @param sweepable    unreferenced, unleased chunks older than the grace period
 * @param sweepableBytes their bytes
 * @param young        unreferenced chunks kept because they are younger than the grace period
 * @param missing      {@code "<handle>: <chunk>"} per referenced chunk that is not stored (data loss)
 * @param unreadable   {@code "<handle>: <reason>"} per bundle whose manifest could not be read
 * @param deleted      chunks deleted (none in a dry run or a refusal)
 * @param staleLeases  leases older than the grace period (crashed writers), deleted unless a dry run
 * @param dryRun       whether deleting was left out on purpose
 * @param grace        the grace period used
 */
public record ObjectGcReport(String root, int bundles, int storedChunks, long storedBytes, int referenced, int leased,
        List<String> sweepable, long sweepableBytes, int young, List<String> missing, List<String> unreadable,
        List<String> deleted, int staleLeases, boolean dryRun, Duration grace) {

    public ObjectGcReport {
        sweepable = List.copyOf(sweepable);
        missing = List.copyOf(missing);
        unreadable = List.copyOf(unreadable);
        deleted = List.copyOf(deleted);
    }

    /** True when unreadable bundles stopped every deletion. */
    public boolean refused() {
        return !unreadable.isEmpty();
    }

    /** The one-line summary, worded as the local collector's. */
    public String summary() {
        String outcome = refused() ? "deleted nothing (unreadable bundles)"
                : dryRun ? String.format(Locale.ROOT, "dry run: would delete %,d chunks (%,d bytes) and %,d stale leases",
                        sweepable.size(), sweepableBytes, staleLeases)
                : String.format(Locale.ROOT, "deleted %,d chunks (%,d bytes) and %,d stale leases", deleted.size(),
                        deleted.size() == sweepable.size() ? sweepableBytes : -1, staleLeases);
        return String.format(Locale.ROOT, "%,d bundles, %,d chunks stored (%,d bytes), %,d referenced, %,d leased by"
                + " live writers, %,d orphaned (%,d within the grace period), %,d missing, %,d unreadable bundles; %s",
                bundles, storedChunks, storedBytes, referenced, leased, sweepable.size() + young, young, missing.size(),
                unreadable.size(), outcome);
    }
}
