package dev.iafbt.store;

import dev.iafbt.bundle.Bundle;
import dev.iafbt.bundle.ReadOptions;
import dev.iafbt.internal.bundle.BundleContainer;
import dev.iafbt.internal.bundle.MsgpackEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The bytes of the file a bundle was read from, when they are checked to hold exactly the document
 * about to be saved: same format version, and a decompressed msgpack equal byte for byte to what
 * the writer would compress. A store then saves those bytes as they are instead of compressing the
 * document again at zstd 19 (minutes for a sweep, for an identical file). Anything else (a
 * relocated chunk folder, a changed or vanished source, another layout) is re-encoded.
 */
final class SourceBytes {
    private SourceBytes() {
    }

    /** @param document the document's msgpack, as the writer would encode it */
    static Optional<byte[]> holding(Bundle bundle, byte[] document) {
        Path source = bundle.source().orElse(null);
        if (source == null || bundle.isSummaryOnly() || !Files.isRegularFile(source)) {
            return Optional.empty();
        }
        try {
            byte[] file = Files.readAllBytes(source);
            String name = source.toString();
            if (BundleContainer.readVersion(file, name) != bundle.formatVersion()) {
                return Optional.empty();
            }
            byte[] stored = BundleContainer.decompress(file, name, Math.max(ReadOptions.DEFAULT_MAX_DECOMPRESSED_BYTES,
                    document.length));
            return Arrays.equals(stored, document) ? Optional.of(file) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a source that cannot be re-read now is simply re-encoded
        }
    }

    /** The msgpack the writer encodes for {@code bundle}. */
    static byte[] document(Bundle bundle) {
        return MsgpackEncoder.encode(bundle.document(), 1 << 20);
    }
}
