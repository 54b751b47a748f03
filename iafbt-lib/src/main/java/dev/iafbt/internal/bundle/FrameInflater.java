package dev.iafbt.internal.bundle;

import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import dev.iafbt.bundle.BundleFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Decompresses one zstd frame so that memory follows the bytes the frame really produces or the
 * file really holds, never only the size its header declares. Frames whose declared size is small
 * ({@link #ONE_SHOT_LIMIT}) or a modest multiple of their compressed size ({@link #ONE_SHOT_RATIO})
 * decompress in one call into an array of the declared size; others stream into a buffer that
 * starts at a few times the compressed size and doubles, capped at the declared size.
 */
public final class FrameInflater {
    /** Up to this declared size one allocation of it is cheap whatever the truth: decode in one call. */
    static final int ONE_SHOT_LIMIT = 4 * 1024 * 1024;
    /**
     * Up to this many times its compressed size, a declared size is trusted for one allocation: a
     * lying header then costs at most that multiple of the file's own bytes, while an honest
     * 11-window bundle (5.6 MB from 0.8 MB) is decoded in one call instead of streamed through a
     * buffer that grows from 3 to 5.6 MB, which was most of a report's allocation and its GC.
     */
    static final int ONE_SHOT_RATIO = 16;
    private static final int MIN_STEP = 256 * 1024;

    private static final ThreadLocal<ZstdDecompressCtx> DECOMPRESSORS =
            ThreadLocal.withInitial(ZstdDecompressCtx::new);

    private FrameInflater() {
    }

    static byte[] inflate(byte[] file, int offset, int frameSize, int declared, String source) {
        if (declared <= ONE_SHOT_LIMIT || declared <= (long) ONE_SHOT_RATIO * frameSize) {
            return oneShot(file, offset, frameSize, declared, source);
        }
        try (InputStream zstd = new ZstdInputStreamNoFinalizer(new ByteArrayInputStream(file, offset, frameSize))) {
            return readFully(zstd, new byte[0], 0, declared, firstStep(frameSize, declared), source);
        } catch (IOException | ZstdException e) {
            throw corrupt(source, e);
        }
    }

    /**
     * Reads the rest of a frame whose first {@code filled} bytes are in {@code prefix}; the result
     * is exactly {@code declared} bytes long or a {@link BundleFormatException}.
     */
    public static byte[] readFully(InputStream zstd, byte[] prefix, int filled, int declared, int firstStep, String source)
            throws IOException {
        byte[] out = prefix.length >= firstStep || prefix.length == declared ? prefix
                : Arrays.copyOf(prefix, Math.min(declared, firstStep));
        while (true) {
            if (filled == out.length) {
                if (filled == declared) {
                    if (zstd.read() >= 0) {
                        throw mismatch(source, "more than", declared);
                    }
                    return out;
                }
                out = Arrays.copyOf(out, (int) Math.min(declared, Math.max(MIN_STEP, 2L * out.length)));
            }
            int read = zstd.read(out, filled, out.length - filled);
            if (read < 0) {
                throw mismatch(source, filled + " bytes, not", declared);
            }
            filled += read;
        }
    }

    public static int firstStep(long compressedSize, int declared) {
        return (int) Math.min(declared, Math.max(MIN_STEP, 4 * compressedSize));
    }

    private static byte[] oneShot(byte[] file, int offset, int frameSize, int declared, String source) {
        byte[] out = new byte[declared];
        try {
            int written = DECOMPRESSORS.get().decompressByteArray(out, 0, out.length, file, offset, frameSize);
            if (written != out.length) {
                throw mismatch(source, written + " bytes, not", declared);
            }
        } catch (ZstdException e) {
            throw corrupt(source, e);
        }
        return out;
    }

    private static BundleFormatException mismatch(String source, String produced, int declared) {
        return new BundleFormatException(source + ": corrupt bundle: the zstd frame decompressed to "
                + produced + " the " + declared + " bytes its header declares");
    }

    private static BundleFormatException corrupt(String source, Exception cause) {
        return new BundleFormatException(source + ": truncated or corrupt zstd frame (" + cause.getMessage() + ")",
                cause);
    }
}
