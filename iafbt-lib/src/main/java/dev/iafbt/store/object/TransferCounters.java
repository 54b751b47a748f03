package dev.iafbt.store.object;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests made and body bytes moved by an {@link ObjectStorage}, counted as the calls return. The
 * recording methods are public for implementations outside this class loader: {@link S3Runtime}
 * defines its own copy of {@link S3ObjectStorage} next to an isolated AWS SDK, and a class of another
 * loader is in another runtime package, so package-private access would fail there.
 */
public final class TransferCounters {
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong bytesUp = new AtomicLong();
    private final AtomicLong bytesDown = new AtomicLong();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong alreadyThere = new AtomicLong();

    /** One request sent (retries of it are the SDK's and not counted again). */
    public void request() {
        requests.incrementAndGet();
    }

    /** Body bytes a PUT sent. */
    public void uploaded(long bytes) {
        bytesUp.addAndGet(bytes);
    }

    /** Body bytes a GET received. */
    public void downloaded(long bytes) {
        bytesDown.addAndGet(bytes);
    }

    /** A conditional PUT's outcome: created its object, or found it there (412). */
    public void conditionalPut(boolean wasCreated) {
        (wasCreated ? created : alreadyThere).incrementAndGet();
    }

    /** Requests issued (a retried request counts once). */
    public long requests() {
        return requests.get();
    }

    /** Body bytes sent by PUTs. */
    public long bytesUploaded() {
        return bytesUp.get();
    }

    /** Body bytes received by GETs. */
    public long bytesDownloaded() {
        return bytesDown.get();
    }

    /** Conditional PUTs that created their object. */
    public long conditionalCreated() {
        return created.get();
    }

    /** Conditional PUTs refused because the object was there (412). */
    public long conditionalAlreadyThere() {
        return alreadyThere.get();
    }

    @Override
    public String toString() {
        return requests() + " requests, " + bytesUploaded() + " bytes up, " + bytesDownloaded() + " bytes down";
    }
}
