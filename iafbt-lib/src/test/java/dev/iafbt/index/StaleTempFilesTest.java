package dev.iafbt.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.index.StaleTempFiles.StaleTempFile;
import dev.iafbt.internal.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleTempFilesTest {
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    @TempDir
    Path dir;

    private Path file(String relative, Duration age) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[10]);
        Files.setLastModifiedTime(file, FileTime.from(NOW.minus(age)));
        return file;
    }

    @Test
    void findsTempFilesOfSavesAndRebuildsOlderThanTheAgeAnywhereBelow() throws IOException {
        Path oldSave = file("sweep/.algo_1.iafbt.3fa9c0de11aa2b7c.tmp", Duration.ofHours(2));
        Path oldIndexJournal = file(".index.sqlite.9c.tmp-wal", Duration.ofDays(3));
        file("sweep/.algo_2.iafbt.ab12.tmp", Duration.ofMinutes(5)); // a save that may still be running
        file("sweep/algo_1.iafbt", Duration.ofDays(9));
        file("notes.tmp", Duration.ofDays(9));
        file(".hidden.iafbt.not-hex.tmp", Duration.ofDays(9));

        List<StaleTempFile> stale = StaleTempFiles.find(dir, Integer.MAX_VALUE, StaleTempFiles.DEFAULT_AGE, NOW);

        assertThat(stale).extracting(StaleTempFile::path).containsExactlyInAnyOrder(oldSave, oldIndexJournal);
        assertThat(stale).allSatisfy(f -> assertThat(f.size()).isEqualTo(10));
        assertThat(StaleTempFiles.find(dir, 1, StaleTempFiles.DEFAULT_AGE, NOW)).extracting(StaleTempFile::path)
                .containsExactly(oldIndexJournal);
    }

    /**
     * A staged index with a side lock file is the next rebuild's business (it removes it once its
     * lock is free); the hour rule must not delete a rebuild that has run longer than an hour.
     */
    @Test
    void skipsStagedIndexesThatHaveALockFile() throws IOException {
        Path guarded = file(".index.sqlite.7a.tmp", Duration.ofHours(2));
        Path guardedWal = file(".index.sqlite.7a.tmp-wal", Duration.ofHours(2));
        file(".index.sqlite.7a.tmp.lock", Duration.ofHours(2));
        Path unguarded = file(".index.sqlite.7b.tmp", Duration.ofHours(2));

        List<StaleTempFile> stale = StaleTempFiles.find(dir, 1, StaleTempFiles.DEFAULT_AGE, NOW);

        assertThat(stale).extracting(StaleTempFile::path).containsExactly(unguarded)
                .doesNotContain(guarded, guardedWal);
    }

    @Test
    void theNamesAtomicWritesUseAreRecognised() {
        Path temp = AtomicFiles.tempBeside(dir.resolve("x.iafbt"));
        assertThat(StaleTempFiles.isTempName(temp.getFileName().toString())).isTrue();
        assertThat(StaleTempFiles.isTempName(temp.getFileName() + "-journal")).isTrue();
    }

    @Test
    void removeDeletesThemAndReportsNoneKept() throws IOException {
        Path old = file(".a.iafbt.ff.tmp", Duration.ofHours(5));
        List<StaleTempFile> stale = StaleTempFiles.find(dir, 1, StaleTempFiles.DEFAULT_AGE, NOW);
        assertThat(StaleTempFiles.remove(stale)).isEmpty();
        assertThat(old).doesNotExist();
    }
}
