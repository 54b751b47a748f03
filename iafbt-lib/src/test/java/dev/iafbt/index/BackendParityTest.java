package dev.iafbt.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.model.SummaryField;
import dev.iafbt.rank.EvaluationFocus;
import dev.iafbt.rank.IndexQuery;
import dev.iafbt.rank.WeightedRanker;
import dev.iafbt.testing.EmbeddedPostgres;
import dev.iafbt.testing.IndexBackend;
import dev.iafbt.testing.ReferenceFixtures;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The index API gives the same rows, order and values on SQLite and PostgreSQL, and an index the
 * Python reference built moves to PostgreSQL and back without changing a value or a JSON byte.
 */
class BackendParityTest {
    @TempDir
    Path tmp;

    private static IndexRow row(String path, double sharpe) {
        return IndexRow.builder().bundlePath(path).algorithmId(path).tag("t").summary(SummaryField.SHARPE_RATIO, sharpe)
                .provenance(1L, 2L).build();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(IndexBackend.class)
    void aReplacedRowMovesLastAsSqliteInsertOrReplaceDoes(IndexBackend backend) {
        try (BacktestIndex index = backend.create(tmp)) {
            index.upsertAll(List.of(row("a", 1), row("b", 2), row("c", 3)));
            index.upsert(row("a", 4));
            assertThat(index.bundlePaths()).containsExactly("b", "c", "a");
            assertThat(index.rows().get(2).summary(SummaryField.SHARPE_RATIO)).isEqualTo(4.0);
            assertThat(index.count()).isEqualTo(3);
            assertThat(index.remove(List.of("b", "zz"))).isEqualTo(1);
            assertThat(index.isUpToDate("c", 1L, 2L)).isTrue();
            assertThat(index.isUpToDate("c", 1L, 3L)).isFalse();
            assertThat(index.provenance()).containsOnlyKeys("c", "a");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(IndexBackend.class)
    void nanIsStoredAsNullAndInfinitiesAsNumbers(IndexBackend backend) {
        try (BacktestIndex index = backend.create(tmp)) {
            index.upsert(IndexRow.builder().bundlePath("x").summary(SummaryField.SHARPE_RATIO, Double.NaN)
                    .summary(SummaryField.PROFIT_FACTOR, Double.POSITIVE_INFINITY)
                    .summary(SummaryField.SORTINO_RATIO, Double.NEGATIVE_INFINITY)
                    .summary(SummaryField.NUMBER_OF_TRADES, 7L).build());
            LinkedHashMap<String, Object> raw = index.selectReadOnly("SELECT summary_sharpe_ratio, summary_profit_factor,"
                    + " summary_sortino_ratio, summary_number_of_trades FROM backtest_index", List.of()).get(0);
            assertThat(raw.values()).containsExactly(null, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 7L);
            assertThat(index.columns()).isEqualTo(IndexSchema.columnNames());
        }
    }

    @Test
    void theReferenceIndexCopiedToPostgresAndBackKeepsEveryRowValueAndJsonByte() throws Exception {
        Path copy = ReferenceFixtures.privateCopy("index.sqlite", tmp);
        try (SqliteIndex reference = SqliteIndex.openReadOnly(copy);
             BacktestIndex pg = IndexBackend.POSTGRES.create(tmp);
             SqliteIndex back = SqliteIndex.create(tmp.resolve("back.sqlite"))) {
            assertThat(IndexCopy.copy(reference, pg, n -> { })).isEqualTo(reference.count());
            assertThat(pg.rows()).isEqualTo(reference.rows());
            IndexQuery all = IndexQuery.builder().allColumns().build();
            assertThat(all.run(pg)).isEqualTo(all.run(reference)); // raw values: JSON text, ±inf, NULLs
            IndexQuery sorted = IndexQuery.builder().sortBy("max_drawdown").ascending(true)
                    .where("tag IS NOT NULL OR number_of_runs >= 1").allColumns().build();
            assertThat(sorted.run(pg)).isEqualTo(sorted.run(reference));
            for (EvaluationFocus focus : EvaluationFocus.values()) {
                WeightedRanker ranker = WeightedRanker.forFocus(focus);
                assertThat(ranker.rank(pg, IndexQuery.builder().build()))
                        .as("focus %s", focus).isEqualTo(ranker.rank(reference, IndexQuery.builder().build()));
            }
            IndexCopy.copy(pg, back, n -> { });
            assertThat(back.rows()).isEqualTo(reference.rows());
            assertThat(all.run(back)).isEqualTo(all.run(reference));
        }
    }

    @Test
    void schemaVersionIsKeptInATableAndOlderTablesGainTheirColumns() throws Exception {
        String url = EmbeddedPostgres.freshSchemaUrl();
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        try (var c = java.sql.DriverManager.getConnection(url, EmbeddedPostgres.USER, null);
             var st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
            // a v1 table: no provenance columns, no order column, one summary column missing
            st.execute("CREATE TABLE backtest_index (bundle_path TEXT PRIMARY KEY, algorithm_id TEXT, tag TEXT,"
                    + " summary_sharpe_ratio DOUBLE PRECISION)");
            st.execute("INSERT INTO backtest_index (bundle_path, algorithm_id, summary_sharpe_ratio) VALUES ('old', 'o', 1.5)");
        }
        try (PostgresIndex index = PostgresIndex.open(url, EmbeddedPostgres.credentials())) {
            assertThat(index.userVersion()).isEqualTo(IndexSchema.SCHEMA_VERSION);
            assertThat(index.columns()).containsAll(IndexSchema.columnNames()).hasSize(IndexSchema.columnNames().size());
            assertThat(index.rows()).singleElement().satisfies(r -> {
                assertThat(r.summary(SummaryField.SHARPE_RATIO)).isEqualTo(1.5);
                assertThat(r.bundleMtimeNs()).isNull();
            });
            index.upsert(row("new", 2));
            assertThat(index.bundlePaths()).containsExactly("old", "new");
        }
        try (var c = java.sql.DriverManager.getConnection(url, EmbeddedPostgres.USER, null);
             var st = c.createStatement()) {
            st.execute("UPDATE backtest_index_user_version SET user_version = 7");
        }
        try (PostgresIndex index = PostgresIndex.open(url, EmbeddedPostgres.credentials())) {
            assertThat(index.userVersion()).isEqualTo(7); // a newer version is never downgraded
        }
        try (var c = java.sql.DriverManager.getConnection(url, EmbeddedPostgres.USER, null);
             var st = c.createStatement()) {
            st.execute("DROP INDEX idx_backtest_index_tag"); // every column there: only the catalog check sees it
        }
        try (PostgresIndex index = PostgresIndex.open(url, EmbeddedPostgres.credentials())) {
            assertThat(index.selectReadOnly("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
                    + " AND indexname = 'idx_backtest_index_tag'", List.of())).hasSize(1);
        }
    }
}
