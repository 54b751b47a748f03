package dev.iafbt.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.internal.io.AtomicFiles;
import dev.iafbt.internal.bundle.BundleContainer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {
    @TempDir
    Path dir;

    @Test
    void failedWriteLeavesTheOldFileAndNoTempFile() throws IOException {
        Path target = dir.resolve("kept.iafbt");
        Files.writeString(target, "old content");
        assertThatThrownBy(() -> AtomicFiles.write(target, channel -> {
            channel.write(ByteBuffer.wrap("half of the new".getBytes()));
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("old content");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void writeReplacesTheWholeFile() throws IOException {
        Path target = dir.resolve("x.iafbt");
        Files.writeString(target, "a much longer old content");
        AtomicFiles.write(target, "new".getBytes());
        assertThat(Files.readString(target)).isEqualTo("new");
    }

    @Test
    void targetNamingFollowsTheReference() throws IOException {
        assertThat(BundleWriter.resolveTarget(dir, "algo_7")).isEqualTo(dir.resolve("algo_7.iafbt"));
        assertThat(BundleWriter.resolveTarget(dir, null)).isEqualTo(dir.resolve("backtest.iafbt"));
        assertThat(BundleWriter.resolveTarget(dir.resolve("x.json"), "a")).isEqualTo(dir.resolve("x.json.iafbt"));
        assertThat(BundleWriter.resolveTarget(dir.resolve("y.iafbt"), "a")).isEqualTo(dir.resolve("y.iafbt"));
    }

    @Test
    void aBundleThatCannotBeWrittenIsTheLibrarysOwnExceptionNamingTheFile() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
        Path target = blocker.resolve("x.iafbt");
        Bundle bundle = Bundle.of(2, new DocMap().with("format_version", 2L).with("algorithm_id", "a"));
        assertThatThrownBy(() -> BundleWriter.write(bundle, target, "a", WriteOptions.DEFAULT))
                .isInstanceOf(BundleWriteException.class)
                .hasMessageStartingWith(target.toString())
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void aFileLargerThanAnyBundleWithinTheLimitIsRefusedBeforeItIsRead() throws IOException {
        Path big = dir.resolve("big.iafbt");
        try (var file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            file.write(BundleContainer.header(2));
            file.setLength(24L * 1024 * 1024); // sparse: costs no disk
        }
        ReadOptions options = ReadOptions.FULL.withMaxDecompressedBytes(1024 * 1024);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        assertThatThrownBy(() -> BundleReader.read(big, options))
                .isInstanceOf(BundleFormatException.class)
                .hasMessageStartingWith(big.toString())
                .hasMessageContaining("25165824 bytes");
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(4L * 1024 * 1024);
    }
}
