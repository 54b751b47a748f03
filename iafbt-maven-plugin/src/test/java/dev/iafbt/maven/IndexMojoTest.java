package dev.iafbt.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.index.IndexProgress;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.testing.ParameterSweepSample;
import dev.iafbt.testing.ReferenceFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

@MojoTest
class IndexMojoTest extends GoalTestSupport {
    private Path sweep() {
        return sweep("backtests");
    }

    private Path sweep(String folder) {
        ParameterSweepSample.write(project.resolve(folder));
        return project.resolve(folder);
    }

    private static long rows(Path index) {
        try (SqliteIndex opened = SqliteIndex.openReadOnly(index)) {
            return opened.count();
        }
    }

    @Test
    @InjectMojo(goal = "index")
    void theDescriptorsDefaultsIndexBacktestsIntoItsIndexFile(IndexMojo mojo) throws Exception {
        assertThat(mojo.bundles).isEqualTo(file("backtests")); // Maven resolves a relative File against basedir
        assertThat(mojo.index).isNull();
        assertThat(mojo.basedir).isEqualTo(project.toFile());
        assertThat(mojo.threads).isZero();
        assertThat(mojo.progressSeconds).isEqualTo(2);
        Path folder = sweep();

        mojo.execute();

        Path index = folder.resolve("index.sqlite");
        assertThat(rows(index)).isEqualTo(24);
        assertThat(log.at("INFO")).last().asString()
                .matches("24 indexed, 0 unchanged, 0 removed, 0 failed in \\d+\\.\\d\\d s; index: "
                        + Pattern.quote(index.toString()));
        assertThat(log.at("WARNING")).isEmpty();
    }

    @Test
    @InjectMojo(goal = "index")
    @UserProperty(name = "iafbt.bundles", value = "results")
    @UserProperty(name = "iafbt.index", value = "target/iafbt/index.sqlite")
    @UserProperty(name = "iafbt.threads", value = "2")
    void userPropertiesConfigureTheGoal(IndexMojo mojo) throws Exception {
        sweep("results");
        assertThat(mojo.threads).isEqualTo(2);
        mojo.execute();
        assertThat(rows(project.resolve("target/iafbt/index.sqlite"))).isEqualTo(24);
        assertThat(project.resolve("results/index.sqlite")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "index")
    @MojoParameter(name = "index", value = "${project.build.directory}/iafbt/pom-index.sqlite")
    void pomExpressionsAreInterpolated(IndexMojo mojo) throws Exception {
        sweep();
        mojo.execute();
        assertThat(rows(project.resolve("target/iafbt/pom-index.sqlite"))).isEqualTo(24);
    }

    @Test
    void secondRunIsIncremental(@InjectMojo(goal = "index") IndexMojo first,
            @InjectMojo(goal = "index") IndexMojo second) throws Exception {
        sweep();
        first.execute();
        second.execute();
        assertThat(log.at("INFO")).last().asString().startsWith("0 indexed, 24 unchanged, 0 removed, 0 failed");
    }

    @Test
    @MojoParameter(name = "index", value = "target/iafbt/index.sqlite")
    void relativeIndexResolvesAgainstTheProjectAndPruneReportsRemovals(@InjectMojo(goal = "index") IndexMojo first,
            @InjectMojo(goal = "index") @MojoParameter(name = "pruneMissing", value = "true") IndexMojo pruning)
            throws Exception {
        Path folder = sweep();
        first.execute();
        Files.delete(folder.resolve("sma-crossover-f05-s050-sl2.iafbt"));

        pruning.execute();

        assertThat(rows(project.resolve("target/iafbt/index.sqlite"))).isEqualTo(23);
        assertThat(log.at("INFO")).last().asString().startsWith("0 indexed, 23 unchanged, 1 removed, 0 failed");
    }

    @Test
    void anAuditedIndexFlagsStaleBundlesInList(
            @InjectMojo(goal = "index") @MojoParameter(name = "audit", value = "true") IndexMojo audited,
            @InjectMojo(goal = "list") ListMojo list) throws Exception {
        Path folder = project.resolve("backtests");
        ReferenceFixtures.privateCopy("small-v2.iafbt", folder); // written by an older framework version
        ReferenceFixtures.privateCopy("irregular-event-v2.iafbt", folder); // written by v8.10.0
        list.execute(); // indexes, no audit yet: the reference's columns only
        assertThat(Files.readAllLines(project.resolve("target/iafbt/list.csv")).get(0)).endsWith(",bundle_path");

        audited.execute();

        assertThat(log.at("INFO")).anySatisfy(line -> assertThat(line)
                .startsWith("Metrics audit: 2 bundle(s) audited (1 stale, 0 could not be audited), 0 unchanged"));
        assertThat(log.at("INFO")).anySatisfy(line -> assertThat(line).isEqualTo("Auditing metrics: 2 of 2 bundle(s)"));
        assertThat(log.at("WARNING")).anySatisfy(line -> assertThat(line)
                .startsWith("1 bundle(s) store metrics that differ from a fresh recomputation"));
        list.execute();
        List<String> csv = Files.readAllLines(project.resolve("target/iafbt/list.csv"));
        assertThat(csv.get(0)).endsWith(",bundle_path,stale");
        assertThat(csv).anySatisfy(line -> assertThat(line).endsWith(",small-v2.iafbt,true"))
                .anySatisfy(line -> assertThat(line).endsWith(",irregular-event-v2.iafbt,false"));
    }

    @Test
    @InjectMojo(goal = "index")
    void corruptBundleIsWarnedAndTheBuildGoesOn(IndexMojo mojo) throws Exception {
        Path folder = sweep();
        Files.writeString(folder.resolve("broken.iafbt"), "not a bundle");

        mojo.execute();

        assertThat(log.at("WARNING")).first().asString()
                .startsWith("Failed to index " + folder.toRealPath().resolve("broken.iafbt") + ": ");
        assertThat(log.at("INFO")).anySatisfy(l -> assertThat(l).startsWith("24 indexed, 0 unchanged, 0 removed, 1 failed"));
        assertThat(log.at("WARNING")).last().asString().contains("-Diafbt.failOnError=true");
    }

    @Test
    @InjectMojo(goal = "index")
    @UserProperty(name = "iafbt.failOnError", value = "true")
    void corruptBundleFailsTheBuildWithFailOnErrorAfterAllAreIndexed(IndexMojo mojo) throws IOException {
        Path folder = sweep();
        Files.writeString(folder.resolve("broken.iafbt"), "not a bundle");

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("1 bundle(s) could not be indexed");
        assertThat(rows(folder.resolve("index.sqlite"))).isEqualTo(24);
    }

    @Test
    @InjectMojo(goal = "index")
    void missingFolderSaysWhichPropertyToSet(IndexMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("Bundle folder " + project.resolve("backtests") + " does not exist")
                .hasMessageContaining("-Diafbt.bundles=");
    }

    @Test
    @InjectMojo(goal = "index")
    @UserProperty(name = "iafbt.bundles", value = "backtests/sma-crossover-f05-s050-sl2.iafbt")
    void fileAsFolderSaysToPassItsFolder(IndexMojo mojo) {
        Path folder = sweep();
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("is a file").hasMessageContaining("-Diafbt.bundles=" + folder);
    }

    @Test
    @InjectMojo(goal = "index")
    @UserProperty(name = "iafbt.index", value = "out")
    void indexThatIsAFolderIsRefused(IndexMojo mojo) throws IOException {
        sweep();
        Files.createDirectories(project.resolve("out"));
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("is a folder").hasMessageContaining("-Diafbt.index=" + project.resolve("out/index.sqlite"));
    }

    @Test
    @InjectMojo(goal = "index")
    @UserProperty(name = "iafbt.index", value = "newdir/")
    void aNewFolderNameIsRefusedInsteadOfBecomingAFile(IndexMojo mojo) {
        sweep();
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("has no file extension and does not exist, so it reads like a folder")
                .hasMessageContaining("-Diafbt.index=" + project.resolve("newdir/index.sqlite"));
        assertThat(project.resolve("newdir")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "index")
    @UserProperty(name = "iafbt.index", value = "notes.txt")
    @UserProperty(name = "iafbt.rebuild", value = "true")
    void indexThatIsNotSqliteIsLeftAlone(IndexMojo mojo) throws IOException {
        sweep();
        Path notes = Files.writeString(project.resolve("notes.txt"), "keep me");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("is not an SQLite database").hasMessageContaining("left it alone");
        assertThat(Files.readString(notes)).isEqualTo("keep me");
    }

    @Test
    @InjectMojo(goal = "index")
    void indexBelowAFileIsRefused(IndexMojo mojo) {
        Path folder = sweep();
        mojo.index = folder.resolve("sma-crossover-f05-s050-sl2.iafbt/index.sqlite").toString();
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("is a file, not a folder").hasMessageContaining("-Diafbt.index=");
    }

    @Test
    void anIndexPathThatCannotBeCreatedGivesTheDocumentedHintAndTheHintWorks(
            @InjectMojo(goal = "index") @MojoParameter(name = "index", value = "/proc/iafbt-no-such-folder/index.sqlite")
            IndexMojo refused,
            @InjectMojo(goal = "index") @MojoParameter(name = "index", value = "target/iafbt/index.sqlite")
            IndexMojo followed) throws Exception {
        sweep();
        assertThatThrownBy(refused::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("/proc/iafbt-no-such-folder")
                .hasMessageContaining("Set iafbt.index to a file in a folder you can write to, for example"
                        + " -Diafbt.index=target/iafbt/index.sqlite")
                .hasMessageNotContaining("NoSuchFileException");

        followed.execute();

        assertThat(rows(project.resolve("target/iafbt/index.sqlite"))).isEqualTo(24);
    }

    @Test
    @InjectMojo(goal = "index")
    @UserProperty(name = "iafbt.skip", value = "true")
    void skipLogsWhyAndDoesNothing(IndexMojo mojo) throws Exception {
        mojo.execute(); // the folder does not exist: nothing may be checked
        assertThat(log.lines).containsExactly("[INFO] Skipping iafbt:index because property iafbt.skip is set.");
    }

    @Test
    @InjectMojo(goal = "index")
    @UserProperty(name = "iafbt.threads", value = "-1")
    void negativeThreadsAreRefused(IndexMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("-Diafbt.threads=");
    }

    @Test
    @InjectMojo(goal = "index")
    void outsideAProjectRelativePathsUseTheCurrentFolder(IndexMojo mojo) {
        mojo.basedir = null;
        assertThat(mojo.resolve(new java.io.File("x"))).isEqualTo(Path.of("x").toAbsolutePath());
    }

    @Test
    void progressLinesAreInfo() {
        CapturingLog progressLog = new CapturingLog();
        IndexMojo.MavenIndexListener listener = new IndexMojo.MavenIndexListener(progressLog, true);
        listener.onProgress(new IndexProgress(5000, 3000, 999, 1, false, Duration.ofSeconds(2)));
        assertThat(progressLog.lines).containsExactly(
                "[INFO] Indexing: 5,000 bundles found so far, 3,000 indexed, 999 unchanged, 1 failed (2,000/s)");
    }

}
