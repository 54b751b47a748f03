package dev.iafbt.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.index.SqliteIndex;
import dev.iafbt.testing.ParameterSweepSample;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexMojoTest {
    @TempDir
    Path project;

    private final CapturingLog log = new CapturingLog();
    private IndexMojo mojo;

    @BeforeEach
    void mojo() {
        mojo = new IndexMojo();
        mojo.setLog(log);
        mojo.basedir = project.toFile();
        mojo.bundles = new File("backtests"); // the default, relative to the project
    }

    private Path sweep() {
        ParameterSweepSample.write(project.resolve("backtests"));
        return project.resolve("backtests");
    }

    private long rows(Path index) {
        try (SqliteIndex opened = SqliteIndex.open(index)) {
            return opened.count();
        }
    }

    @Test
    void indexesTheFolderIntoTheDefaultFileAndLogsOneSummary() throws Exception {
        Path folder = sweep();

        mojo.execute();

        Path index = folder.resolve("index.sqlite");
        assertThat(rows(index)).isEqualTo(24);
        assertThat(log.at("INFO")).last().asString()
                .matches("24 indexed, 0 unchanged, 0 removed, 0 failed in \\d+\\.\\d\\d s; index: "
                        + java.util.regex.Pattern.quote(index.toString()));
        assertThat(log.at("WARNING")).isEmpty();
    }

    @Test
    void secondRunIsIncremental() throws Exception {
        sweep();
        mojo.execute();
        mojo.execute();
        assertThat(log.at("INFO")).last().asString().startsWith("0 indexed, 24 unchanged, 0 removed, 0 failed");
    }

    @Test
    void relativeIndexResolvesAgainstTheProjectAndPruneReportsRemovals() throws Exception {
        Path folder = sweep();
        mojo.index = new File("target/iafbt/index.sqlite");
        mojo.execute();
        Files.delete(folder.resolve("sma-crossover-f05-s050-sl2.iafbt"));
        mojo.pruneMissing = true;

        mojo.execute();

        assertThat(rows(project.resolve("target/iafbt/index.sqlite"))).isEqualTo(23);
        assertThat(log.at("INFO")).last().asString().startsWith("0 indexed, 23 unchanged, 1 removed, 0 failed");
    }

    @Test
    void corruptBundleIsWarnedAndTheBuildGoesOn() throws Exception {
        Path folder = sweep();
        Files.writeString(folder.resolve("broken.iafbt"), "not a bundle");

        mojo.execute();

        assertThat(log.at("WARNING")).first().asString()
                .startsWith("Failed to index " + folder.toRealPath().resolve("broken.iafbt") + ": ");
        assertThat(log.at("INFO")).anySatisfy(l -> assertThat(l).startsWith("24 indexed, 0 unchanged, 0 removed, 1 failed"));
        assertThat(log.at("WARNING")).last().asString().contains("-Diafbt.failOnError=true");
    }

    @Test
    void corruptBundleFailsTheBuildWithFailOnErrorAfterAllAreIndexed() throws IOException {
        Path folder = sweep();
        Files.writeString(folder.resolve("broken.iafbt"), "not a bundle");
        mojo.failOnError = true;

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("1 bundle(s) could not be indexed");
        assertThat(rows(folder.resolve("index.sqlite"))).isEqualTo(24);
    }

    @Test
    void missingFolderSaysWhichPropertyToSet() {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("Bundle folder " + project.resolve("backtests") + " does not exist")
                .hasMessageContaining("-Diafbt.bundles=");
    }

    @Test
    void fileAsFolderSaysToPassItsFolder() {
        Path folder = sweep();
        mojo.bundles = folder.resolve("sma-crossover-f05-s050-sl2.iafbt").toFile();
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("is a file").hasMessageContaining("-Diafbt.bundles=" + folder);
    }

    @Test
    void indexThatIsAFolderOrNotSqliteIsRefused() throws IOException {
        sweep();
        mojo.index = Files.createDirectories(project.resolve("out")).toFile();
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("is a folder").hasMessageContaining("-Diafbt.index=");

        Path notes = Files.writeString(project.resolve("notes.txt"), "keep me");
        mojo.index = notes.toFile();
        mojo.rebuild = true;
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("is not an SQLite database").hasMessageContaining("left it alone");
        assertThat(Files.readString(notes)).isEqualTo("keep me");
    }

    @Test
    void indexBelowAFileIsRefused() {
        Path folder = sweep();
        mojo.index = folder.resolve("sma-crossover-f05-s050-sl2.iafbt/index.sqlite").toFile();
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("is a file, not a folder").hasMessageContaining("-Diafbt.index=");
    }

    @Test
    void skipLogsWhyAndDoesNothing() throws Exception {
        mojo.skip = true;
        mojo.execute(); // the folder does not exist: nothing may be checked
        assertThat(log.lines).containsExactly("[INFO] Skipping iafbt:index because property iafbt.skip is set.");
    }

    @Test
    void negativeThreadsAreRefused() {
        mojo.threads = -1;
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("-Diafbt.threads=");
    }

    @Test
    void outsideAProjectRelativePathsUseTheCurrentFolder() {
        mojo.basedir = null;
        assertThat(mojo.resolve(new File("x"))).isEqualTo(Path.of("x").toAbsolutePath());
    }

    @Test
    void progressLinesAreInfo() {
        CapturingLog progressLog = new CapturingLog();
        IndexMojo.MavenIndexListener listener = new IndexMojo.MavenIndexListener(progressLog, true);
        listener.onProgress(new dev.iafbt.index.IndexProgress(5000, 3000, 999, 1, false,
                java.time.Duration.ofSeconds(2)));
        assertThat(progressLog.lines).containsExactly(
                "[INFO] Indexing: 5,000 bundles found so far, 3,000 indexed, 999 unchanged, 1 failed (2,000/s)");
    }
}
