package dev.iafbt.bundle;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import dev.iafbt.internal.bundle.BundleContainer;
import dev.iafbt.internal.bundle.FrameInflater;
import dev.iafbt.internal.bundle.MsgpackDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Reads only the head of a v2 bundle written summary-first ({@link WriteOptions#summaryFirst}):
 * identity, parameters, the summary and the run count, stopping at the runs array header. Only
 * a prefix of the file is read and decompressed, so indexing such bundles costs about what
 * reading their first kilobytes costs, whatever their size.
 */
final class BundleHeadReader {
    static final Set<String> SUMMARY_KEYS = Set.of("backtest_summary", "vector_metrics", "event_metrics");
    static final Set<String> RUNS_KEYS = Set.of("backtest_runs", "vector_runs", "event_runs");

    private static final int FIRST_PREFIX = 16 * 1024;
    /** Below this file size a whole read is as cheap as a head read, and simpler. */
    static final long HEAD_READ_MIN_FILE_SIZE = 64 * 1024;
    /** Compressed bytes handed to zstd per read, so it does not pull in the whole file at once. */
    private static final int INPUT_CHUNK = 16 * 1024;

    private BundleHeadReader() {
    }

    /**
     * The head-only bundle of a v2 summary-first file; for a large v2 file of another layout, the
     * summary-only bundle, from the same single pass over the stream. Empty for small files, v1
     * files and anything amiss: the caller then reads the file the ordinary way, which reports
     * any error precisely.
     */
    static Optional<Bundle> read(Path path, ReadOptions options) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return read(new RangedBytes() {
                @Override
                public long size() throws IOException {
                    return channel.size();
                }

                @Override
                public InputStream openAt(long offset) throws IOException {
                    return Channels.newInputStream(channel.position(offset));
                }
            }, path, path.toString(), options);
        } catch (IOException e) {
            return Optional.empty(); // not readable this way: the full reader gives the precise error
        }
    }

    /**
     * Like {@link #read(Path, ReadOptions)} on any source of byte ranges (an object store's ranged
     * GETs): only as much of the source is asked for as the head needs.
     *
     * @param source the file the bundle names as its source, or null
     */
    static Optional<Bundle> read(RangedBytes bytes, Path source, String name, ReadOptions options) {
        try {
            long size = bytes.size();
            if (size < HEAD_READ_MIN_FILE_SIZE) {
                return Optional.empty();
            }
            // not closed: for a file it would close the channel the frame is read from next
            byte[] start = bytes.openAt(0).readNBytes((int) Math.min(size, BundleContainer.HEADER_SIZE + 18));
            int version = BundleContainer.readVersion(start, name);
            if (version < 2 || start.length <= BundleContainer.HEADER_SIZE) {
                return Optional.empty();
            }
            long contentSize = Zstd.getFrameContentSize(start, BundleContainer.HEADER_SIZE,
                    start.length - BundleContainer.HEADER_SIZE);
            if (contentSize < 0) {
                return Optional.empty(); // the full reader reports what is wrong with the frame
            }
            BundleContainer.checkDeclaredSize(contentSize, size - BundleContainer.HEADER_SIZE, name,
                    options.maxDecompressedBytes());
            try (ZstdInputStreamNoFinalizer zstd = new ZstdInputStreamNoFinalizer(
                    new ChunkedInput(bytes.openAt(BundleContainer.HEADER_SIZE)))) {
                return decodeGrowingPrefix(zstd, (int) contentSize, size, version, source, name);
            }
        } catch (IOException | ZstdException | BundleFormatException e) {
            return Optional.empty(); // not readable this way: the full reader gives the precise error
        }
    }

    private static Optional<Bundle> decodeGrowingPrefix(InputStream zstd, int contentSize, long fileSize,
                                                        int version, Path path, String name) throws IOException {
        byte[] buffer = new byte[Math.min(contentSize, FIRST_PREFIX)];
        int filled = zstd.readNBytes(buffer, 0, buffer.length);
        while (true) {
            boolean[] summarySeen = {false};
            DocMap head;
            try {
                head = MsgpackDecoder.decodeHead(buffer, filled, name, RUNS_KEYS::contains, key -> {
                    summarySeen[0] |= SUMMARY_KEYS.contains(key);
                    return RUNS_KEYS.contains(key) && !summarySeen[0] || "blobs".equals(key);
                });
            } catch (BundleFormatException e) {
                if (filled >= contentSize) {
                    return Optional.empty();
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(contentSize, (long) buffer.length * 4));
                int wanted = buffer.length - filled;
                int read = zstd.readNBytes(buffer, filled, wanted);
                if (read < wanted) {
                    return Optional.empty(); // the frame ends before its declared size: a lying header
                }
                filled += read;
                continue; // the prefix ended inside a value: decode again from a longer one
            }
            return Optional.of(head != null ? Bundle.headOnly(version, head, path)
                    : readRest(zstd, buffer, filled, contentSize, fileSize, version, path, name));
        }
    }

    /**
     * Not summary-first: decompress the rest and decode it summary-only. The buffer grows with the
     * bytes produced, never to a declared size the frame does not deliver.
     */
    private static Bundle readRest(InputStream zstd, byte[] prefix, int filled, int contentSize, long fileSize,
                                   int version, Path path, String name) throws IOException {
        byte[] whole = FrameInflater.readFully(zstd, prefix, filled, contentSize,
                FrameInflater.firstStep(fileSize, contentSize), name);
        return BundleReader.decodeDocument(whole, version, path, true);
    }

    /** Hands out at most {@link #INPUT_CHUNK} bytes per read. */
    private static final class ChunkedInput extends InputStream {
        private final InputStream in;

        ChunkedInput(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, Math.min(len, INPUT_CHUNK));
        }
    }
}
