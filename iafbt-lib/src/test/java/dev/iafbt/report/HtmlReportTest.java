package dev.iafbt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.model.Backtest;
import dev.iafbt.model.MetricSeries;
import dev.iafbt.model.MetricsBuilder;
import dev.iafbt.model.RunBuilder;
import dev.iafbt.model.SummaryField;
import dev.iafbt.report.ReportView.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Template tests on the rendered HTML of the committed sample sweep and of hostile bundles. */
class HtmlReportTest {
    static final Path SWEEP = Path.of("..", "samples", "sweep").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    static String html(Path bundles, ReportOptions options) {
        return new String(ReportRenderer.render(HtmlReport.build(bundles, options)), StandardCharsets.UTF_8);
    }

    @Test
    void theSweepRendersEveryPartOfTheReport() {
        String html = html(SWEEP, ReportOptions.defaults().withTopK(5));
        assertThat(html).contains("<table id=\"ranking\"", "Risk and return", "Parameter sweep", "Correlation of returns",
                "Window coverage", "id=\"s1\"", "id=\"s5\"", "Worst drawdowns", "Monthly returns", "Year (compounded)",
                "Rolling Sharpe", "Underwater", "Trades", "Orders", "id=\"info\"");
        assertThat(html).doesNotContain("id=\"s6\"");
        assertThat(Pattern.compile("<tr data-k=").matcher(html).results().count()).isEqualTo(24);
        assertThat(html).as("the two most varied parameters").contains("fast_window (rows) × slow_window (columns)");
    }

    @Test
    void noExternalUrlAndAStrictContentSecurityPolicy() {
        String html = html(SWEEP, ReportOptions.defaults());
        Matcher refs = Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:|//)|@import|url\\(\\s*['\"]?(https?:|//)")
                .matcher(html);
        assertThat(refs.find()).as("external reference at %s", refs.hitEnd() ? -1 : refs.start()).isFalse();
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';");
        assertThat(html).doesNotContainIgnoringCase("<link").doesNotContainIgnoringCase("<iframe")
                .doesNotContain("fetch(").doesNotContain("XMLHttpRequest");
    }

    @Test
    void theInlinedStyleAndScriptStayWithinTheirBudget() throws IOException {
        long bytes = 0;
        for (String name : new String[] {"report.css", "report.js", "report.ftlh"}) {
            try (var in = ReportRenderer.class.getResourceAsStream("/dev/iafbt/report/" + name)) {
                bytes += in.readAllBytes().length;
            }
        }
        assertThat(bytes).as("own CSS + JS + template, no vendored code").isLessThan(150 * 1024);
    }

    @Test
    void theSameBundlesGiveTheSameBytes() {
        byte[] first = ReportRenderer.render(HtmlReport.build(SWEEP, ReportOptions.defaults()));
        byte[] second = ReportRenderer.render(HtmlReport.build(SWEEP, ReportOptions.defaults()));
        assertThat(second).isEqualTo(first);
        assertThat(new String(first, StandardCharsets.UTF_8)).doesNotContain("Written by iafbt on");
    }

    @Test
    void aTimestampAppearsOnlyWhenAskedFor() {
        assertThat(html(SWEEP, ReportOptions.defaults().withGenerated("2026-11-30 10:00"))).contains(
                "Written by iafbt on 2026-11-30 10:00");
    }

    @Test
    void theSizeBudgetFailsNamingWhatToLower() throws IOException {
        Path out = tmp.resolve("report.html");
        assertThatThrownBy(() -> HtmlReport.write(SWEEP, out, ReportOptions.defaults().withSizeBudget(10_000)))
                .isInstanceOf(ReportException.class).hasMessageContaining("over the size budget")
                .hasMessageContaining("lower topK (now 25)").hasMessageContaining("maxPoints")
                .hasMessageContaining("raise sizeBudget")
                // each option is advised once, even when several large parts share it
                .satisfies(e -> assertThat(e.getMessage().split("lower topK", -1)).hasSize(2))
                .satisfies(e -> assertThat(e.getMessage().split("lower maxPoints", -1)).hasSize(2));
        assertThat(out).doesNotExist();
        HtmlReport.Result ok = HtmlReport.write(SWEEP, out, ReportOptions.defaults());
        assertThat(Files.size(out)).isEqualTo(ok.bytes()).isLessThan(ReportOptions.DEFAULT_SIZE_BUDGET);
    }

    @Test
    void hostileStringsStayText() throws IOException {
        String evil = "<script>alert('id')</script>\"><img src=x onerror=alert(1)>";
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        long[] t = new long[40];
        double[] v = new double[40];
        for (int i = 0; i < t.length; i++) {
            t[i] = start.toEpochMilli() + i * 86_400_000L;
            v[i] = 1000 + (i % 7) * 10 - i;
        }
        Backtest.builder(evil).tag("<script>tag()</script>").parameter("<script>p()</script>", evil)
                .run(RunBuilder.window(start, start.plusSeconds(40 * 86_400L)).name("</table><script>w()</script>")
                        .tradingSymbol("<b>eur</b>").metrics(MetricsBuilder.window(start, start.plusSeconds(40 * 86_400L))
                                .series("equity_curve", MetricSeries.of(t, v))))
                .summary(SummaryField.SHARPE_RATIO, 1.0).summary(SummaryField.CAGR, 0.1)
                .summary(SummaryField.ANNUAL_VOLATILITY, 0.2).build().save(tmp.resolve("evil.iafbt"));
        Backtest.builder("plain").summary(SummaryField.SHARPE_RATIO, 0.5).build().save(tmp.resolve("plain.iafbt"));
        String html = html(tmp, ReportOptions.defaults());
        String withoutOwnScript = html.substring(0, html.lastIndexOf("<script>"));
        assertThat(withoutOwnScript).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>eur");
        assertThat(html).contains("&lt;script&gt;alert(&#39;id&#39;)&lt;/script&gt;", "&lt;script&gt;tag()&lt;/script&gt;",
                "&lt;script&gt;p()&lt;/script&gt;", "&lt;/table&gt;&lt;script&gt;w()&lt;/script&gt;", "&lt;B&gt;EUR&lt;/B&gt;");
        assertThat(Pattern.compile("<script>").matcher(html).results().count()).isEqualTo(1);
    }

    @Test
    void aCorruptBundleIsListedWithItsReasonAndTheRestIsReported() throws IOException {
        Files.copy(SWEEP.resolve("sma-crossover-f05-s050-sl2.iafbt"), tmp.resolve("good.iafbt"));
        Files.write(tmp.resolve("broken.iafbt"), "IAFB not really".getBytes(StandardCharsets.US_ASCII));
        Report report = HtmlReport.build(tmp, ReportOptions.defaults());
        assertThat(report.rows()).hasSize(1);
        assertThat(report.skipped()).singleElement().satisfies(s -> {
            assertThat(s.bundle()).isEqualTo("broken.iafbt");
            assertThat(s.reason()).isNotBlank().doesNotContain(tmp.toString()).startsWith("broken.iafbt: ");
        });
        assertThat(new String(ReportRenderer.render(report), StandardCharsets.UTF_8)).contains("Skipped bundles (1)",
                "broken.iafbt");
    }

    @Test
    void aMissingOrEmptyFolderIsAClearError() throws IOException {
        assertThatThrownBy(() -> HtmlReport.build(tmp.resolve("nope"), ReportOptions.defaults()))
                .isInstanceOf(ReportException.class).hasMessageContaining("nope").hasMessageContaining("does not exist");
        Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> HtmlReport.build(tmp.resolve("empty"), ReportOptions.defaults()))
                .isInstanceOf(ReportException.class).hasMessageContaining("holds no .iafbt bundles");
    }

    @Test
    void orderingByOneMetricFollowsTheRankCode() {
        Report bySharpe = HtmlReport.build(SWEEP, ReportOptions.defaults().withOrder(null, "sharpe_ratio", false));
        double previous = Double.POSITIVE_INFINITY;
        for (ReportView.StrategyRow row : bySharpe.rows()) {
            double sharpe = row.cells().get(1).value();
            assertThat(sharpe).isLessThanOrEqualTo(previous);
            previous = sharpe;
        }
        assertThat(bySharpe.orderedBy()).isEqualTo("sharpe_ratio, descending");
    }
}
