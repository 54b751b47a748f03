package dev.iafbt.bundle;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
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
    /** Compressed bytes handed to zstd per read, so it does not pull in the whole file at once. */
    private static final int INPUT_CHUNK = 16 * 1024;

    private BundleHeadReader() {
    }

    /** The head-only bundle, or empty when the file is not a v2 summary-first bundle. */
    static Optional<Bundle> read(Path path, ReadOptions options) {
        String name = path.toString();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            byte[] start = new byte[(int) Math.min(channel.size(), BundleContainer.HEADER_SIZE + 18)];
            channel.read(ByteBuffer.wrap(start), 0);
            int version = BundleContainer.readVersion(start, name);
            if (version < 2 || start.length <= BundleContainer.HEADER_SIZE) {
                return Optional.empty();
            }
            long contentSize = Zstd.getFrameContentSize(start, BundleContainer.HEADER_SIZE,
                    start.length - BundleContainer.HEADER_SIZE);
            if (contentSize < 0 || contentSize > options.maxDecompressedBytes()) {
                return Optional.empty(); // the full reader reports what is wrong with the frame
            }
            channel.position(BundleContainer.HEADER_SIZE);
            try (ZstdInputStreamNoFinalizer zstd = new ZstdInputStreamNoFinalizer(
                    new ChunkedInput(Channels.newInputStream(channel)))) {
                return decodeGrowingPrefix(zstd, (int) contentSize, version, path);
            }
        } catch (IOException | ZstdException e) {
            return Optional.empty(); // not readable this way: the full reader gives the precise error
        }
    }

    private static Optional<Bundle> decodeGrowingPrefix(InputStream zstd, int contentSize, int version, Path path)
            throws IOException {
        byte[] buffer = new byte[Math.min(contentSize, FIRST_PREFIX)];
        int filled = zstd.readNBytes(buffer, 0, buffer.length);
        while (true) {
            boolean[] summarySeen = {false};
            try {
                DocMap head = MsgpackDecoder.decodeHead(buffer, filled, path.toString(), RUNS_KEYS::contains, key -> {
                    summarySeen[0] |= SUMMARY_KEYS.contains(key);
                    return RUNS_KEYS.contains(key) && !summarySeen[0] || "blobs".equals(key);
                });
                return head == null ? Optional.empty() : Optional.of(Bundle.headOnly(version, head, path));
            } catch (BundleFormatException e) {
                if (filled >= contentSize) {
                    return Optional.empty();
                }
            }
            buffer = Arrays.copyOf(buffer, (int) Math.min(contentSize, (long) buffer.length * 4));
            filled += zstd.readNBytes(buffer, filled, buffer.length - filled);
        }
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
