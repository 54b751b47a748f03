package dev.iafbt.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuild killed with {@code kill -9} leaves its staged index ({@code .index.sqlite.<hex>.tmp},
 * SQLite's journals and the side lock file); the next rebuild of the same index removes them at
 * once, but never those of a rebuild that is still running in another process.
 */
class IndexTempFilesTest {
    @TempDir
    Path dir;

    @Test
    void theNextRebuildRemovesAKilledRebuildsTempFilesButNotALiveOnes() throws Exception {
        Path index = dir.resolve("index.sqlite");
        Process live = stageInChild(index);
        try {
            List<Path> liveTemps = tempFiles();
            assertThat(liveTemps).as("a staged index, its journal and its lock file")
                    .anyMatch(p -> p.getFileName().toString().endsWith(".tmp"))
                    .anyMatch(p -> p.getFileName().toString().endsWith(".tmp" + StagingLock.SUFFIX));
            ageAll(liveTemps, Duration.ofHours(2)); // older than any grace: only the lock may keep them

            SqliteIndex.create(index).close();

            assertThat(tempFiles()).as("the temp files of a rebuild still running").containsAll(liveTemps);
        } finally {
            live.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        ageAll(tempFiles(), Duration.ofMinutes(1));

        SqliteIndex.create(index).close();

        assertThat(tempFiles()).as("left by the killed rebuild").isEmpty();
        assertThat(index).exists();
    }

    @Test
    void anIncrementalRunRemovesThemToo() throws Exception {
        Path index = dir.resolve("index.sqlite");
        SqliteIndex.create(index).close();
        stageInChild(index).destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        ageAll(tempFiles(), Duration.ofMinutes(1));

        IndexResult result = Indexer.builder(dir).build().run();

        assertThat(result.rebuilt()).as("incremental").isFalse();
        assertThat(tempFiles()).isEmpty();
    }

    /** Temp files of versions without the side lock go once they have not changed for minutes. */
    @Test
    void aTempWithoutLockFileIsRemovedOnlyWhenLongUnchanged() throws Exception {
        Path index = dir.resolve("index.sqlite");
        Path old = dir.resolve(".index.sqlite.00000000000000aa.tmp");
        Path oldWal = dir.resolve(".index.sqlite.00000000000000aa.tmp-wal");
        Path recent = dir.resolve(".index.sqlite.00000000000000bb.tmp");
        Path otherIndex = dir.resolve(".other.sqlite.00000000000000aa.tmp");
        for (Path p : List.of(old, oldWal, recent, otherIndex)) {
            Files.write(p, new byte[16]);
        }
        ageAll(List.of(old, oldWal, otherIndex), OrphanIndexTemps.UNLOCKED_AGE.plusMinutes(1));
        ageAll(List.of(recent), OrphanIndexTemps.UNLOCKED_AGE.minusMinutes(1));

        SqliteIndex.create(index).close();

        assertThat(old).doesNotExist();
        assertThat(oldWal).doesNotExist();
        assertThat(recent).as("may belong to a running rebuild of an older version").exists();
        assertThat(otherIndex).as("another index's temp").exists();
    }

    private Process stageInChild(Path index) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                StagedIndexChild.class.getName(), index.toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!"staged".equals(line)) {
            child.destroyForcibly();
            throw new AssertionError("child did not stage the index: " + line);
        }
        return child;
    }

    private List<Path> tempFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".index.sqlite.")).sorted().toList();
        }
    }

    private static void ageAll(List<Path> files, Duration age) throws IOException {
        FileTime then = FileTime.from(Instant.now().minus(age));
        for (Path file : files) {
            Files.setLastModifiedTime(file, then);
        }
    }
}
