package dev.iafbt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A killed report leaves its temp file ({@code .report.html.<hex>.tmp}, up to 50 MB); the next
 * report to the same file removes it, but never the temp file of a report still being written
 * (whose writer holds a lock on it).
 */
class ReportTempFilesTest {
    @TempDir
    Path dir;

    @Test
    void theNextReportRemovesAKilledReportsTempFileButNotALiveOne() throws Exception {
        Path output = dir.resolve("out").resolve("report.html");
        Files.createDirectories(output.getParent());
        Path killed = output.resolveSibling(".report.html.3f2a9c01d4e5b6a7.tmp");
        Files.write(killed, new byte[1 << 20]);
        Files.setLastModifiedTime(killed, FileTime.from(Instant.now().minusSeconds(60)));
        Path live = output.resolveSibling(".report.html.00000000000000ff.tmp");
        Path otherFiles = output.resolveSibling(".other.html.3f2a9c01d4e5b6a7.tmp");
        Files.write(otherFiles, new byte[10]);
        Files.setLastModifiedTime(otherFiles, FileTime.from(Instant.now().minusSeconds(60)));

        try (FileChannel writer = FileChannel.open(live, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                FileLock held = writer.lock()) {
            Files.setLastModifiedTime(live, FileTime.from(Instant.now().minusSeconds(60)));
            HtmlReport.write(HtmlReportTest.SWEEP, output, ReportOptions.defaults().withTopK(1));
        }

        assertThat(output).exists();
        assertThat(killed).as("left by a killed report").doesNotExist();
        assertThat(live).as("a report still being written").exists();
        assertThat(otherFiles).as("another file's temp").exists();
    }
}
