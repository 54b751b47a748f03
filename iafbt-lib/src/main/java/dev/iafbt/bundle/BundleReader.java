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
        return read(readFile(path), path, options);
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

    static byte[] readFile(Path path) {
        try {
            if (Files.isDirectory(path)) {
                throw new BundleFormatException(path + ": is a directory, not an .iafbt bundle file");
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new BundleFormatException(path + ": no such bundle file", e);
        } catch (IOException e) {
            throw new BundleFormatException(path + ": cannot read the bundle (" + e + ")", e);
        } catch (OutOfMemoryError e) {
            throw new BundleFormatException(path + ": the file is too large to be a bundle", e);
        }
    }
}
