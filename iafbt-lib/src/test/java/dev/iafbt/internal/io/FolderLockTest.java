package dev.iafbt.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers-writer folder lock, between threads and between processes. */
class FolderLockTest {
    @TempDir
    Path dir;

    @Test
    void sharedHoldersCoexistNestAndKeepAnExclusiveOneOut() throws Exception {
        try (FolderLock.Held a = FolderLock.shared(dir); FolderLock.Held nested = FolderLock.shared(dir)) {
            AtomicBoolean otherThreadGotShared = new AtomicBoolean();
            Thread other = new Thread(() -> {
                try (FolderLock.Held b = FolderLock.shared(dir)) {
                    otherThreadGotShared.set(true);
                }
            });
            other.start();
            other.join(10_000);
            assertThat(otherThreadGotShared).isTrue();
            assertThat(FolderLock.tryExclusive(dir)).as("exclusive while shared is held").isNull();
        }
        try (FolderLock.Held alone = FolderLock.tryExclusive(dir)) {
            assertThat(alone).as("exclusive once every shared holder left").isNotNull();
        }
    }

    @Test
    void aSharedHolderWaitsForTheExclusiveOne() throws Exception {
        CountDownLatch gotShared = new CountDownLatch(1);
        Thread writer;
        try (FolderLock.Held exclusive = FolderLock.exclusive(dir)) {
            writer = new Thread(() -> {
                try (FolderLock.Held shared = FolderLock.shared(dir)) {
                    gotShared.countDown();
                }
            });
            writer.start();
            assertThat(gotShared.await(300, TimeUnit.MILLISECONDS)).as("shared granted during exclusive").isFalse();
        }
        assertThat(gotShared.await(10, TimeUnit.SECONDS)).isTrue();
        writer.join(10_000);
    }

    /** A holder killed with SIGKILL ({@code destroyForcibly}) loses its lock: a killed writer blocks nobody. */
    @Test
    void anotherProcessHoldsItSharedUntilItIsKilled() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockHolderMain.class.getName(), dir.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");
            assertThat(FolderLock.tryExclusive(dir)).as("exclusive while another process holds it").isNull();
            try (FolderLock.Held shared = FolderLock.shared(dir)) {
                assertThat(shared).as("shared beside another process's shared hold").isNotNull();
            }
        } finally {
            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        try (FolderLock.Held alone = FolderLock.tryExclusive(dir)) {
            assertThat(alone).as("exclusive after the holder was killed").isNotNull();
        }
    }
}
