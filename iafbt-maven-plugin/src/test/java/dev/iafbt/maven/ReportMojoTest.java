package dev.iafbt.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.testing.ParameterSweepSample;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportMojoTest {
    @TempDir
    Path project;

    private final CapturingLog log = new CapturingLog();
    private ReportMojo mojo;

    @BeforeEach
    void sweep() {
        ParameterSweepSample.write(project.resolve("backtests"));
        mojo = new ReportMojo();
        mojo.setLog(log);
        mojo.basedir = project.toFile();
        mojo.bundles = new File("backtests");
        mojo.outputDirectory = project.resolve("target/iafbt").toFile();
        mojo.title = "Sweep";
        mojo.topK = 3;
        mojo.focus = "balanced";
        mojo.sizeBudget = 10L << 20;
        mojo.maxPoints = 400;
        mojo.maxTableRows = 500;
    }

    @Test
    void writesTheReportAndLogsWhatItHolds() throws Exception {
        mojo.execute();
        Path report = project.resolve("target/iafbt/report.html");
        assertThat(report).isRegularFile();
        assertThat(log.at("INFO")).singleElement().asString()
                .matches("Wrote .*report\\.html \\([0-9.]+ KB\\): 24 strategies, 3 with a tear sheet, 0 skipped");
        assertThat(Files.readString(report)).contains("<title>Sweep</title>");
    }

    /**
     * The sample sweep's made-up metrics are not what a recomputation gives: stale. Only
     * {@code -Diafbt.audit=true} finds that out (and badges the three tear sheets); without it the
     * report says the sheets went unaudited.
     */
    @Test
    void auditBadgesStaleTearSheetsOnlyWhenAsked() throws Exception {
        Path report = project.resolve("target/iafbt/report.html");
        mojo.execute();
        String unaudited = Files.readString(report);
        assertThat(unaudited).doesNotContain("<span class=\"badge-stale\"")
                .contains("stored metrics of 3 tear sheets were not audited", "-Diafbt.audit=true");

        mojo.audit = true;
        mojo.execute();
        String audited = Files.readString(report);
        assertThat(audited.split("<span class=\"badge-stale\"", -1)).hasSize(3 + 1);
        assertThat(audited).doesNotContain("were not audited");
    }

    @Test
    void aMissingOrEmptyFolderNamesTheParameter() throws Exception {
        mojo.bundles = new File("nope");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("does not exist").hasMessageContaining("Set iafbt.bundles")
                .hasMessageContaining("now nope");
        Files.createDirectories(project.resolve("empty"));
        mojo.bundles = new File("empty");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("holds no .iafbt bundles").hasMessageContaining("Set iafbt.bundles");
        assertThat(mojo.canGenerateReport()).isTrue();
        mojo.bundles = new File("nope");
        assertThat(mojo.canGenerateReport()).as("no report page without a bundle folder").isFalse();
    }

    @Test
    void anOversizedReportFailsNamingWhatToLowerAndIsNotWritten() {
        mojo.sizeBudget = 10_000;
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("over the size budget").hasMessageContaining("iafbt.topK")
                .hasMessageContaining("iafbt.sizeBudget");
        assertThat(project.resolve("target/iafbt/report.html")).doesNotExist();
    }

    @Test
    void aWriteFailureKeepsItsCauseAndAdvisesOnlyTheOutputFolder() throws Exception {
        Path blocked = project.resolve("target/iafbt/report.html");
        Files.createDirectories(blocked);
        Files.writeString(blocked.resolve("keep"), "a folder where the report should go");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("cannot write the report to " + blocked)
                .hasMessageMatching("(?s).*(DirectoryNotEmptyException|Is a directory).*").hasMessageContaining("iafbt.outputDirectory")
                .hasMessageNotContaining("iafbt.bundles");
        try (var left = Files.list(blocked.getParent())) {
            assertThat(left).as("no temp file left").containsExactly(blocked);
        }
    }

    @Test
    void anUnknownFocusIsAParameterError() {
        mojo.focus = "fastest";
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("unknown evaluation focus 'fastest'").hasMessageContaining("iafbt.focus");
    }

    @Test
    void skipWritesNothing() throws Exception {
        mojo.skip = true;
        mojo.execute();
        assertThat(log.at("INFO")).containsExactly("Skipping iafbt:report because property iafbt.skip is set.");
        assertThat(project.resolve("target/iafbt")).doesNotExist();
    }

    @Test
    void asASiteReportItWritesBelowTheSiteFolder() throws Exception {
        mojo.setReportOutputDirectory(project.resolve("target/site").toFile());
        mojo.generate(null, java.util.Locale.ROOT);
        assertThat(project.resolve("target/site/iafbt/report.html")).isRegularFile();
        assertThat(mojo.getOutputName()).isEqualTo("iafbt/report");
        assertThat(mojo.isExternalReport()).isTrue();
    }
}
