package dev.iafbt.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.iafbt.index.IndexerConfigurationException.Problem;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.SummaryField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The indexer against the reference's index command tests and beyond. */
class IndexerTest {
    @TempDir
    Path dir;

    @BeforeEach
    void threeBundles() {
        // as test_index_command.py: algo_0..2 tagged demo with sharpe 0.5 / 1.5 / 1.0
        double[] sharpe = {0.5, 1.5, 1.0};
        for (int i = 0; i < 3; i++) {
            save("algo_" + i, sharpe[i], dir.resolve("algo_" + i + ".iafbt"));
        }
    }

    private static Path save(String id, double sharpe, Path file) {
        return Backtest.builder(id).tag("demo").parameter("n", 1L)
                .summary(SummaryField.SHARPE_RATIO, sharpe).build().save(file);
    }

    private List<IndexRow> rows(Path index) {
        try (SqliteIndex opened = SqliteIndex.open(index)) {
            return opened.rows();
        }
    }

    @Test
    void writesOneRowPerBundleWithRelativePathsIntoTheDefaultFile() {
        IndexResult result = Indexer.builder(dir).build().run();

        assertThat(result.index()).isEqualTo(dir.toAbsolutePath().resolve("index.sqlite"));
        assertThat(result.indexed()).isEqualTo(3);
        assertThat(result.rebuilt()).isTrue();
        assertThat(rows(result.index())).extracting(IndexRow::algorithmId)
                .containsExactly("algo_0", "algo_1", "algo_2");
        assertThat(rows(result.index())).extracting(IndexRow::bundlePath)
                .containsExactly("algo_0.iafbt", "algo_1.iafbt", "algo_2.iafbt");
        IndexRow first = rows(result.index()).get(0);
        assertThat(first.tag()).isEqualTo("demo");
        assertThat(first.summary(SummaryField.SHARPE_RATIO)).isEqualTo(0.5);
        assertThat(first.parameters()).containsEntry("n", 1L);
        assertThat(first.bundleSize()).isEqualTo(sizeOf(dir.resolve("algo_0.iafbt")));
        assertThat(first.bundleMtimeNs()).isEqualTo(mtimeNs(dir.resolve("algo_0.iafbt")));
    }

    @Test
    void absolutePathsWhenAsked() throws IOException {
        IndexResult result = Indexer.builder(dir).absolutePaths(true).build().run();
        assertThat(rows(result.index())).extracting(IndexRow::bundlePath)
                .allSatisfy(p -> assertThat(Path.of(p)).isAbsolute())
                .contains(dir.toRealPath().resolve("algo_1.iafbt").toString());
    }

    @Test
    void walksRecursivelyInPythonsComponentWiseOrder() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a"));
        save("nested", 0, a.resolve("b.iafbt"));
        save("flat", 0, dir.resolve("a.iafbt"));
        save("hidden", 0, Files.createDirectories(dir.resolve(".hidden")).resolve("h.iafbt"));
        Files.createDirectories(dir.resolve("folder.iafbt")); // not a bundle (the reference indexes it)
        Files.writeString(dir.resolve("notes.txt"), "not a bundle");
        Files.write(dir.resolve("x.iafbt.tmp"), new byte[] {1});

        IndexResult result = Indexer.builder(dir).build().run();

        // sorted(Path): ".hidden/h" < "a/b" < "a.iafbt" < "algo_0" ...
        assertThat(rows(result.index())).extracting(IndexRow::bundlePath).containsExactly(
                ".hidden/h.iafbt", "a/b.iafbt", "a.iafbt", "algo_0.iafbt", "algo_1.iafbt", "algo_2.iafbt");
        assertThat(result.failed()).isZero();
    }

    @Test
    void incrementalRunSkipsUnchangedBundles() {
        Indexer indexer = Indexer.builder(dir).build();
        indexer.run();
        IndexResult again = indexer.run();

        assertThat(again.rebuilt()).isFalse();
        assertThat(again.indexed()).isZero();
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(rows(again.index())).hasSize(3);
    }

    @Test
    void incrementalRunReingestsAModifiedBundle() throws IOException {
        Indexer indexer = Indexer.builder(dir).build();
        indexer.run();
        Path file = dir.resolve("algo_1.iafbt");
        FileTime before = Files.getLastModifiedTime(file);
        save("algo_1_modified", 1.5, file);
        Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 5_000));

        IndexResult again = indexer.run();

        assertThat(again.indexed()).isEqualTo(1);
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(rows(again.index())).extracting(IndexRow::algorithmId)
                .containsExactlyInAnyOrder("algo_0", "algo_1_modified", "algo_2");
    }

    @Test
    void rebuildReingestsWhatIncrementalWouldMiss() throws IOException {
        Indexer.builder(dir).build().run();
        Path file = dir.resolve("algo_2.iafbt");
        FileTime mtime = Files.getLastModifiedTime(file);
        save("algo_X", 1.0, file); // same length as algo_2, mtime restored
        Files.setLastModifiedTime(file, mtime);
        assertThat(Indexer.builder(dir).build().run().indexed()).isZero();

        IndexResult rebuilt = Indexer.builder(dir).rebuild(true).build().run();

        assertThat(rebuilt.indexed()).isEqualTo(3);
        assertThat(rows(rebuilt.index())).extracting(IndexRow::algorithmId).contains("algo_X");
    }

    @Test
    void aBundleThatFailsIsReportedAndItsOldRowKept() throws IOException {
        Indexer.builder(dir).build().run();
        Files.write(dir.resolve("algo_1.iafbt"), new byte[] {'I', 'A', 'F', 'B', 2, 0, 0, 0, 9, 9});
        Files.write(dir.resolve("junk.iafbt"), "hello".getBytes());
        List<IndexFailure> reported = new ArrayList<>();

        IndexResult result = Indexer.builder(dir).listener(new IndexListener() {
            @Override
            public void onFailure(IndexFailure failure) {
                reported.add(failure);
            }
        }).build().run();

        assertThat(result.failures()).extracting(IndexFailure::path).containsExactly(
                dir.toRealPath().resolve("algo_1.iafbt"), dir.toRealPath().resolve("junk.iafbt"));
        assertThat(result.failures()).allSatisfy(f -> assertThat(f.reason()).isNotBlank());
        assertThat(reported).isEqualTo(result.failures());
        assertThat(result.unchanged()).isEqualTo(2);
        assertThat(rows(result.index())).extracting(IndexRow::algorithmId)
                .containsExactly("algo_0", "algo_1", "algo_2"); // the stale row stays, as in the reference
    }

    @Test
    void pruneMissingDropsRowsOfDeletedBundlesOnly() throws IOException {
        Indexer.builder(dir).build().run();
        Files.delete(dir.resolve("algo_0.iafbt"));

        IndexResult kept = Indexer.builder(dir).build().run();
        assertThat(kept.removed()).isZero();
        assertThat(rows(kept.index())).hasSize(3); // the reference never deletes in incremental mode

        IndexResult pruned = Indexer.builder(dir).pruneMissing(true).build().run();
        assertThat(pruned.removed()).isEqualTo(1);
        assertThat(rows(pruned.index())).extracting(IndexRow::algorithmId).containsExactly("algo_1", "algo_2");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void rowsKeepWalkOrderWhateverTheThreadsAndBatches(int threads) {
        for (int i = 3; i < 40; i++) {
            save(String.format("algo_%02d", i), i, dir.resolve(String.format("algo_%02d.iafbt", i)));
        }
        List<IndexProgress> progress = new ArrayList<>();
        IndexResult result = Indexer.builder(dir).threads(threads).batchSize(7)
                .progressInterval(Duration.ZERO).listener(new IndexListener() {
                    @Override
                    public void onProgress(IndexProgress p) {
                        progress.add(p);
                    }
                }).build().run();

        assertThat(result.indexed()).isEqualTo(40);
        List<String> paths = rows(result.index()).stream().map(IndexRow::bundlePath).toList();
        assertThat(paths).isSorted().hasSize(40);
        assertThat(progress).isNotEmpty();
        assertThat(progress).extracting(IndexProgress::indexed).isSorted();
    }

    @Test
    void outputInsideTheFolderAndParentsCreated() {
        Path out = dir.resolve("deep/er/custom.sqlite");
        IndexResult result = Indexer.builder(dir).output(out).build().run();
        assertThat(result.index()).isEqualTo(out.toAbsolutePath());
        assertThat(rows(out)).hasSize(3);
    }

    @Test
    void refusesAMissingFolder() {
        assertThatThrownBy(() -> Indexer.builder(dir.resolve("nope")).build().run())
                .isInstanceOfSatisfying(IndexerConfigurationException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.BUNDLES_MISSING))
                .hasMessageContaining("nope").hasMessageContaining("does not exist");
    }

    @Test
    void refusesAFileAsTheFolder() {
        assertThatThrownBy(() -> Indexer.builder(dir.resolve("algo_0.iafbt")).build().run())
                .isInstanceOfSatisfying(IndexerConfigurationException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.BUNDLES_NOT_A_FOLDER))
                .hasMessageContaining("is a file, not a folder");
    }

    @Test
    void refusesAFolderAsTheIndex() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        assertThatThrownBy(() -> Indexer.builder(dir).output(out).build().run())
                .isInstanceOfSatisfying(IndexerConfigurationException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.INDEX_IS_A_FOLDER))
                .hasMessageContaining(out.resolve("index.sqlite").toString());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void neverReplacesAFileThatIsNotSqlite(boolean rebuild) throws IOException {
        Path out = dir.resolve("notes.sqlite");
        Files.writeString(out, "precious user data, not a database");
        assertThatThrownBy(() -> Indexer.builder(dir).output(out).rebuild(rebuild).build().run())
                .isInstanceOfSatisfying(IndexerConfigurationException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.INDEX_NOT_SQLITE))
                .hasMessageContaining("not an SQLite database");
        assertThat(Files.readString(out)).startsWith("precious");
    }

    @Test
    void anEmptyFileBecomesAnIndex() throws IOException {
        Path out = Files.createFile(dir.resolve("empty.sqlite"));
        assertThat(Indexer.builder(dir).output(out).build().run().indexed()).isEqualTo(3);
    }

    @Test
    void refusesAnIndexInAReadOnlyFolder() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root can write anywhere");
        Path readOnly = Files.createDirectories(dir.resolve("ro"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThatThrownBy(() -> Indexer.builder(dir).output(readOnly.resolve("sub/i.sqlite")).build().run())
                    .isInstanceOfSatisfying(IndexerConfigurationException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.INDEX_NOT_WRITABLE))
                    .hasMessageContaining("not a writable folder");
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void anIndexFolderThatCannotBeCreatedIsAConfigurationProblem() {
        // /proc accepts no new folders, even for root: the case a raw NoSuchFileException used to escape from
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc");
        Path out = Path.of("/proc/iafbt-no-such-folder/index.sqlite");
        assertThatThrownBy(() -> Indexer.builder(dir).output(out).build().run())
                .isInstanceOfSatisfying(IndexerConfigurationException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.INDEX_NOT_WRITABLE))
                .hasMessage("cannot write index " + out + ": the folder /proc/iafbt-no-such-folder cannot be created");
    }

    @Test
    void refusesAnIndexBelowAFile() {
        Path out = dir.resolve("algo_0.iafbt/index.sqlite");
        assertThatThrownBy(() -> Indexer.builder(dir).output(out).build().run())
                .isInstanceOfSatisfying(IndexerConfigurationException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.INDEX_NOT_WRITABLE))
                .hasMessageContaining("is a file, not a folder");
    }

    @Test
    void summaryLineNamesCountsPathAndTime() {
        IndexResult result = Indexer.builder(dir).build().run();
        assertThat(result.summary()).startsWith("3 indexed, 0 unchanged, 0 removed, 0 failed in ")
                .endsWith("; index: " + result.index());
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static long mtimeNs(Path file) {
        try {
            return Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
