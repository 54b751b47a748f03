package dev.iafbt.check;

import dev.iafbt.bundle.Bundle;
import dev.iafbt.internal.bundle.BundleContainer;
import dev.iafbt.bundle.BundleWriter;
import dev.iafbt.bundle.ReadOptions;
import dev.iafbt.bundle.WriteOptions;
import java.util.Arrays;
import java.util.Optional;

/**
 * Re-encodes a fully read bundle (msgpack, then a fresh zstd frame at the reference's level) and
 * compares the bytes with the file. A difference is explained at two levels: the first differing
 * byte of the file, and, inside the decompressed msgpack, the first differing byte and the
 * document path it falls in; when the msgpack is identical, only the compression differs.
 */
public final class RoundTripCheck {
    /** The name of this check in reports. */
    public static final String NAME = "round trip";

    private RoundTripCheck() {
    }

    /**
     * Empty when re-encoding {@code bundle} (read fully from {@code original}) gives {@code original}
     * back byte for byte; otherwise the explanation, starting with {@code name}.
     */
    public static Optional<String> check(String name, byte[] original, Bundle bundle) {
        return difference(name, original, bundle).map(where -> message(name, where));
    }

    /** The failure message for a difference found by {@link #difference}, possibly for another file with the same bytes. */
    static String message(String name, String difference) {
        return name + ": round trip is not byte-identical: " + difference;
    }

    /** The explanation of the difference, without the file's name (so it can be remembered by content). */
    static Optional<String> difference(String name, byte[] original, Bundle bundle) {
        byte[] again = BundleWriter.encode(bundle, WriteOptions.DEFAULT);
        int fileOffset = Arrays.mismatch(original, again);
        if (fileOffset < 0) {
            return Optional.empty();
        }
        String sizes = " (file " + original.length + " bytes, re-encoded " + again.length + " bytes)";
        String first = "first difference at file offset " + fileOffset + sizes;
        if (fileOffset < BundleContainer.HEADER_SIZE) {
            return Optional.of(first + " in the 8-byte header");
        }
        byte[] originalDoc = BundleContainer.decompress(original, name, ReadOptions.DEFAULT_MAX_DECOMPRESSED_BYTES);
        byte[] againDoc = BundleContainer.decompress(again, name + " (re-encoded)", ReadOptions.DEFAULT_MAX_DECOMPRESSED_BYTES);
        int docOffset = Arrays.mismatch(originalDoc, againDoc);
        if (docOffset < 0) {
            return Optional.of(first + " in the zstd frame only: the msgpack document is identical, so the file was"
                    + " compressed differently (not one frame at zstd level " + BundleContainer.DEFAULT_ZSTD_LEVEL + ")");
        }
        return Optional.of(first + "; the decompressed msgpack document first differs at offset " + docOffset
                + " (of " + originalDoc.length + " bytes), in " + MsgpackPathLocator.pathAt(originalDoc, docOffset)
                + ", so the document is not in canonical encoding");
    }
}
