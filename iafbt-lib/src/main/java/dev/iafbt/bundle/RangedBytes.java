package dev.iafbt.bundle;

import java.io.IOException;
import java.io.InputStream;

/**
 * A bundle's bytes where reading a range costs a request (an object store's ranged GET), for
 * {@link BundleReader#readHead(RangedBytes, String, ReadOptions)}.
 */
public interface RangedBytes {
    /** The whole size in bytes. */
    long size() throws IOException;

    /** The bytes from {@code offset} on; only what is read from the stream needs to be fetched. */
    InputStream openAt(long offset) throws IOException;
}
