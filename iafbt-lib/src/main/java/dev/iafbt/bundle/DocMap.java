package dev.iafbt.bundle;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A msgpack map of the document tree. Keeps insertion order (which is the order the bytes had, so
 * a re-encode reproduces them) and keeps an explicit nil ({@code null} value) distinct from a
 * missing key, because the reference gives the two different meanings.
 *
 * <p>Values are: {@code null} (nil), {@link Boolean}, {@link Long} (every msgpack int in the int64
 * range), {@link java.math.BigInteger} (uint64 above it), {@link Double} (float64), {@link Float}
 * (float32), {@link String} (str), {@code byte[]} (bin), {@link DocList}, {@link DocMap},
 * {@link MsgpackExt} and {@link RawMsgpack} (a subtree not decoded yet).
 */
public final class DocMap extends LinkedHashMap<String, Object> {
    private static final long serialVersionUID = 1L;

    public DocMap() {
        super();
    }

    public DocMap(int expectedSize) {
        super(capacityFor(expectedSize));
    }

    public DocMap(Map<String, ?> source) {
        super(source);
    }

    /** Puts and returns this map, so templates read top to bottom in key order. */
    public DocMap with(String key, Object value) {
        put(key, value);
        return this;
    }

    static int capacityFor(int expectedSize) {
        return expectedSize < 3 ? 4 : (int) (expectedSize / 0.75f) + 1;
    }
}
