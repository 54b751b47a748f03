package dev.iafbt.index;

/**
 * The outcome of auditing one indexed bundle's stored metrics against a fresh v8.10.0
 * recomputation, as iafbt keeps it in its own side table of the index ({@link MetricsAuditTable}).
 * It describes the bundle file with exactly this {@code mtimeNs} and {@code size}: once the file
 * changes, the record no longer applies ({@link #appliesTo}).
 *
 * @param staleValues how many stored values disagree (0: up to date); null when the bundle could
 *                    not be audited, {@code detail} saying why
 * @param detail      the first stale value, or why the audit was not possible; empty when up to date
 */
public record MetricsAuditRecord(String bundlePath, long mtimeNs, long size, Integer staleValues, String detail) {

    /** True when this record was made from the bundle file the index row describes now. */
    public boolean appliesTo(Provenance provenance) {
        return provenance != null && provenance.matches(mtimeNs, size);
    }

    /** True when audited and at least one stored value disagreed. */
    public boolean stale() {
        return staleValues != null && staleValues > 0;
    }
}
