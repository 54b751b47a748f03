package dev.iafbt.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.index.IndexResult;
import dev.iafbt.index.IndexRow;
import dev.iafbt.index.Indexer;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.SummaryField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterSweepSampleTest {
    @TempDir
    Path dir;

    @Test
    void writesTheSameSmallBundlesEveryTime() throws IOException {
        List<Path> first = ParameterSweepSample.write(dir.resolve("a"));
        List<Path> second = ParameterSweepSample.write(dir.resolve("b"));

        assertThat(first).hasSize(24);
        for (int i = 0; i < first.size(); i++) {
            assertThat(Files.readAllBytes(first.get(i))).isEqualTo(Files.readAllBytes(second.get(i)));
            assertThat(Files.size(first.get(i))).isLessThan(8 * 1024);
        }
        assertThat(first.get(0).getFileName().toString()).isEqualTo("sma-crossover-f05-s050-sl2.iafbt");
    }

    @Test
    void bundlesReadBackWithVariedMetrics() {
        List<Path> files = ParameterSweepSample.write(dir);
        Backtest bt = Backtest.open(files.get(3));
        assertThat(bt.tag()).isEqualTo(ParameterSweepSample.TAG);
        assertThat(bt.runs()).hasSize(2);
        assertThat(bt.parameters()).containsKeys("fast_window", "slow_window", "stop_loss");
        assertThat(ParameterSweepSample.backtests()).extracting(b -> b.summary().orElseThrow().sharpeRatio())
                .doesNotHaveDuplicates();
    }

    @Test
    void indexesIntoTwentyFourRows() {
        ParameterSweepSample.write(dir);
        IndexResult result = Indexer.builder(dir).build().run();
        assertThat(result.indexed()).isEqualTo(24);
        try (SqliteIndex index = SqliteIndex.open(result.index())) {
            List<IndexRow> rows = index.rows();
            assertThat(rows).allSatisfy(r -> {
                assertThat(r.numberOfRuns()).isEqualTo(2);
                assertThat(r.summary(SummaryField.NUMBER_OF_WINDOWS)).isEqualTo(2L);
            });
        }
    }
}
