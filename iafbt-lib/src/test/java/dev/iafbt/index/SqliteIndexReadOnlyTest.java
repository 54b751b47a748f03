package dev.iafbt.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.model.SummaryField;
import dev.iafbt.rank.EvaluationFocus;
import dev.iafbt.rank.IndexQuery;
import dev.iafbt.rank.WeightedRanker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteIndexReadOnlyTest {
    @TempDir
    Path tmp;

    private Path threeRows() {
        Path file = tmp.resolve("index.sqlite");
        try (SqliteIndex index = SqliteIndex.create(file)) {
            for (int i = 0; i < 3; i++) {
                index.upsert(IndexRow.builder().bundlePath("b" + i + ".iafbt").algorithmId("algo_" + i).tag("t")
                        .summary(SummaryField.SHARPE_RATIO, 0.5 * i).summary(SummaryField.NUMBER_OF_TRADES, 10L + i)
                        .build());
            }
        }
        return file;
    }

    private List<String> folder() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void readingLeavesTheFileAndItsFolderExactlyAsTheyWere() throws Exception {
        Path file = threeRows();
        byte[] before = Files.readAllBytes(file);
        List<String> listing = folder();

        try (SqliteIndex index = SqliteIndex.openReadOnly(file)) {
            assertThat(index.count()).isEqualTo(3);
            assertThat(index.rows()).hasSize(3);
            assertThat(IndexQuery.builder().sortBy("sharpe_ratio").build().run(index).get(0))
                    .containsEntry("algorithm_id", "algo_2");
            assertThat(WeightedRanker.forFocus(EvaluationFocus.BALANCED).rank(index, IndexQuery.builder().build()))
                    .hasSize(3);
        }

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        // SQLite's read-only connection may leave its WAL companions (it cannot remove them), but
        // never anything in them: the next writer (iafbt or the Python tool) finds nothing to replay.
        assertThat(folder()).containsAll(listing);
        Path wal = tmp.resolve("index.sqlite-wal");
        if (Files.exists(wal)) {
            assertThat(wal).isEmptyFile();
        }
    }

    @Test
    void theNextWriterCleansUpAfterAReader() throws Exception {
        Path file = threeRows();
        List<String> listing = folder();
        try (SqliteIndex index = SqliteIndex.openReadOnly(file)) {
            assertThat(index.count()).isEqualTo(3);
        }
        try (SqliteIndex index = SqliteIndex.open(file)) {
            assertThat(index.count()).isEqualTo(3);
        }
        assertThat(folder()).isEqualTo(listing);
    }

    @Test
    void aReadOnlyIndexRefusesWrites() {
        Path file = threeRows();
        try (SqliteIndex index = SqliteIndex.openReadOnly(file)) {
            assertThatThrownBy(() -> index.remove(List.of("b0.iafbt"))).isInstanceOf(IndexException.class)
                    .hasMessageContaining(file.toString());
        }
        try (SqliteIndex index = SqliteIndex.openReadOnly(file)) {
            assertThat(index.count()).isEqualTo(3);
        }
    }

    @Test
    void aMissingFileIsRefusedAndNotCreated() {
        Path file = tmp.resolve("nope/index.sqlite");
        assertThatThrownBy(() -> SqliteIndex.openReadOnly(file)).isInstanceOf(IndexException.class)
                .hasMessageContaining("no index at " + file);
        assertThat(tmp.resolve("nope")).doesNotExist();
    }

    @Test
    void aFileThatIsNotAnIndexIsRefusedAndLeftAlone() throws IOException {
        Path notes = Files.writeString(tmp.resolve("notes.sqlite"), "not a database, just some text here");
        assertThatThrownBy(() -> SqliteIndex.openReadOnly(notes)).isInstanceOf(IndexException.class)
                .hasMessageContaining("is not an SQLite database");
        assertThat(Files.readString(notes)).isEqualTo("not a database, just some text here");

        Path empty = Files.createFile(tmp.resolve("empty.sqlite"));
        assertThatThrownBy(() -> SqliteIndex.openReadOnly(empty)).isInstanceOf(IndexException.class)
                .hasMessageContaining("has no backtest_index table");
        assertThat(empty).isEmptyFile();
    }
}
