package dev.iafbt.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.index.IndexRow;
import dev.iafbt.index.Indexer;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.model.SummaryField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep of 25,000 strategies reported from its index, at the default options: its ranking (a row
 * per strategy) and the 25 tear sheets fit the default size budget, and the budget's explanation
 * names the ranking as what fills the page.
 */
class LargeRankingSizeTest {
    private static final int STRATEGIES = 25_000;

    @TempDir
    Path tmp;

    @Test
    void twentyFiveThousandRowsAndTheirTearSheetsFitTheDefaultBudget() throws IOException {
        Path bundles = Files.createDirectories(tmp.resolve("sweep"));
        List<Path> samples;
        try (Stream<Path> files = Files.list(HtmlReportTest.SWEEP)) {
            samples = files.filter(p -> p.toString().endsWith(".iafbt")).sorted().toList();
        }
        for (int i = 0; i < 25; i++) { // the 24 sample bundles and one again: 25 tear sheets
            Path sample = samples.get(i % samples.size());
            Files.copy(sample, bundles.resolve(String.format(Locale.ROOT, "%02d-%s", i, sample.getFileName())));
        }
        Path index = tmp.resolve("index.sqlite");
        Indexer.builder(bundles).output(index).build().run();
        try (SqliteIndex opened = SqliteIndex.open(index)) {
            opened.upsertAll(summaryOnlyRows(opened.rows(), STRATEGIES - 25));
        }

        // ordered by Sharpe: the 25 bundles on disk, whose Sharpe ratios are above every made-up row's, get the sheets
        ReportOptions options = ReportOptions.defaults().withOrder(null, "sharpe_ratio", false);
        Path page = tmp.resolve("report.html");
        HtmlReport.Result result = HtmlReport.write(ReportSource.index(index, bundles), page, options);

        assertThat(result.strategies()).isEqualTo(STRATEGIES);
        assertThat(result.detailed()).isEqualTo(25);
        assertThat(result.bytes()).as("bytes at %d rows", STRATEGIES).isLessThanOrEqualTo(options.sizeBudget());
        assertThat(ReportSizes.explain(Files.readAllBytes(page), options)).startsWith("most of it is Ranking ");
    }

    /**
     * Rows as the index of a generated parameter sweep holds them (the benchmark's: {@code sweep-00042},
     * three parameters, one tag), their metrics made from the bundles' own rows with full double
     * precision (the bundles' missing ones still missing) and a Sharpe ratio below every bundle's.
     */
    private static List<IndexRow> summaryOnlyRows(List<IndexRow> real, int count) {
        double lowestSharpe = real.stream().mapToDouble(r -> r.summaryDouble(SummaryField.SHARPE_RATIO))
                .filter(Double::isFinite).min().orElseThrow();
        Random random = new Random(25_000);
        List<IndexRow> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            IndexRow base = real.get(i % real.size());
            String name = String.format(Locale.ROOT, "sweep-%05d", i);
            IndexRow.Builder row = IndexRow.builder().bundlePath(name + ".iafbt").algorithmId(name).tag("bench")
                    .parameter("fast", 5 + i % 25).parameter("slow", 50 + (i / 25) % 20 * 10).parameter("stop", i / 500)
                    .numberOfRuns(base.numberOfRuns());
            for (Map.Entry<SummaryField, Number> e : base.summaryValues().entrySet()) {
                row.summary(e.getKey(), e.getValue() instanceof Long ? e.getValue()
                        : e.getValue().doubleValue() * (0.5 + random.nextDouble()));
            }
            row.summary(SummaryField.SHARPE_RATIO, lowestSharpe - 1 - random.nextDouble());
            out.add(row.build());
        }
        return out;
    }
}
