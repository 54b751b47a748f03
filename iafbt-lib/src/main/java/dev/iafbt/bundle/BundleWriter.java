package dev.iafbt.bundle;

import dev.iafbt.internal.bundle.BundleContainer;
import dev.iafbt.internal.bundle.MsgpackEncoder;
import dev.iafbt.internal.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Encodes a bundle and writes it atomically. The document is really re-encoded (msgpack, then a
 * fresh zstd frame); nothing of the original file's bytes is copied, except subtrees a
 * summary-only open never decoded.
 */
public final class BundleWriter {
    private BundleWriter() {
    }

    /** The whole file: header plus one zstd frame. */
    public static byte[] encode(Bundle bundle, WriteOptions options) {
        if (bundle.isHeadOnly()) {
            throw new IllegalStateException(bundle.sourceName() + ": only the head of this bundle was read;"
                    + " open it in full to save it");
        }
        byte[] raw = MsgpackEncoder.encode(bundle.document(), 1 << 20);
        byte[] frame = BundleContainer.compress(raw, options.zstdLevel());
        byte[] file = new byte[BundleContainer.HEADER_SIZE + frame.length];
        System.arraycopy(BundleContainer.header(bundle.formatVersion()), 0, file, 0, BundleContainer.HEADER_SIZE);
        System.arraycopy(frame, 0, file, BundleContainer.HEADER_SIZE, frame.length);
        return file;
    }

    /**
     * Writes to {@code target}, named as the reference names it: an existing
     * directory gets {@code <algorithmId or "backtest">.iafbt}; a path without the suffix gets it
     * appended. Returns the file written. A failure leaves any existing file untouched.
     */
    public static Path write(Bundle bundle, Path target, String algorithmId, WriteOptions options) {
        Path file = resolveTarget(target, algorithmId);
        byte[] bytes = encode(bundle, options);
        try {
            AtomicFiles.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write bundle " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    public static Path resolveTarget(Path target, String algorithmId) {
        if (Files.isDirectory(target)) {
            return target.resolve((algorithmId == null ? "backtest" : algorithmId) + Bundle.EXTENSION);
        }
        String name = target.getFileName().toString();
        return name.endsWith(Bundle.EXTENSION) ? target : target.resolveSibling(name + Bundle.EXTENSION);
    }
}
