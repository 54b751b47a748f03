package dev.iafbt.index;

/**
 * What the incremental indexer compares to decide whether a bundle changed since it was indexed:
 * {@code st_mtime_ns} and {@code st_size} of the bundle file. Either part
 * is null for rows written without provenance (a v1 file, or the reference's {@code upsert_many}).
 */
public record Provenance(Long mtimeNs, Long size) {

    /**
     * Exact integer equality of both parts, as the reference's {@code is_up_to_date}. A row with
     * NULL provenance never matches, so it is re-ingested.
     */
    public boolean matches(long mtimeNs, long size) {
        return this.mtimeNs != null && this.size != null
                && this.mtimeNs == mtimeNs && this.size == size;
    }
}
