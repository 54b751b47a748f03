package dev.iafbt.bundle;

/**
 * A subtree of the document that was skipped, not decoded: a summary-only open keeps the runs,
 * permutation tests and blobs this way. It points into the decompressed document, re-encodes as
 * those exact bytes, and decodes on first use.
 *
 * @param elementCount for an array or map, its element count (read from the header for free);
 *                     -1 for any other kind
 */
public record RawMsgpack(byte[] buffer, int offset, int length, int elementCount, Kind kind) {
    /** The msgpack kind of the skipped value, known from its first byte. */
    public enum Kind { NIL, ARRAY, MAP, OTHER }

    @Override
    public String toString() {
        return "RawMsgpack[" + kind + ", " + length + " bytes"
                + (elementCount >= 0 ? ", " + elementCount + " elements" : "") + "]";
    }
}
