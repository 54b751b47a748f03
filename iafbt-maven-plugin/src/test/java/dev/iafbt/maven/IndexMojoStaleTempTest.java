package dev.iafbt.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.testing.ParameterSweepSample;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iafbt:index} reports temp files that killed saves left behind, and removes them when asked. */
class IndexMojoStaleTempTest {
    @TempDir
    Path project;

    private final CapturingLog log = new CapturingLog();
    private IndexMojo mojo;
    private Path stale;
    private Path fresh;

    @BeforeEach
    void folderWithLeftovers() throws Exception {
        mojo = new IndexMojo();
        mojo.setLog(log);
        mojo.basedir = project.toFile();
        mojo.bundles = new File("backtests");
        Path folder = project.resolve("backtests");
        ParameterSweepSample.write(folder);
        stale = Files.write(folder.resolve(".sma.iafbt.5be1c0ffee.tmp"), new byte[123]);
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(3))));
        fresh = Files.write(folder.resolve(".sma.iafbt.77.tmp"), new byte[1]);
    }

    @Test
    void leftoversOlderThanAnHourAreWarnedAndKept() throws Exception {
        mojo.execute();
        assertThat(log.at("WARNING")).anySatisfy(line -> assertThat(line).contains(stale.toString(), "123 bytes"));
        assertThat(log.at("WARNING")).last().asString().contains("-Diafbt.removeStaleTemp=true");
        assertThat(log.at("WARNING")).noneSatisfy(line -> assertThat(line).contains(fresh.toString()));
        assertThat(stale).exists();
    }

    @Test
    void removeStaleTempDeletesOnlyTheOldOnes() throws Exception {
        mojo.removeStaleTemp = true;
        mojo.execute();
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        assertThat(log.at("INFO")).last().asString().isEqualTo("Removed 1 leftover temp file(s) older than an hour");
        assertThat(log.at("WARNING")).isEmpty();
    }
}
