package dev.iafbt.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.internal.io.AtomicFiles;
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
}
