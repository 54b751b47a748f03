package dev.iafbt.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk keeps its cause. SQLite rolls a transaction back by itself after SQLITE_FULL; the
 * index then tried to roll back and to commit again, and the error the user saw was the second
 * one, {@code cannot commit - no transaction is active}. The full disk is injected with SQLite's
 * {@code max_page_count} (a database that may not grow fails exactly as on a full disk); the same
 * was checked by hand on an 8 MB tmpfs (docs/reliability.md).
 */
class DiskFullIndexTest {
    @TempDir
    Path dir;

    @Test
    void aFullDiskIsReportedAsSuchAndTheIndexKeepsItsRows() throws Exception {
        Path file = dir.resolve("index.sqlite");
        try (SqliteIndex index = SqliteIndex.open(file)) {
            index.upsert(IndexRow.builder().bundlePath("first.iafbt").algorithmId("first").build());
            try (Statement s = connectionOf(index).createStatement(); ResultSet pages = s.executeQuery("PRAGMA page_count")) {
                pages.next();
                s.execute("PRAGMA max_page_count = " + pages.getLong(1));
            }
            List<IndexRow> rows = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                rows.add(IndexRow.builder().bundlePath("b" + i + ".iafbt").algorithmId("a".repeat(2000) + i).build());
            }

            assertThatThrownBy(() -> index.upsertAll(rows)).isInstanceOf(IndexException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining("SQLITE_FULL")
                    .hasMessageContaining("full").hasMessageNotContaining("no transaction is active");

            assertThat(index.bundlePaths()).containsExactly("first.iafbt");
            try (Statement s = connectionOf(index).createStatement()) {
                s.execute("PRAGMA max_page_count = 1073741823");
            }
            assertThat(index.upsertAll(rows)).as("usable again once there is room").isEqualTo(200);
        }
    }

    /** The index's connection, which now lives in JdbcIndex (same package). */
    private static Connection connectionOf(SqliteIndex index) {
        return index.connection;
    }
}
