package dev.iafbt.store.object;

import dev.iafbt.bundle.RangedBytes;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * An object read from its start by ranged GETs as far as a reader gets: the first request asks for
 * {@value #FIRST_RANGE} bytes, each further one for as much again as is held, so a reader that
 * stops early costs one or two requests and a reader that goes on costs a few doublings.
 */
public final class RangedObject implements RangedBytes {
    /** One request's worth: the head of a summary-first bundle is a few kilobytes. */
    public static final int FIRST_RANGE = 16 * 1024;

    private final ObjectStorage storage;
    private final String key;
    private final long size;
    private byte[] prefix = new byte[0];

    public RangedObject(ObjectStorage storage, String key, long size) {
        this.storage = storage;
        this.key = key;
        this.size = size;
    }

    @Override
    public long size() {
        return size;
    }

    /** The bytes fetched so far. */
    public long fetched() {
        return prefix.length;
    }

    /** The whole object, fetching what is still missing. */
    public byte[] all() throws IOException {
        ensure(size);
        return prefix;
    }

    @Override
    public InputStream openAt(long offset) {
        return new InputStream() {
            private long position = offset;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                if (position >= size) {
                    return -1;
                }
                ensure(Math.min(size, position + len));
                int n = (int) Math.min(len, prefix.length - position);
                System.arraycopy(prefix, (int) position, b, off, n);
                position += n;
                return n;
            }
        };
    }

    private void ensure(long end) throws IOException {
        if (end <= prefix.length) {
            return;
        }
        long target = Math.min(size, Math.max(end, Math.max(FIRST_RANGE, 2L * prefix.length)));
        int have = prefix.length;
        byte[] more = storage.getRange(key, have, (int) (target - have))
                .orElseThrow(() -> new IOException(storage.uri(key) + ": the object vanished while being read"));
        if (more.length != target - have) {
            throw new IOException(storage.uri(key) + ": asked for bytes " + have + ".." + (target - 1) + ", got "
                    + more.length + " (the object changed while being read)");
        }
        byte[] grown = Arrays.copyOf(prefix, (int) target);
        System.arraycopy(more, 0, grown, have, more.length);
        prefix = grown;
    }
}
