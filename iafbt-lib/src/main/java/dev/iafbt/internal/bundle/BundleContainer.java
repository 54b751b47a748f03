package dev.iafbt.internal.bundle;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import dev.iafbt.bundle.BundleFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The container bytes: {@code IAFB}, a uint32 little-endian format version, then one
 * zstd frame whose header records the content size. Python's reader needs that size and reads
 * only the first frame, so the writer produces exactly one frame with the size pledged.
 */
public final class BundleContainer {
    public static final byte[] MAGIC = "IAFB".getBytes(StandardCharsets.US_ASCII);
    public static final int HEADER_SIZE = 8;
    /** The newest format this code reads and the one it writes by default. */
    public static final int LATEST_VERSION = 2;
    /** The reference's level. */
    public static final int DEFAULT_ZSTD_LEVEL = 19;

    /** zstd's ZSTD_CONTENTSIZE_UNKNOWN and _ERROR, as zstd-jni returns them (0ULL - 1, 0ULL - 2). */
    private static final long ZSTD_CONTENTSIZE_UNKNOWN = -1L;
    private static final long ZSTD_CONTENTSIZE_ERROR = -2L;

    private static final ThreadLocal<ZstdDecompressCtx> DECOMPRESSORS =
            ThreadLocal.withInitial(ZstdDecompressCtx::new);

    private BundleContainer() {
    }

    /** True when the bytes start with the magic, as the reference's {@code is_bundle_file}. */
    public static boolean hasMagic(byte[] bytes, int length) {
        if (length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks the header and returns the format version, 1 or 2. Version 0 is refused although the
     * reference reads it as v1: it never writes 0, and reading a v2-shaped document down the v1
     * path silently yields an empty backtest.
     */
    public static int readVersion(byte[] file, String source) {
        if (file.length == 0) {
            throw new BundleFormatException(source + ": not an .iafbt bundle (the file is empty)");
        }
        if (!hasMagic(file, file.length)) {
            throw new BundleFormatException(source + ": not an .iafbt bundle (missing IAFB magic bytes"
                    + (file.length < MAGIC.length ? "; the file has only " + file.length + " bytes)" : ")"));
        }
        if (file.length < HEADER_SIZE) {
            throw new BundleFormatException(source + ": truncated bundle: the 8-byte header has only "
                    + file.length + " bytes");
        }
        long version = ByteBuffer.wrap(file, MAGIC.length, 4).order(ByteOrder.LITTLE_ENDIAN).getInt()
                & 0xffffffffL;
        if (version == 0) {
            throw new BundleFormatException(source + ": bundle format version 0 is not a valid version"
                    + " (the writer always records 1 or 2); the header is damaged or was not written by a bundle writer");
        }
        if (version > LATEST_VERSION) {
            throw new BundleFormatException(source + ": unsupported bundle format version " + version
                    + "; iafbt reads versions up to " + LATEST_VERSION);
        }
        return (int) version;
    }

    /**
     * Decompresses the first zstd frame after the header. The content size recorded in the frame
     * is checked against {@code maxDecompressedBytes} before anything is allocated, so a lying
     * header or a decompression bomb costs nothing.
     */
    public static byte[] decompress(byte[] file, String source, long maxDecompressedBytes) {
        int length = file.length - HEADER_SIZE;
        if (length <= 0) {
            throw new BundleFormatException(source + ": truncated bundle: no zstd frame after the header");
        }
        long contentSize = Zstd.getFrameContentSize(file, HEADER_SIZE, length);
        if (contentSize == ZSTD_CONTENTSIZE_ERROR || contentSize < ZSTD_CONTENTSIZE_ERROR) {
            throw new BundleFormatException(source + ": corrupt bundle: the data after the header is not"
                    + " a zstd frame, or is truncated");
        }
        if (contentSize == ZSTD_CONTENTSIZE_UNKNOWN) {
            throw new BundleFormatException(source + ": the zstd frame does not record its content size,"
                    + " which the format requires");
        }
        if (contentSize > maxDecompressedBytes || contentSize > Integer.MAX_VALUE - 16) {
            throw new BundleFormatException(source + ": the zstd frame claims " + contentSize
                    + " decompressed bytes, more than the limit of " + maxDecompressedBytes
                    + " (raise ReadOptions.maxDecompressedBytes if the bundle is genuine)");
        }
        long frameSize;
        try {
            frameSize = Zstd.findFrameCompressedSize(file, HEADER_SIZE, length);
        } catch (ZstdException e) {
            throw truncated(source, e);
        }
        if (Zstd.isError(frameSize) || frameSize > length) {
            throw truncated(source, null);
        }
        byte[] out = new byte[(int) contentSize];
        try {
            int written = DECOMPRESSORS.get().decompressByteArray(out, 0, out.length, file, HEADER_SIZE,
                    (int) frameSize);
            if (written != out.length) {
                throw new BundleFormatException(source + ": corrupt bundle: the zstd frame decompressed to "
                        + written + " bytes, but its header says " + contentSize);
            }
        } catch (ZstdException e) {
            throw truncated(source, e);
        }
        return out;
    }

    private static BundleFormatException truncated(String source, Exception cause) {
        return new BundleFormatException(source + ": truncated or corrupt zstd frame"
                + (cause == null ? "" : " (" + cause.getMessage() + ")"), cause);
    }

    /** One frame, content size recorded, no checksum: what python-zstandard writes. */
    public static byte[] compress(byte[] raw, int level) {
        try (ZstdCompressCtx ctx = new ZstdCompressCtx()) {
            ctx.setLevel(level);
            ctx.setContentSize(true);
            ctx.setChecksum(false);
            return ctx.compress(raw);
        }
    }

    public static byte[] header(int version) {
        return ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN)
                .put(MAGIC).putInt(version).array();
    }
}
