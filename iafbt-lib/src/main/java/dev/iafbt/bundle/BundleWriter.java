package dev.iafbt.bundle;

import dev.iafbt.internal.bundle.BundleContainer;
import dev.iafbt.internal.bundle.LargestValue;
import dev.iafbt.internal.bundle.MsgpackEncoder;
import dev.iafbt.internal.io.AtomicFiles;
import java.io.IOException;
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

    /**
     * The whole file: header plus one zstd frame.
     *
     * @throws BundleWriteException when {@link BundleReader} would refuse the file with the default
     *                              {@link ReadOptions} (iafbt never writes what it cannot read)
     */
    public static byte[] encode(Bundle bundle, WriteOptions options) {
        return encode(bundle, options, bundle.sourceName());
    }

    private static byte[] encode(Bundle bundle, WriteOptions options, String target) {
        if (bundle.isHeadOnly()) {
            throw new IllegalStateException(bundle.sourceName() + ": only the head of this bundle was read;"
                    + " open it in full to save it");
        }
        byte[] raw = MsgpackEncoder.encode(bundle.document(), 1 << 20);
        byte[] frame = BundleContainer.compress(raw, options.zstdLevel());
        refuseUnreadable(bundle, raw.length, frame.length, target);
        byte[] file = new byte[BundleContainer.HEADER_SIZE + frame.length];
        System.arraycopy(BundleContainer.header(bundle.formatVersion()), 0, file, 0, BundleContainer.HEADER_SIZE);
        System.arraycopy(frame, 0, file, BundleContainer.HEADER_SIZE, frame.length);
        return file;
    }

    /**
     * Writes to {@code target}, named as the reference names it: an existing
     * directory gets {@code <algorithmId or "backtest">.iafbt}; a path without the suffix gets it
     * appended. Returns the file written. A failure leaves any existing file untouched.
     *
     * @throws BundleWriteException naming the file when it cannot be written
     */
    public static Path write(Bundle bundle, Path target, String algorithmId, WriteOptions options) {
        Path file = resolveTarget(target, algorithmId);
        byte[] bytes = encode(bundle, options, file.toString());
        try {
            AtomicFiles.write(file, bytes);
        } catch (IOException e) {
            throw new BundleWriteException(file + ": cannot write the bundle (" + e + "); any earlier file there"
                    + " is unchanged", e);
        }
        return file;
    }

    /**
     * The reader's size rule, applied before writing: a document of repeated text (a 10 MB id of
     * "abab…") compresses beyond the ratio the reader takes for a decompression bomb.
     */
    private static void refuseUnreadable(Bundle bundle, long rawSize, long frameSize, String target) {
        BundleContainer.SizeRefusal refusal = BundleContainer.sizeRefusal(rawSize, frameSize,
                ReadOptions.DEFAULT_MAX_DECOMPRESSED_BYTES);
        if (refusal != null) {
            String largest = LargestValue.describe(bundle.document());
            throw new BundleWriteException(target + ": not written: Backtest.open would refuse it, its zstd frame"
                    + " holding " + refusal.what() + (refusal.tooLarge() ? "" : " (taken for a decompression bomb)")
                    + (largest.isEmpty() ? "" : "; its largest value is " + largest + ", shorten it"), null);
        }
    }

    public static Path resolveTarget(Path target, String algorithmId) {
        if (Files.isDirectory(target)) {
            return target.resolve((algorithmId == null ? "backtest" : algorithmId) + Bundle.EXTENSION);
        }
        String name = target.getFileName().toString();
        return name.endsWith(Bundle.EXTENSION) ? target : target.resolveSibling(name + Bundle.EXTENSION);
    }
}
