package dev.iafbt.store.object;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything the object-storage store needs from an object store, in one place: atomic PUTs
 * (conditional ones for content-addressed objects), whole and ranged GETs, HEAD, paged listing and
 * batched deletes. Keys are relative to the storage's root ({@code s3://bucket/prefix/}). There
 * is no rename: a PUT is atomic, so writers never need one.
 */
public interface ObjectStorage extends AutoCloseable {
    /** The storage's root as a URI, e.g. {@code s3://bucket/prefix/}, for messages. */
    String root();

    /** The URI of one key, for messages. */
    default String uri(String key) {
        return root() + key;
    }

    /**
     * Stores {@code body} under {@code key} unless something is stored there already
     * ({@code If-None-Match: *}); the server checks the body against {@code sha256Hex} and refuses a
     * corrupted upload.
     *
     * @return true when this call created the object, false when it existed (HTTP 412)
     */
    boolean putIfAbsent(String key, byte[] body, String sha256Hex);

    /** Stores (or replaces) {@code body} under {@code key}, atomically and SHA-256-checked by the server. */
    void put(String key, byte[] body);

    /** The whole object; empty when there is none. */
    Optional<byte[]> get(String key);

    /** Bytes {@code from..from+length-1} (fewer at the object's end); empty when there is no object. */
    Optional<byte[]> getRange(String key, long from, int length);

    /** Size and time of an object; empty when there is none. */
    Optional<ObjectInfo> head(String key);

    /** Every object whose key starts with {@code prefix}, in key order, page by page. */
    void list(String prefix, Consumer<ObjectInfo> each);

    /** Deletes an object; an absent one is fine. */
    void delete(String key);

    /** Deletes many objects in as few requests as the server allows; absent ones are fine. */
    void deleteAll(Collection<String> keys);

    /** Requests and bytes so far (for progress lines and benchmarks). */
    TransferCounters counters();

    @Override
    void close();
}
