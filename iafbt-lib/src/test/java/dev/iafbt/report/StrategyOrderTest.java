package dev.iafbt.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.index.IndexRow;
import dev.iafbt.index.Indexer;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.model.SummaryField;
import dev.iafbt.rank.EvaluationFocus;
import dev.iafbt.testing.ReferenceFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder's and a SQLite index's default order is computed in memory; it must be exactly the order,
 * the scores and the ordering values a ranking in an index gives (the path every other order still
 * takes).
 */
class StrategyOrderTest {
    @Test
    void inMemoryOrderEqualsTheIndexsOnTheSampleSweepAndTheReferenceFixtures() {
        List<Path> folders = new ArrayList<>(List.of(HtmlReportTest.SWEEP));
        if (Files.isDirectory(ReferenceFixtures.dir())) {
            folders.add(ReferenceFixtures.dir());
        }
        for (Path folder : folders) {
            for (EvaluationFocus focus : EvaluationFocus.values()) {
                ReportOptions options = ReportOptions.defaults().withOrder(focus, null, false);
                assertSameOrder(() -> StrategyLoader.load(folder, 25).strategies(), options);
            }
        }
    }

    @Test
    void inMemoryOrderOfAnIndexsRowsEqualsTheRankingInThatIndex(@TempDir Path tmp) throws IOException {
        try (Stream<Path> files = Files.list(HtmlReportTest.SWEEP)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".iafbt"))::iterator) {
                Files.copy(f, tmp.resolve(f.getFileName()));
            }
        }
        Indexer.builder(tmp).build().run();
        Path index = tmp.resolve(Indexer.DEFAULT_INDEX_NAME);
        ReportSource source = ReportSource.index(index, tmp);
        for (EvaluationFocus focus : EvaluationFocus.values()) {
            ReportOptions options = ReportOptions.defaults().withOrder(focus, null, false);
            List<Strategy> a = source.load(options).strategies();
            List<Strategy> b = source.load(options).strategies();
            StrategyOrder.Ordered memory = StrategyOrder.inMemory(a, options);
            StrategyOrder.Ordered ranked;
            try (SqliteIndex opened = SqliteIndex.openReadOnly(index)) {
                ranked = StrategyOrder.order(opened, b, options);
            }
            assertThat(memory.strategies().stream().map(Strategy::relative).toList())
                    .isEqualTo(ranked.strategies().stream().map(Strategy::relative).toList());
            assertThat(memory.orderValues()).isEqualTo(ranked.orderValues());
            assertThat(scores(a)).isEqualTo(scores(b));
        }
    }

    @Test
    void inMemoryOrderEqualsTheIndexsWithTiesGapsAndNonFiniteValues() {
        Supplier<List<Strategy>> strategies = () -> {
            List<Strategy> out = new ArrayList<>();
            double[] sharpe = {1.5, 1.5, Double.NaN, Double.POSITIVE_INFINITY, -0.25, 1.5, 0.0, -0.0};
            for (int i = 0; i < sharpe.length; i++) {
                IndexRow.Builder row = IndexRow.builder().bundlePath("b" + i + ".iafbt").algorithmId("algo-" + (i % 3))
                        .summary(SummaryField.SHARPE_RATIO, sharpe[i]).summary(SummaryField.NUMBER_OF_TRADES, 10 + i % 2);
                if (i % 4 != 1) {
                    row.summary(SummaryField.CAGR, i % 3 * 0.1).summary(SummaryField.PROFIT_FACTOR,
                            i == 6 ? Double.POSITIVE_INFINITY : 1.0 + i / 8.0);
                }
                out.add(Strategy.of(null, row.build()));
            }
            return out;
        };
        for (EvaluationFocus focus : EvaluationFocus.values()) {
            assertSameOrder(strategies, ReportOptions.defaults().withOrder(focus, null, false));
        }
    }

    private static void assertSameOrder(Supplier<List<Strategy>> strategies, ReportOptions options) {
        List<Strategy> a = strategies.get();
        List<Strategy> b = strategies.get();
        StrategyOrder.Ordered memory = StrategyOrder.inMemory(a, options);
        StrategyOrder.Ordered index = StrategyOrder.throughTemporaryIndex(b, options);
        assertThat(memory.strategies().stream().map(Strategy::relative).toList())
                .isEqualTo(index.strategies().stream().map(Strategy::relative).toList());
        assertThat(memory.orderValues()).isEqualTo(index.orderValues());
        assertThat(scores(a)).isEqualTo(scores(b));
    }

    private static Map<String, Map<String, Double>> scores(List<Strategy> strategies) {
        Map<String, Map<String, Double>> out = new TreeMap<>();
        strategies.forEach(s -> out.put(s.relative(), s.scores()));
        return out;
    }
}
