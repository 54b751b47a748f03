package dev.iafbt.bundle;

import dev.iafbt.internal.bundle.BundleContainer;
import dev.iafbt.internal.bundle.Docs;
import dev.iafbt.internal.bundle.MsgpackDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Opens {@code .iafbt} files: header, one zstd frame, one msgpack document. */
public final class BundleReader {
    /** v2: heavy keys at the top level; v1: the same names inside the {@code backtest} map. */
    static final MsgpackDecoder.SkipPolicy SUMMARY_ONLY_POLICY = (depth, parentKey, key) ->
            MsgpackDecoder.HEAVY_KEYS.contains(key) && (depth == 1 || depth == 2 && "backtest".equals(parentKey));

    private BundleReader() {
    }

    public static Bundle read(Path path) {
        return read(path, ReadOptions.FULL);
    }

    public static Bundle read(Path path, ReadOptions options) {
        return read(readFile(path, options.maxDecompressedBytes()), path, options);
    }

    /** Decodes bundle bytes; {@code source} (may be null) is only used to name errors. */
    public static Bundle read(byte[] file, Path source, ReadOptions options) {
        String name = source == null ? "document" : source.toString();
        int version = BundleContainer.readVersion(file, name);
        byte[] raw = BundleContainer.decompress(file, name, options.maxDecompressedBytes());
        return decodeDocument(raw, version, source, options.summaryOnly());
    }

    /** Decodes a decompressed msgpack document. */
    public static Bundle decodeDocument(byte[] raw, int version, Path source, boolean summaryOnly) {
        String name = source == null ? "document" : source.toString();
        Object root = MsgpackDecoder.decode(raw, name,
                summaryOnly ? SUMMARY_ONLY_POLICY : MsgpackDecoder.SkipPolicy.NONE);
        if (!(root instanceof DocMap map)) {
            throw new BundleFormatException(name + ": the bundle document is "
                    + Docs.kindOf(root) + ", but must be a map");
        }
        return new Bundle(version, map, source, summaryOnly);
    }

    /**
     * Reads only the head of a large v2 bundle written summary-first (identity, parameters,
     * summary and run count), decompressing just a prefix of it; a large v2 bundle of another
     * layout comes back summary-only from the same pass. Empty for small or v1 files, or when
     * anything is amiss: the caller then reads it the ordinary way, which reports any error.
     */
    public static Optional<Bundle> readHead(Path path, ReadOptions options) {
        return BundleHeadReader.read(path, options);
    }

    /**
     * {@link #readHead(Path, ReadOptions)} over ranges fetched on demand: a summary-first bundle in
     * an object store costs the few kilobytes of its head, not the whole object.
     *
     * @param name names the bundle in errors (its URI)
     */
    public static Optional<Bundle> readHead(RangedBytes bytes, String name, ReadOptions options) {
        return BundleHeadReader.read(bytes, null, name, options);
    }

    /**
     * The whole file, after checking its size: a frame never compresses to more than its content
     * plus a little framing, so a file larger than the decompression limit (plus that slack) cannot
     * be a bundle within it and is refused before a byte is read.
     */
    static byte[] readFile(Path path, long maxDecompressedBytes) {
        try {
            if (Files.isDirectory(path)) {
                throw new BundleFormatException(path + ": is a directory, not an .iafbt bundle file");
            }
            long size = Files.size(path);
            long limit = Math.min(maxDecompressedBytes + framingSlack(maxDecompressedBytes), Integer.MAX_VALUE - 16L);
            if (size > limit) {
                throw new BundleFormatException(path + ": the file has " + size + " bytes, more than any bundle"
                        + " within the decompression limit of " + maxDecompressedBytes + " bytes can have"
                        + " (raise ReadOptions.maxDecompressedBytes if the bundle is genuine)");
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new BundleFormatException(path + ": no such bundle file", e);
        } catch (IOException e) {
            throw new BundleFormatException(path + ": cannot read the bundle (" + e + ")", e);
        }
    }

    /** Header, frame header and block headers of an incompressible frame: well under 1 % plus 1 KiB. */
    private static long framingSlack(long content) {
        return content / 100 + 1024;
    }
}
