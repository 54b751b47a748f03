package dev.iafbt.internal.bundle;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
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

    /**
     * The largest ratio of declared to compressed size accepted for frames above
     * {@link #RATIO_CHECK_FLOOR}; real bundles stay far below it (the reference's compress 5 to 45
     * times), a zstd bomb far above it.
     */
    public static final long MAX_RATIO = 1000;
    /** Frames declaring at most this much are small enough that their ratio does not matter. */
    static final long RATIO_CHECK_FLOOR = 8L * 1024 * 1024;

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
     * Decompresses the first zstd frame after the header without trusting its declared content
     * size: a size above {@code maxDecompressedBytes}, or one implausibly large for the compressed
     * bytes ({@link #MAX_RATIO}), is refused before any work, and the output buffer grows with the
     * bytes the frame really produces ({@link FrameInflater}), so a lying header costs nothing.
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
        checkDeclaredSize(contentSize, length, source, maxDecompressedBytes);
        long frameSize;
        try {
            frameSize = Zstd.findFrameCompressedSize(file, HEADER_SIZE, length);
        } catch (ZstdException e) {
            throw truncated(source, e);
        }
        if (Zstd.isError(frameSize) || frameSize > length) {
            throw truncated(source, null);
        }
        return FrameInflater.inflate(file, HEADER_SIZE, (int) frameSize, (int) contentSize, source);
    }

    /**
     * Refuses a declared content size above the caller's ceiling, or one more than
     * {@link #MAX_RATIO} times the compressed bytes (a decompression bomb or a lying header):
     * the reference's bundles compress 5 to 45 times.
     */
    public static void checkDeclaredSize(long contentSize, long compressedSize, String source, long maxDecompressedBytes) {
        SizeRefusal refusal = sizeRefusal(contentSize, compressedSize, maxDecompressedBytes);
        if (refusal != null && refusal.tooLarge()) {
            throw new BundleFormatException(source + ": the zstd frame claims " + refusal.what()
                    + " (raise ReadOptions.maxDecompressedBytes if the bundle is genuine)");
        }
        if (refusal != null) {
            // the header of a file cut short still declares the whole content: an interrupted copy
            // is far likelier than an attack, so that is what the message says first
            throw new BundleFormatException(source + ": the file looks cut short (likely an interrupted copy or"
                    + " download; compare its size with the original and copy it again): the zstd frame claims "
                    + refusal.what() + "; otherwise a damaged header or a decompression bomb");
        }
    }

    /** Why a frame of this content and compressed size is refused, with {@code what} in words. */
    public record SizeRefusal(String what, boolean tooLarge) {
    }

    /**
     * The one size rule of the container, for the reader (which refuses such a frame) and for the
     * writer (which refuses to write a file the reader would refuse): null when the sizes pass.
     */
    public static SizeRefusal sizeRefusal(long contentSize, long compressedSize, long maxDecompressedBytes) {
        if (contentSize > maxDecompressedBytes || contentSize > Integer.MAX_VALUE - 16) {
            return new SizeRefusal(contentSize + " decompressed bytes, more than the limit of "
                    + Math.min(maxDecompressedBytes, Integer.MAX_VALUE - 16), true);
        }
        if (contentSize > RATIO_CHECK_FLOOR && contentSize / Math.max(1, compressedSize) >= MAX_RATIO) {
            return new SizeRefusal(contentSize + " decompressed bytes from only " + compressedSize
                    + " compressed bytes, a ratio above " + MAX_RATIO + ":1 that no bundle reaches", false);
        }
        return null;
    }

    private static BundleFormatException truncated(String source, Exception cause) {
        return new BundleFormatException(source + ": truncated or corrupt zstd frame"
                + (cause == null ? "" : " (" + cause.getMessage() + ")")
                + "; a file cut short by an interrupted copy or download is the likeliest cause: copy it again", cause);
    }

    /**
     * One frame, content size recorded, no checksum: what python-zstandard writes.
     *
     * <p>The bytes go through direct buffers, not heap arrays: for a heap array zstd-jni holds a
     * JNI critical section for the whole call, and while any thread is inside one the JVM cannot
     * collect garbage (the GC locker). A zstd-19 frame takes seconds, so every other thread that
     * needed a collection meanwhile stalled: a gate re-encoding bundles on two threads ran on one
     * for most of its time. The frame is the same either way.
     */
    public static byte[] compress(byte[] raw, int level) {
        try (ZstdCompressCtx ctx = new ZstdCompressCtx()) {
            ctx.setLevel(level);
            ctx.setContentSize(true);
            ctx.setChecksum(false);
            ByteBuffer source = ByteBuffer.allocateDirect(raw.length).put(raw).flip();
            ByteBuffer target = ByteBuffer.allocateDirect(Math.toIntExact(Zstd.compressBound(raw.length)));
            int size = ctx.compressDirectByteBuffer(target, 0, target.capacity(), source, 0, raw.length);
            byte[] frame = new byte[size];
            target.get(0, frame);
            return frame;
        }
    }

    public static byte[] header(int version) {
        return ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN)
                .put(MAGIC).putInt(version).array();
    }
}
