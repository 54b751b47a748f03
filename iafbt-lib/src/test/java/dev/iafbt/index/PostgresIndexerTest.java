package dev.iafbt.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.model.Backtest;
import dev.iafbt.model.SummaryField;
import dev.iafbt.testing.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The indexer writing into PostgreSQL: the rows SQLite gets, keys that do not depend on the mount. */
class PostgresIndexerTest {
    @TempDir
    Path tmp;
    Path bundles;
    String url;

    @BeforeEach
    void fourBundlesInTwoFolders() {
        bundles = tmp.resolve("machine-a/backtests");
        double[] sharpe = {0.5, 1.5, 1.0, -0.2};
        for (int i = 0; i < sharpe.length; i++) {
            Backtest.builder("algo_" + i).tag("demo").parameter("n", (long) i)
                    .summary(SummaryField.SHARPE_RATIO, sharpe[i]).build()
                    .save(bundles.resolve(i < 2 ? "sweep-1" : "sweep-2").resolve("algo_" + i + ".iafbt"));
        }
        url = EmbeddedPostgres.freshSchemaUrl();
    }

    private IndexResult runInto(Path folder, boolean rebuild) {
        return Indexer.builder(folder).database(url, EmbeddedPostgres.credentials()).rebuild(rebuild).build().run();
    }

    private List<IndexRow> postgresRows() {
        try (PostgresIndex index = PostgresIndex.openReadOnly(url, EmbeddedPostgres.credentials())) {
            return index.rows();
        }
    }

    @Test
    void indexesTheRowsSqliteGetsInTheSameOrder() {
        IndexResult result = runInto(bundles, false);
        assertThat(result.indexed()).isEqualTo(4);
        assertThat(result.index()).isNull();
        assertThat(result.summary()).contains("index: " + url);
        IndexResult lite = Indexer.builder(bundles).output(tmp.resolve("lite.sqlite")).build().run();
        try (SqliteIndex sqlite = SqliteIndex.openReadOnly(lite.index())) {
            assertThat(postgresRows()).isEqualTo(sqlite.rows());
        }
        assertThat(postgresRows()).extracting(IndexRow::bundlePath)
                .containsExactly("sweep-1/algo_0.iafbt", "sweep-1/algo_1.iafbt", "sweep-2/algo_2.iafbt", "sweep-2/algo_3.iafbt");
    }

    @Test
    void theSameFolderMountedElsewhereIsUnchangedAndRebuildDropsWhatIsGone() throws IOException {
        runInto(bundles, false);
        Path elsewhere = tmp.resolve("machine-b/mnt/shared");
        copyTree(bundles, elsewhere); // same files, same mtimes, another absolute path
        IndexResult second = runInto(elsewhere, false);
        assertThat(second.indexed()).isZero();
        assertThat(second.unchanged()).isEqualTo(4);
        assertThat(postgresRows()).hasSize(4);

        Files.delete(elsewhere.resolve("sweep-2/algo_3.iafbt"));
        IndexResult incremental = runInto(elsewhere, false);
        assertThat(incremental.removed()).isZero(); // an incremental run keeps rows, as the reference
        IndexResult rebuilt = runInto(elsewhere, true);
        assertThat(rebuilt.indexed()).isEqualTo(3);
        assertThat(rebuilt.removed()).isEqualTo(1);
        assertThat(postgresRows()).extracting(IndexRow::algorithmId).containsExactly("algo_0", "algo_1", "algo_2");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                    // a shared mount shows every machine the same mtime, to the nanosecond
                    Files.setLastModifiedTime(target, Files.getLastModifiedTime(p));
                    assertThat(Files.getLastModifiedTime(target)).isEqualTo(Files.getLastModifiedTime(p));
                }
            }
        }
    }
}
