package dev.iafbt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.bundle.BundleWriter;
import dev.iafbt.bundle.DocMap;
import dev.iafbt.bundle.WriteOptions;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.MetricSeries;
import dev.iafbt.model.MetricsBuilder;
import dev.iafbt.model.RunBuilder;
import dev.iafbt.model.SaveOptions;
import dev.iafbt.model.SummaryField;
import dev.iafbt.report.ReportView.Report;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report survives every bundle that opens: runs without metrics or snapshots and huge
 * strings are shown as far as they can be and listed under "Skipped &amp; capped".
 */
class SurvivingReportTest {
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant END = START.plusSeconds(40 * 86_400L);

    @TempDir
    Path tmp;

    /** Two windows without backtest_metrics, one with snapshots and one with none. */
    private void writeBundleWithoutMetrics() {
        Backtest bt = Backtest.builder("no-metrics").parameter("fast", 5)
                .run(RunBuilder.window(START, END).name("bare window").snapshot(START, 1000).snapshot(END, 1100)
                        .metrics(MetricsBuilder.window(START, END).sharpeRatio(1.0)))
                .run(RunBuilder.window(START, END).name("empty window")
                        .metrics(MetricsBuilder.window(START, END).sharpeRatio(0.5)))
                .summary(SummaryField.SHARPE_RATIO, 1.0).build();
        // the reference writes runs without backtest_metrics (its summary skips them); the builder does not
        Object runs = bt.bundle().document().get("backtest_runs");
        ((DocMap) ((List<?>) runs).get(0)).remove("backtest_metrics");
        ((DocMap) ((List<?>) runs).get(1)).remove("backtest_metrics");
        BundleWriter.write(bt.bundle(), tmp.resolve("no-metrics.iafbt"), "no-metrics", WriteOptions.DEFAULT);
    }

    @Test
    void aRunWithoutMetricsAndAWindowWithoutSnapshotsAreReportedAndListed() throws Exception {
        writeBundleWithoutMetrics();
        equityBundle("plain", "x").save(tmp.resolve("plain.iafbt"));

        Report report = HtmlReport.build(tmp, ReportOptions.defaults());

        assertThat(report.rows()).hasSize(2);
        assertThat(report.sheets()).hasSize(2);
        assertThat(report.notes()).anySatisfy(n -> assertThat(n).contains("no-metrics", "empty window",
                "no equity curve"));
        String html = new String(ReportRenderer.render(report), StandardCharsets.UTF_8);
        assertThat(html).contains("bare window", "empty window");
    }

    @Test
    void aTenMegabyteParameterIsShownTruncatedWithItsLengthAndNeverRepeated() throws Exception {
        // with a run without metrics in the same folder: the report that failed twice over
        StringBuilder huge = new StringBuilder(10_000_000);
        Random random = new Random(7);
        while (huge.length() < 10_000_000) {
            huge.append((char) ('a' + random.nextInt(26)));
        }
        String value = huge.toString();
        Backtest.builder("huge-" + value.substring(0, 300)).parameter("blob", value).tag("t" + value.substring(0, 500))
                .run(equityRun()).summary(SummaryField.SHARPE_RATIO, 2.0).build()
                .save(tmp.resolve("huge.iafbt"), SaveOptions.DEFAULT.withZstdLevel(3)); // level 19 takes a minute here
        writeBundleWithoutMetrics();

        Path out = tmp.resolve("report.html");
        HtmlReport.Result result = HtmlReport.write(tmp, out, ReportOptions.defaults());

        assertThat(result.strategies()).isEqualTo(2);
        assertThat(result.detailed()).isEqualTo(2);
        assertThat(Files.size(out)).as("the 10 MB value is not in the report").isLessThan(1_000_000);
        String html = Files.readString(out);
        assertThat(html).contains("10,000,000 characters").contains(value.substring(0, 100))
                .doesNotContain(value.substring(0, 1001));
        assertThat(count(html, value.substring(0, DisplayText.MAX_CHARS))).as("shown in the ranking and the tear sheet")
                .isLessThanOrEqualTo(2);
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("blob", "10,000,000 characters"));
    }

    @Test
    void theSizeBudgetErrorNamesWhatFillsTheFileAndOnlyAdviceThatHelps() {
        var builder = Backtest.builder("many-params").run(equityRun()).summary(SummaryField.SHARPE_RATIO, 1.0);
        for (int i = 0; i < 3000; i++) {
            builder.parameter(String.format("p%04d", i), "v".repeat(150));
        }
        builder.build().save(tmp.resolve("many.iafbt"));
        Path out = tmp.resolve("report.html");

        assertThatThrownBy(() -> HtmlReport.write(tmp, out, ReportOptions.defaults().withSizeBudget(300_000)))
                .isInstanceOf(ReportException.class).hasMessageContaining("over the size budget")
                .hasMessageContaining("most of it is Parameters of the tear sheets")
                .hasMessageContaining("raise sizeBudget").hasMessageNotContaining("maxTableRows")
                .hasMessageNotContaining("maxPoints");
        assertThat(out).doesNotExist();
    }

    private static Backtest equityBundle(String id, String param) {
        return Backtest.builder(id).parameter("p", param).run(equityRun()).summary(SummaryField.SHARPE_RATIO, 1.0).build();
    }

    private static RunBuilder equityRun() {
        long[] t = new long[40];
        double[] v = new double[40];
        for (int i = 0; i < t.length; i++) {
            t[i] = START.toEpochMilli() + i * 86_400_000L;
            v[i] = 1000 + (i % 7) * 10 - i;
        }
        return RunBuilder.window(START, END).metrics(MetricsBuilder.window(START, END)
                .series("equity_curve", MetricSeries.of(t, v)));
    }

    static long count(String html, String needle) {
        return Pattern.compile(Pattern.quote(needle)).matcher(html).results().count();
    }
}
