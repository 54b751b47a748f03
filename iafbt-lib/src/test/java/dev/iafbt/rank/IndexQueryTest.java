package dev.iafbt.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.index.IndexRow;
import dev.iafbt.index.IndexSchema;
import dev.iafbt.index.SqlDialect;
import dev.iafbt.index.BacktestIndex;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.testing.IndexBackend;
import dev.iafbt.model.SummaryField;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

class IndexQueryTest {
    @TempDir
    Path tmp;

    private static List<Object> ids(List<? extends Map<String, Object>> rows) {
        return rows.stream().map(r -> r.get("algorithm_id")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(IndexBackend.class)
    void demoRankBySortinoWithTradeFilter(IndexBackend backend) throws Exception {
        try (BacktestIndex index = DemoIndex.storageLayerDemo(backend, tmp)) {
            // rank_index(by="sortino_ratio", where="summary_number_of_trades > 50", limit=5), the reference's storage-layer demo
            List<LinkedHashMap<String, Object>> rows = IndexQuery.builder().sortBy("sortino_ratio")
                    .where("summary_number_of_trades > 50").limit(5)
                    .columns(IndexQuery.DEFAULT_RANK_COLUMNS).build().run(index);
            assertThat(ids(rows)).containsExactly("momentum_v1", "momentum_v2", "mean_revert_v2", "mean_revert_v1");
            assertThat(rows.get(0).keySet()).containsExactlyElementsOf(IndexQuery.DEFAULT_RANK_COLUMNS);
            assertThat(rows.get(0)).containsEntry("summary_sortino_ratio", 2.40).containsEntry("bundle_path", "momentum_v1.iafbt");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(IndexBackend.class)
    void listSortsDescendingByDefaultAscendingOnRequestWithNullsLast(IndexBackend backend) throws Exception {
        try (BacktestIndex index = DemoIndex.storageLayerDemo(backend, tmp)) {
            index.upsert(IndexRow.builder().bundlePath("nosummary.iafbt").algorithmId("nosummary").build());
            assertThat(ids(IndexQuery.builder().sortBy("sharpe_ratio").limit(4).build().run(index)))
                    .containsExactly("momentum_v1", "momentum_v2", "mean_revert_v2", "mean_revert_v1");
            assertThat(ids(IndexQuery.builder().sortBy("summary_sharpe_ratio").ascending(true).build().run(index)))
                    .containsExactly("breakout_v2", "breakout_v1", "mean_revert_v1", "mean_revert_v2",
                            "momentum_v2", "momentum_v1", "nosummary");
            assertThat(ids(IndexQuery.builder().sortBy("sharpe_ratio").build().run(index))).last().isEqualTo("nosummary");
            assertThat(IndexQuery.builder().limit(0).build().run(index)).isEmpty();
            assertThat(IndexQuery.builder().build().run(index)).hasSize(7); // insertion order, all rows
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(IndexBackend.class)
    void projectionAcceptsBareMetricsAndAllColumns(IndexBackend backend) throws Exception {
        try (BacktestIndex index = DemoIndex.storageLayerDemo(backend, tmp)) {
            LinkedHashMap<String, Object> row = IndexQuery.builder().columns("algorithm_id", " calmar_ratio", "number_of_trades")
                    .where("algorithm_id = ?", "momentum_v1").build().run(index).get(0);
            assertThat(row).containsExactly(Map.entry("algorithm_id", "momentum_v1"),
                    Map.entry("summary_calmar_ratio", 23.125), Map.entry("summary_number_of_trades", 145L));
            assertThat(IndexQuery.builder().allColumns().limit(1).build().run(index).get(0)).hasSize(68);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(IndexBackend.class)
    void filterAcceptsExpressionsFunctionsAndBareMetricNames(IndexBackend backend) throws Exception {
        try (BacktestIndex index = DemoIndex.storageLayerDemo(backend, tmp)) {
            String filter = "(sharpe_ratio BETWEEN 0.9 AND 1.5 OR algorithm_id LIKE 'break%') "
                    + "AND NOT summary_max_drawdown IS NULL AND lower(tag) IN ('demo', 'x') AND \"tag\" <> 'it''s'";
            assertThat(ids(IndexQuery.builder().sortBy("sharpe_ratio").where(filter).build().run(index)))
                    .containsExactly("momentum_v2", "mean_revert_v2", "mean_revert_v1", "breakout_v1", "breakout_v2");
            assertThat(IndexQuery.builder().where("summary_max_drawdown > -0.20").build().run(index)).hasSize(4);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(IndexBackend.class)
    void theSqliteFilterGrammarSelectsTheSameRowsOnEveryBackend(IndexBackend backend) throws Exception {
        try (BacktestIndex index = DemoIndex.storageLayerDemo(backend, tmp)) {
            // SQLite's LIKE ignores ASCII case; ==, ifnull, instr, CAST AS REAL/INTEGER, hex literals
            assertThat(IndexQuery.builder().where("tag LIKE 'DEMO' AND algorithm_id LIKE '%_V2'").build().run(index)).hasSize(3);
            assertThat(ids(IndexQuery.builder().where("instr(algorithm_id, 'revert') == 6 AND ifnull(tag, 'x') = 'demo'")
                    .build().run(index))).containsExactly("mean_revert_v1", "mean_revert_v2");
            assertThat(IndexQuery.builder().where("CAST(number_of_trades AS REAL) / 2 > 0x40").build().run(index)).hasSize(2);
            assertThat(IndexQuery.builder().where("number_of_trades / 100 = 1 AND number_of_trades % 2 = 0")
                    .build().run(index)).hasSize(2);
            assertThat(IndexQuery.builder().where("sharpe_ratio > ? AND tag = ?", 1.0, "demo").build().run(index)).hasSize(3);
        }
    }

    @Test
    void whatPostgresqlCannotRunAlikeIsRefusedThereByName() throws Exception {
        try (BacktestIndex index = DemoIndex.storageLayerDemo(IndexBackend.POSTGRES, tmp)) {
            for (String filter : List.of("tag GLOB 'd*'", "tag = 'DEMO' COLLATE NOCASE", "round(sharpe_ratio, 1) > 1",
                    "typeof(sharpe_ratio) = 'real'", "max(sharpe_ratio, sortino_ratio) > 1",
                    "CAST(sharpe_ratio AS INTEGER) = 1")) {
                assertThatThrownBy(() -> IndexQuery.builder().where(filter).build().run(index)).as(filter)
                        .isInstanceOf(QueryException.class).hasMessageContaining("on a PostgreSQL index");
            }
        }
        try (BacktestIndex index = DemoIndex.storageLayerDemo(IndexBackend.SQLITE, tmp.resolve("lite"))) {
            assertThat(IndexQuery.builder().where("tag GLOB 'd*' AND round(sharpe_ratio, 1) > 1").build().run(index)).hasSize(3);
            // the difference that makes CAST AS INTEGER unsafe on PostgreSQL: SQLite truncates 1.85
            assertThat(IndexQuery.builder().where("CAST(sharpe_ratio AS INTEGER) = 1").build().run(index)).hasSize(3);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(IndexBackend.class)
    void unknownColumnsAreRefusedWithTheValidNames(IndexBackend backend) throws Exception {
        try (BacktestIndex index = DemoIndex.storageLayerDemo(backend, tmp)) {
            assertThatThrownBy(() -> IndexQuery.builder().sortBy("nonexistent").build().run(index))
                    .isInstanceOf(QueryException.class).hasMessageContaining("unknown sort column 'nonexistent'; valid names: ")
                    .hasMessageContaining("sharpe_ratio");
            assertThatThrownBy(() -> IndexQuery.builder().where("bogus = 1").build().run(index))
                    .isInstanceOf(QueryException.class).hasMessageContaining("unknown filter column 'bogus'");
            assertThatThrownBy(() -> IndexQuery.builder().where("\"bogus\" = 1").build().run(index))
                    .isInstanceOf(QueryException.class).hasMessageContaining("'bogus'");
            assertThatThrownBy(() -> IndexQuery.builder().columns("parameters").build().run(index))
                    .isInstanceOf(QueryException.class).hasMessageContaining("unknown projection column 'parameters'");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(IndexBackend.class)
    void filtersThatAreNotOnePlainConditionAreRefused(IndexBackend backend) throws Exception {
        try (BacktestIndex index = DemoIndex.storageLayerDemo(backend, tmp)) {
            for (String bad : List.of("1=1; DROP TABLE backtest_index", "1=1 -- x", "1=1 /* x */",
                    "bundle_path IN (SELECT bundle_path FROM backtest_index)", "1=1) OR (1=1",
                    "(1=1", "backtest_index.tag = 'x'", "load_extension('x') = 1", "tag = 'open", "[tag] = 1", "")) {
                assertThatThrownBy(() -> IndexQuery.builder().where(bad.isEmpty() ? " " : bad).sortBy("bogus").build().run(index))
                        .as(bad).isInstanceOf(QueryException.class);
            }
            assertThatThrownBy(() -> IndexQuery.builder().where("tag = ?").build().run(index))
                    .isInstanceOf(QueryException.class).hasMessageContaining("1 '?' placeholder(s) but 0");
            assertThatThrownBy(() -> IndexQuery.builder().limit(-1)).isInstanceOf(QueryException.class);
            assertThat(index.count()).isEqualTo(6);
        }
    }

    @Test
    void compiledSqlUsesTheReferenceOrderingAndADeterministicTieBreak() {
        String sql = IndexQuery.builder().sortBy("sharpe_ratio").where("number_of_trades > 50").limit(3)
                .columns("algorithm_id").build()
                .compile(IndexSchema.columnNames(), SqlDialect.SQLITE).sql();
        assertThat(sql).isEqualTo("SELECT \"algorithm_id\" FROM \"backtest_index\" WHERE (\"summary_number_of_trades\" > 50)"
                + " ORDER BY \"summary_sharpe_ratio\" IS NULL, \"summary_sharpe_ratio\" DESC, rowid LIMIT 3");
        assertThat(SummaryField.byKey("sharpe_ratio")).isPresent();
    }
}
