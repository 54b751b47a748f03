package dev.iafbt.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.report.ReportView.Report;
import dev.iafbt.testing.ReferenceFixtures;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report over every bundle the Python reference wrote, irregular shapes included. */
class FixtureReportTest {
    @Test
    void everyReferenceBundleIsReportedWithATearSheet() {
        Path dir = ReferenceFixtures.dir();
        int bundles = ReferenceFixtures.bundles().size();
        ReportOptions audited = ReportOptions.defaults().withAuditMetrics(true);
        Report report = HtmlReport.build(dir, audited);
        assertThat(report.skipped()).as("skipped").isEmpty();
        assertThat(report.rows()).hasSize(bundles);
        assertThat(report.sheets()).hasSize(bundles);
        assertThat(report.sheets()).filteredOn(s -> !s.equitySvg().isEmpty()).as("sheets with an equity chart")
                .isNotEmpty();
        byte[] html = ReportRenderer.render(report);
        assertThat(ReportRenderer.render(HtmlReport.build(dir, audited))).isEqualTo(html);
        assertThat(new String(html, StandardCharsets.UTF_8)).contains("Content-Security-Policy");
        // the summary's max_drawdown is the shallowest window's: the KPI strip says so
        assertThat(report.sheets()).allSatisfy(sheet -> assertThat(sheet.kpis()).extracting(ReportView.KeyValue::key)
                .contains("Max drawdown (shallowest window)", "Net gain (windows compounded)").doesNotContain("Max drawdown"));
        // audited, bundles written by an older framework version are flagged; the reference's own irregular-* bundles are not
        // (every fixture but the two irregular-* ones, which v8.10.0 wrote itself)
        assertThat(report.notes()).filteredOn(n -> n.contains(": stale metrics: ")).hasSize(bundles - 2)
                .allSatisfy(n -> assertThat(n).contains("differ from a fresh recomputation", "mvn iafbt:recompute"));
        // and badged: on the ranking row and on the tear sheet, with what differs
        assertThat(report.sheets()).filteredOn(sheet -> !sheet.stale().isEmpty()).hasSize(bundles - 2)
                .noneMatch(sheet -> sheet.bundle().startsWith("irregular-"));
        assertThat(report.rows()).filteredOn(row -> !row.stale().isEmpty()).hasSize(bundles - 2)
                .allSatisfy(row -> assertThat(row.stale()).contains("stored value(s) differ"));
        String page = new String(html, StandardCharsets.UTF_8);
        assertThat(page.split("<td class=\"stale\" title=\"stale metrics: ", -1)).hasSize(bundles - 2 + 1);
        assertThat(page.split("<span class=\"badge-stale\"", -1)).hasSize(bundles - 2 + 1);
    }

    /**
     * The production-size fixture (11 windows, 24,112 snapshots, 691 trades) at the defaults: its
     * tear sheet stays within 120 KB (it was 340 KB, mostly 500 trade and 500 order rows) and still
     * shows every run, the capped tables say how much they hold, and the drawdown extremes stay.
     */
    @Test
    void anElevenWindowTearSheetStaysWithin120Kb(@TempDir Path tmp) throws IOException {
        Path copy = tmp.resolve("batch");
        Files.createDirectories(copy);
        Files.copy(ReferenceFixtures.file("batch-0a0bbdc2-v2.iafbt"), copy.resolve("batch.iafbt"));
        Report report = HtmlReport.build(copy, ReportOptions.defaults());
        String html = new String(ReportRenderer.render(report), StandardCharsets.UTF_8);
        int start = html.indexOf("<section id=\"s1\"");
        int end = html.indexOf("<section", start + 1);
        String sheet = html.substring(start, end);
        assertThat(sheet.getBytes(StandardCharsets.UTF_8).length).as("tear sheet bytes").isLessThanOrEqualTo(120 * 1024);
        assertThat(report.sheets().get(0).windows()).hasSize(11);
        assertThat(sheet.contains("showing 100 of 691 trades")).as("the trades table says it is capped").isTrue();
        int equityChart = sheet.indexOf("aria-label=\"Equity growth");
        String equity = sheet.substring(equityChart, sheet.indexOf("</svg>", equityChart));
        assertThat(equity.split("<polyline", -1).length - 1).as("a line per run").isEqualTo(11);
    }
}
