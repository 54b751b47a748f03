package dev.iafbt.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The temp-file sweep of {@link AtomicFiles} writes (the report's) must never drop the lock of a
 * writer in its own JVM: Java file locks belong to the process, and closing any channel on the
 * file releases them, after which another process's sweep would delete the live temp file.
 */
class OrphanTempsTest {
    @TempDir
    Path dir;

    @Test
    void aSweepInTheWritersJvmLeavesItsLockSoAnotherProcessKeepsTheLiveTempFile() throws Exception {
        Path target = dir.resolve("report.html");
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                AtomicFiles.write(target, channel -> {
                    channel.write(ByteBuffer.wrap("<html>".getBytes(StandardCharsets.UTF_8)));
                    writing.countDown();
                    try {
                        assertThat(finish.await(60, TimeUnit.SECONDS)).isTrue();
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                });
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
            Path temp = onlyTempFile();
            // old enough for the sweeps to consider it: only its writer's lock keeps it
            assertThat(sweepInAnotherProcess(target, temp)).as("a sweep in another process").isEqualTo("removed 0");

            assertThat(OrphanTemps.removeFor(target)).as("a sweep in the writer's own JVM").isEmpty();
            assertThat(sweepInAnotherProcess(target, temp)).as("a sweep in another process, after it").isEqualTo("removed 0");
            assertThat(temp).as("the live temp file").exists();
        } finally {
            finish.countDown();
        }
        writer.get(60, TimeUnit.SECONDS);
        assertThat(Files.readString(target)).isEqualTo("<html>");
    }

    @Test
    void aTempFileWhoseWriterIsGoneIsRemoved() throws Exception {
        Path target = dir.resolve("report.html");
        Path left = dir.resolve(".report.html.00000000000000ab.tmp");
        Files.write(left, new byte[10]);
        Files.setLastModifiedTime(left, FileTime.from(Instant.now().minusSeconds(60)));

        assertThat(OrphanTemps.removeFor(target)).containsExactly(left.toAbsolutePath());
        assertThat(left).doesNotExist();
    }

    private Path onlyTempFile() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> temps = files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            assertThat(temps).hasSize(1);
            return temps.get(0);
        }
    }

    private static String sweepInAnotherProcess(Path target, Path temp) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process sweep = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OrphanSweepMain.class.getName(), target.toString(), temp.toString()).redirectErrorStream(true).start();
        assertThat(sweep.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(sweep.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }
}
