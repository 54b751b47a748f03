package dev.iafbt.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.model.Backtest;
import dev.iafbt.testing.ReferenceFixtures;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Tier-2 datasets scanned whole, in place, by DuckDB: one schema per dataset across all runs. */
class Tier2DuckDbTest {
    @TempDir
    Path temp;

    /** The read every analyst would write; run_id typed VARCHAR so numeric handles stay text. */
    static String source(LocalTieredStore store, Tier2Dataset dataset) {
        return "read_parquet('" + store.parquetRoot().resolve(dataset.folderName()) + "/*/*.parquet',"
                + " hive_partitioning = true, hive_types = {'run_id': VARCHAR})";
    }

    private static Map<String, String> describe(Connection db, String source) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + source)) {
            while (rs.next()) {
                types.put(rs.getString("column_name"), rs.getString("column_type"));
            }
        }
        return types;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, String> expectedTypes(Tier2Dataset dataset) {
        Map<String, String> types = new LinkedHashMap<>();
        dataset.columns().forEach((name, kind) -> types.put(name, kind == Tier2Dataset.ColumnType.STRING ? "VARCHAR" : "DOUBLE"));
        types.put("run_id", "VARCHAR");
        return types;
    }

    private static void assertShape(LocalTieredStore store, Map<Tier2Dataset, Long> rows) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Map.Entry<Tier2Dataset, Long> expected : rows.entrySet()) {
                String source = source(store, expected.getKey());
                assertThat(describe(db, source)).as(expected.getKey().folderName())
                        .containsExactlyEntriesOf(expectedTypes(expected.getKey()));
                assertThat(count(db, "SELECT count(*) FROM " + source)).as(expected.getKey().folderName())
                        .isEqualTo(expected.getValue());
            }
        }
    }

    @Test
    void productionShapeFixtureReadsBackWithExactCountsAndTypes() throws SQLException {
        Backtest batch = Backtest.open(ReferenceFixtures.file("batch-0a0bbdc2-v2.iafbt"));
        LocalTieredStore store = new LocalTieredStore(temp.resolve("store"));
        store.write(batch, "batch");

        assertShape(store, Map.of(Tier2Dataset.PORTFOLIO_SNAPSHOTS, 24_112L, Tier2Dataset.TRADES, 691L,
                Tier2Dataset.ORDERS, 1_354L));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            // the reference writes these columns as all-None (Arrow null type); here they keep their type
            assertThat(count(db, "SELECT count(*) FROM " + source(store, Tier2Dataset.ORDERS)
                    + " WHERE external_id IS NULL AND order_fee IS NULL")).isEqualTo(1_354L);
            assertThat(count(db, "SELECT count(DISTINCT window_name) FROM "
                    + source(store, Tier2Dataset.PORTFOLIO_SNAPSHOTS))).isEqualTo(11L);
        }
    }

    @Test
    void ownBundleReadsBackWithExactCountsAndTypes() throws SQLException {
        LocalTieredStore store = new LocalTieredStore(temp.resolve("store"));
        store.write(StoreFixtures.sized("own", 3, 50, 4), "own");

        assertShape(store, Map.of(Tier2Dataset.PORTFOLIO_SNAPSHOTS, 150L, Tier2Dataset.TRADES, 12L,
                Tier2Dataset.ORDERS, 24L));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT orders, stop_losses, metadata FROM "
                        + source(store, Tier2Dataset.TRADES) + " WHERE id = '0' LIMIT 1")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("[{\"id\": 0, \"external_id\": null");
            assertThat(rs.getString(2)).isIn("[{\"percentage\": 5, \"trailing\": false}]",
                    "[{\"trailing\": false, \"percentage\": 5}]");
            assertThat(rs.getString(3)).isEqualTo("{}");
        }
    }

    /** Handles of all kinds in one store; the reference's own store fails this scan in pyarrow. */
    @Test
    void queryAcrossManyRunsWithMixedNullsAndHandleKinds() throws SQLException {
        LocalTieredStore store = new LocalTieredStore(temp.resolve("store"));
        List<String> handles = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String handle = i == 0 ? "123" : i == 1 ? "sweep/nested" : "run-" + i;
            // alternate: runs with only stop-loss-free trades (all-null column) and runs with some
            store.write(StoreFixtures.sized("r" + i, 1, 10, i % 2 == 0 ? 1 : 3), handle);
            handles.add(handle);
        }
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT run_id, count(*), sum(net_gain) FROM "
                        + source(store, Tier2Dataset.TRADES) + " GROUP BY run_id ORDER BY run_id")) {
            List<String> seen = new ArrayList<>();
            long trades = 0;
            while (rs.next()) {
                seen.add(rs.getString(1));
                trades += rs.getLong(2);
            }
            assertThat(seen).hasSize(12).contains("123", "run-11");
            assertThat(seen).contains("sweep/nested"); // DuckDB decodes the percent-encoded segment
            assertThat(trades).isEqualTo(6 * 1 + 6 * 3);
        }
    }
}
