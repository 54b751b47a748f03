package dev.iafbt.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A frame header that lies about its content size must not cost the memory it claims: memory
 * follows the bytes the frame really produces, and an implausible ratio of declared to
 * compressed size is refused before any work. The bundles are written by iafbt, then their frame
 * header is rewritten.
 */
@Timeout(30)
class DecompressionBombTest {
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    /** An iafbt-written bundle of about 64 KiB that does not compress (random bin payload). */
    private static byte[] incompressibleBundle() {
        return incompressibleBundle(64 * 1024);
    }

    private static byte[] incompressibleBundle(int payloadBytes) {
        byte[] payload = new byte[payloadBytes];
        new Random(8).nextBytes(payload);
        DocMap document = new DocMap().with("format_version", 2L).with("algorithm_id", "bomb")
                .with("payload", payload);
        return BundleWriter.encode(Bundle.of(2, document), WriteOptions.DEFAULT);
    }

    @Test
    void rewrittenHeaderStillReadsWhenItTellsTheTruth() throws IOException {
        byte[] bundle = incompressibleBundle();
        long actual = BundleReader.read(bundle, null, ReadOptions.FULL).document().size();
        Path file = dir.resolve("honest.iafbt");
        byte[] rewritten = FrameHeaders.withDeclaredSize(bundle,
                com.github.luben.zstd.Zstd.getFrameContentSize(bundle, 8, bundle.length - 8));
        Files.write(file, rewritten);
        assertThat(BundleReader.read(file).document().size()).isEqualTo(actual);
    }

    @Test
    void lyingContentSizeCostsOnlyTheBytesReallyProduced() throws IOException {
        byte[] bundle = incompressibleBundle();
        long declared = 48 * MIB; // below the ratio limit for this file, so decompression starts
        Path file = dir.resolve("liar.iafbt");
        Files.write(file, FrameHeaders.withDeclaredSize(bundle, declared));
        long allocated = allocatedByRefusedRead(file);
        assertThat(allocated).as("bytes allocated to read a %d-byte file declaring %d bytes",
                bundle.length, declared).isLessThan(8 * MIB);
    }

    /**
     * A declared size above the small-frame limit but within 16× the frame (the band decoded in one
     * call, as an honest 11-window bundle is): the lie is still a clear error naming the file, and
     * costs at most that multiple of the file's own bytes.
     */
    @Test
    void lyingContentSizeInTheOneCallBandIsAClearErrorBoundedByTheFile() throws IOException {
        byte[] bundle = incompressibleBundle(400 * 1024);
        long declared = 6 * MIB; // over the 4 MiB small-frame limit, under 16x the ~400 KiB frame
        Path file = dir.resolve("band-liar.iafbt");
        Files.write(file, FrameHeaders.withDeclaredSize(bundle, declared));
        long allocated = allocatedByRefusedRead(file);
        assertThat(allocated).as("bytes allocated to read a %d-byte file declaring %d bytes",
                bundle.length, declared).isLessThan(16L * bundle.length + 8 * MIB); // the same 8 MiB slack as above
    }

    /** The bytes this thread allocates reading {@code file}, which must fail with a clear error naming it. */
    private static long allocatedByRefusedRead(Path file) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        assertThatThrownBy(() -> BundleReader.read(file))
                .isInstanceOf(BundleFormatException.class)
                .hasMessageStartingWith(file.toString());
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    @Test
    void implausibleRatioIsABombRefusedUpFront() throws IOException {
        byte[] bundle = incompressibleBundle();
        Path file = dir.resolve("bomb.iafbt");
        Files.write(file, FrameHeaders.withDeclaredSize(bundle, 500 * MIB));
        for (ReadOptions options : new ReadOptions[] {ReadOptions.FULL, ReadOptions.SUMMARY_ONLY}) {
            assertThatThrownBy(() -> BundleReader.read(file, options))
                    .isInstanceOf(BundleFormatException.class)
                    .hasMessageStartingWith(file.toString())
                    .hasMessageContaining("decompression bomb");
            assertThat(BundleReader.readHead(file, options)).isEmpty();
        }
    }

    @Test
    void theHeadReaderDoesNotTrustTheDeclaredSizeEither() throws IOException {
        byte[] bundle = incompressibleBundle();
        Path file = dir.resolve("head-liar.iafbt");
        Files.write(file, FrameHeaders.withDeclaredSize(bundle, 48 * MIB));
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        assertThat(BundleReader.readHead(file, ReadOptions.SUMMARY_ONLY)).isEmpty();
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(8 * MIB);
    }
}
