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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's opt-in check ({@code -Pspark}): a local-tiered store written by iafbt is read in
 * place by Spark 4 in local mode and by DuckDB, with the reader settings docs/stores.md gives, and
 * both see the same rows per dataset and per {@code run_id}, with the same {@code run_id} values.
 */
class SparkTier2ReadTest {
    /** The setting docs/stores.md prescribes for Spark: {@code run_id} stays a string. */
    static final String TYPE_INFERENCE = "spark.sql.sources.partitionColumnTypeInference.enabled";

    @TempDir
    static Path temp;

    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("iafbt-tier2-check")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .config(TYPE_INFERENCE, "false")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void sparkAndDuckDbReadTheSameRowsPerRunFromEveryDataset() throws SQLException {
        LocalTieredStore store = new LocalTieredStore(temp.resolve("store"));
        List<String> handles = new ArrayList<>();
        ReferenceFixtures.dir();
        for (Path fixture : ReferenceFixtures.bundles()) {
            String handle = fixture.getFileName().toString().replace(".iafbt", "");
            store.write(Backtest.open(fixture), handle);
            handles.add(handle);
        }
        // iafbt-written bundles under the handles readers get wrong: all-numeric, a leading zero, nested
        List<String> awkward = List.of("123", "0456", "sweep/nested", "run-a");
        for (int i = 0; i < awkward.size(); i++) {
            store.write(StoreFixtures.sized("own-" + i, 2, 30, 3 + i), awkward.get(i));
            handles.add(awkward.get(i));
        }

        long total = 0;
        for (Tier2Dataset dataset : Tier2Dataset.values()) {
            Path folder = store.parquetRoot().resolve(dataset.folderName());
            Dataset<Row> read = sparkRead(folder);
            assertThat(read.schema().apply("run_id").dataType()).as(dataset.folderName()).isEqualTo(DataTypes.StringType);
            Map<String, Long> bySpark = sparkCounts(read);
            Map<String, Long> byDuckDb = duckDbCounts(folder);

            assertThat(bySpark).as(dataset.folderName() + ": rows per run_id, Spark against DuckDB").isEqualTo(byDuckDb);
            assertThat(byDuckDb.keySet()).as(dataset.folderName() + ": run_id values are the store's handles")
                    .isSubsetOf(handles).containsAll(awkward);
            long rows = byDuckDb.values().stream().mapToLong(Long::longValue).sum();
            assertThat(read.count()).as(dataset.folderName() + ": total rows").isEqualTo(rows);
            total += rows;
            System.out.printf("%s: %d rows in %d run_id(s), Spark and DuckDB agree%n", dataset.folderName(), rows,
                    byDuckDb.size());
        }
        System.out.printf("%d handles, %d Tier-2 rows in all%n", handles.size(), total);
        assertThat(total).isPositive();
    }

    /** Why the setting matters: with Spark's default, numeric handles become integers and {@code 0456} becomes 456. */
    @Test
    void withSparksDefaultTypeInferenceNumericHandlesBecomeIntegers() {
        LocalTieredStore store = new LocalTieredStore(temp.resolve("numeric"));
        store.write(StoreFixtures.sized("a", 1, 10, 2), "123");
        store.write(StoreFixtures.sized("b", 1, 10, 2), "0456");
        Path trades = store.parquetRoot().resolve(Tier2Dataset.TRADES.folderName());

        assertThat(sparkCounts(sparkRead(trades))).containsOnlyKeys("123", "0456");
        spark.conf().set(TYPE_INFERENCE, "true");
        try {
            Dataset<Row> inferred = sparkRead(trades);
            DataType type = inferred.schema().apply("run_id").dataType();
            assertThat(type).isEqualTo(DataTypes.IntegerType);
            assertThat(inferred.select("run_id").distinct().collectAsList()).extracting(row -> row.getInt(0))
                    .containsExactlyInAnyOrder(123, 456);
        } finally {
            spark.conf().set(TYPE_INFERENCE, "false");
        }
    }

    /** The read docs/stores.md gives for Spark. */
    private static Dataset<Row> sparkRead(Path datasetFolder) {
        return spark.read().option("basePath", datasetFolder.toString()).parquet(datasetFolder.toString());
    }

    private static Map<String, Long> sparkCounts(Dataset<Row> read) {
        Map<String, Long> counts = new TreeMap<>();
        for (Row row : read.groupBy("run_id").count().collectAsList()) {
            counts.put(row.getString(0), row.getLong(1));
        }
        return counts;
    }

    /** The read docs/stores.md gives for DuckDB. */
    private static Map<String, Long> duckDbCounts(Path datasetFolder) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT run_id, count(*) FROM read_parquet('" + datasetFolder
                        + "/*/*.parquet', hive_partitioning = true, hive_types = {'run_id': VARCHAR}) GROUP BY run_id")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }
}
