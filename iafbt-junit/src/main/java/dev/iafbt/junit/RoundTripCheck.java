package dev.iafbt.junit;

import dev.iafbt.bundle.Bundle;
import dev.iafbt.bundle.BundleWriter;
import dev.iafbt.bundle.ReadOptions;
import dev.iafbt.bundle.WriteOptions;
import dev.iafbt.internal.bundle.BundleContainer;
import java.util.Optional;

/**
 * Re-encodes a fully read bundle (msgpack, then a fresh zstd frame at the reference's level) and
 * compares the bytes with the file. A difference is explained at two levels: the first differing
 * byte of the file, and, inside the decompressed msgpack, the first differing byte and the
 * document path it falls in; when the msgpack is identical, only the compression differs.
 */
final class RoundTripCheck {
    private RoundTripCheck() {
    }

    /** Empty when the re-encoded bytes equal {@code original}; otherwise the explanation, starting with {@code name}. */
    static Optional<String> check(String name, byte[] original, Bundle bundle) {
        byte[] again = BundleWriter.encode(bundle, WriteOptions.DEFAULT);
        long fileOffset = firstDifference(original, again);
        if (fileOffset < 0) {
            return Optional.empty();
        }
        String sizes = " (file " + original.length + " bytes, re-encoded " + again.length + " bytes)";
        byte[] originalDoc = BundleContainer.decompress(original, name, ReadOptions.DEFAULT_MAX_DECOMPRESSED_BYTES);
        byte[] againDoc = BundleContainer.decompress(again, name + " (re-encoded)", ReadOptions.DEFAULT_MAX_DECOMPRESSED_BYTES);
        long docOffset = firstDifference(originalDoc, againDoc);
        String where;
        if (fileOffset < BundleContainer.HEADER_SIZE) {
            where = "in the 8-byte header";
        } else if (docOffset < 0) {
            where = "in the zstd frame only: the msgpack document is identical, so the file was compressed"
                    + " differently (not one frame at zstd level " + BundleContainer.DEFAULT_ZSTD_LEVEL + ")";
        } else {
            where = "; the decompressed msgpack document first differs at offset " + docOffset
                    + " (of " + originalDoc.length + " bytes), in " + MsgpackPathLocator.pathAt(originalDoc, docOffset)
                    + ", so the document is not in canonical encoding";
        }
        return Optional.of(name + ": round trip is not byte-identical: first difference at file offset "
                + fileOffset + sizes + (where.startsWith(";") ? where : " " + where));
    }

    /** The first index where the arrays differ (a shorter array differs at its length), or -1. */
    static long firstDifference(byte[] a, byte[] b) {
        int mismatch = java.util.Arrays.mismatch(a, b);
        return mismatch;
    }
}
