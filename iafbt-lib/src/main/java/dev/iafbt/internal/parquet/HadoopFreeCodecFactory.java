package dev.iafbt.internal.parquet;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page compression for parquet-java without Hadoop's codec machinery.
 *
 * <p>Why: parquet-java's own {@code CodecFactory} routes every compressed codec through Hadoop's
 * {@code CompressionCodec} interfaces and builds a full Hadoop {@code Configuration} for them
 * ({@code ConfigurationUtil.createHadoopConfiguration}), which parses {@code core-default.xml}
 * and so needs woodstox, commons-collections and more at runtime. Plugging
 * this factory into the reader options and the writer builder keeps that whole graph off the
 * classpath, and calling zstd-jni in one shot on arrays is also faster than Hadoop's streams.
 *
 * <p>Supported: ZSTD (what the reference writes), UNCOMPRESSED, SNAPPY (pandas'
 * and pyarrow's default, so a frame saved with a plain {@code to_parquet} still reads) and GZIP.
 * Anything else fails with a message naming the codec.
 */
public final class HadoopFreeCodecFactory implements CompressionCodecFactory {
    /** Supported page codecs, for messages and checks. */
    public static final Set<CompressionCodecName> SUPPORTED = EnumSet.of(CompressionCodecName.UNCOMPRESSED,
            CompressionCodecName.ZSTD, CompressionCodecName.SNAPPY, CompressionCodecName.GZIP);

    /**
     * No real page comes near this (writers cut pages at about 1 MiB); a corrupt page header
     * claiming more must not make us allocate it.
     */
    static final int MAX_PAGE_BYTES = 256 << 20;

    /**
     * Creating a zstd context costs more than decoding a small page, and a bundle has many small
     * pages, so each thread keeps one (a context is not thread-safe; its native memory is ~100 KiB).
     */
    private static final ThreadLocal<ZstdDecompressCtx> ZSTD_CONTEXT = ThreadLocal.withInitial(ZstdDecompressCtx::new);

    private final int zstdLevel;

    /** @param zstdLevel the level ZSTD pages are compressed with (the reference uses 5) */
    public HadoopFreeCodecFactory(int zstdLevel) {
        this.zstdLevel = zstdLevel;
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
        return new Compressor(requireSupported(codecName));
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
        return new Decompressor(requireSupported(codecName));
    }

    @Override
    public void release() {
        // stateless: nothing pooled
    }

    private static CompressionCodecName requireSupported(CompressionCodecName codecName) {
        if (!SUPPORTED.contains(codecName)) {
            throw new UnsupportedOperationException(
                    "compression codec " + codecName + " is not supported (supported: " + SUPPORTED + ")");
        }
        return codecName;
    }

    private final class Compressor implements BytesInputCompressor {
        private final CompressionCodecName codec;

        Compressor(CompressionCodecName codec) {
            this.codec = codec;
        }

        @Override
        @SuppressWarnings("deprecation") // toByteArray: parquet offers no replacement that avoids Hadoop
        public BytesInput compress(BytesInput bytes) throws IOException {
            byte[] raw = bytes.toByteArray();
            switch (codec) {
                case UNCOMPRESSED:
                    return BytesInput.from(raw);
                case ZSTD:
                    return BytesInput.from(Zstd.compress(raw, zstdLevel));
                case SNAPPY:
                    return BytesInput.from(Snappy.compress(raw));
                case GZIP:
                    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
                    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                        gzip.write(raw);
                    }
                    return BytesInput.from(out.toByteArray());
                default:
                    throw new IllegalStateException(codec.name());
            }
        }

        @Override
        public CompressionCodecName getCodecName() {
            return codec;
        }

        @Override
        public void release() {
            // stateless
        }
    }

    private static final class Decompressor implements BytesInputDecompressor {
        private final CompressionCodecName codec;

        Decompressor(CompressionCodecName codec) {
            this.codec = codec;
        }

        @Override
        @SuppressWarnings("deprecation") // toByteBuffer/toByteArray: parquet offers no replacement that avoids Hadoop
        public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
            // pages usually arrive as slices of one heap buffer: decode in place, without a copy
            ByteBuffer buffer = bytes.toByteBuffer();
            if (buffer.hasArray()) {
                return BytesInput.from(decompress(buffer.array(), buffer.arrayOffset() + buffer.position(),
                        buffer.remaining(), decompressedSize));
            }
            byte[] compressed = bytes.toByteArray();
            return BytesInput.from(decompress(compressed, 0, compressed.length, decompressedSize));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
                throws IOException {
            byte[] compressed = new byte[compressedSize];
            input.get(compressed);
            output.put(decompress(compressed, 0, compressedSize, decompressedSize));
        }

        private byte[] decompress(byte[] src, int offset, int length, int expectedSize) throws IOException {
            if (expectedSize < 0 || expectedSize > MAX_PAGE_BYTES) {
                throw new IOException("corrupt page header: uncompressed page size " + expectedSize);
            }
            switch (codec) {
                case UNCOMPRESSED:
                    if (length != expectedSize) {
                        throw new IOException("corrupt page: " + length + " bytes stored, "
                                + expectedSize + " declared");
                    }
                    return offset == 0 && length == src.length ? src
                            : Arrays.copyOfRange(src, offset, offset + length);
                case ZSTD:
                    return unzstd(src, offset, length, expectedSize);
                case SNAPPY:
                    if (Snappy.uncompressedLength(src, offset, length) != expectedSize) {
                        throw new IOException("corrupt SNAPPY page: size differs from the page header");
                    }
                    byte[] unsnapped = new byte[expectedSize];
                    Snappy.uncompress(src, offset, length, unsnapped, 0);
                    return unsnapped;
                case GZIP:
                    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(src, offset, length))) {
                        return readExactly(in, expectedSize);
                    }
                default:
                    throw new IllegalStateException(codec.name());
            }
        }

        private static byte[] unzstd(byte[] src, int offset, int length, int expectedSize) throws IOException {
            byte[] out = new byte[expectedSize];
            int written;
            try {
                written = ZSTD_CONTEXT.get().decompressByteArray(out, 0, expectedSize, src, offset, length);
            } catch (ZstdException e) {
                throw new IOException("corrupt ZSTD page: " + e.getMessage(), e);
            }
            if (written != expectedSize) {
                throw new IOException("corrupt ZSTD page: " + written + " bytes decoded, "
                        + expectedSize + " declared");
            }
            return out;
        }

        private static byte[] readExactly(InputStream in, int size) throws IOException {
            byte[] out = in.readNBytes(size);
            if (out.length != size || in.read() != -1) {
                throw new IOException("corrupt GZIP page: size differs from the page header");
            }
            return out;
        }

        @Override
        public void release() {
            // stateless
        }
    }
}
