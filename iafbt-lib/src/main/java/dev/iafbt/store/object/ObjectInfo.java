package dev.iafbt.store.object;

import java.time.Instant;

/**
 * One stored object as a listing or a HEAD reports it.
 *
 * @param key          the key relative to the storage's prefix
 * @param size         bytes
 * @param lastModified the server's time of the object's last PUT (the GC's grace period counts from it)
 */
public record ObjectInfo(String key, long size, Instant lastModified) {
}
