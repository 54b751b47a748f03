package dev.iafbt.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.testing.ReferenceFixtures;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fresh index must be indistinguishable, schema-wise, from the one the reference built. */
class IndexSchemaTest {
    @TempDir
    Path tmp;

    @Test
    void freshIndexMatchesTheReferenceIndexExactly() throws Exception {
        Path reference = ReferenceFixtures.privateCopy("index.sqlite", tmp.resolve("ref"));
        Path fresh = tmp.resolve("fresh/index.sqlite");
        SqliteIndex.create(fresh).close();

        assertThat(query(fresh, "PRAGMA table_info(\"backtest_index\")"))
                .hasSize(68).isEqualTo(query(reference, "PRAGMA table_info(\"backtest_index\")"));
        assertThat(query(fresh, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"))
                .isEqualTo(query(reference, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"));
        assertThat(query(fresh, "PRAGMA user_version")).containsExactly(List.of("2"));
        assertThat(query(fresh, "PRAGMA journal_mode")).containsExactly(List.of("wal"));
    }

    @Test
    void columnListFollowsSection12() {
        assertThat(IndexSchema.columns()).hasSize(68);
        assertThat(IndexSchema.columns().get(12)).isEqualTo(new IndexColumn("bundle_size", "INTEGER"));
        assertThat(IndexSchema.columns().get(13).name()).isEqualTo("summary_total_net_gain");
        assertThat(IndexSchema.columns().get(38)).isEqualTo(new IndexColumn("summary_max_drawdown_duration", "INTEGER"));
        assertThat(IndexSchema.columns().get(67).name()).isEqualTo("summary_stability_score");
    }

    static List<List<String>> query(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
