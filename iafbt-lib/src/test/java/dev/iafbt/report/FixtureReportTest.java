package dev.iafbt.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.report.ReportView.Report;
import dev.iafbt.testing.ReferenceFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The report over every bundle the Python reference wrote, irregular shapes included. */
class FixtureReportTest {
    @Test
    void everyReferenceBundleIsReportedWithATearSheet() {
        Path dir = ReferenceFixtures.dir();
        int bundles = ReferenceFixtures.bundles().size();
        Report report = HtmlReport.build(dir, ReportOptions.defaults());
        assertThat(report.skipped()).as("skipped").isEmpty();
        assertThat(report.rows()).hasSize(bundles);
        assertThat(report.sheets()).hasSize(bundles);
        assertThat(report.sheets()).filteredOn(s -> !s.equitySvg().isEmpty()).as("sheets with an equity chart")
                .isNotEmpty();
        byte[] html = ReportRenderer.render(report);
        assertThat(ReportRenderer.render(HtmlReport.build(dir, ReportOptions.defaults()))).isEqualTo(html);
        assertThat(new String(html, StandardCharsets.UTF_8)).contains("Content-Security-Policy");
        // the summary's max_drawdown is the shallowest window's: the KPI strip says so
        assertThat(report.sheets()).allSatisfy(sheet -> assertThat(sheet.kpis()).extracting(ReportView.KeyValue::key)
                .contains("Max drawdown (shallowest window)", "Net gain (windows compounded)").doesNotContain("Max drawdown"));
        // bundles written by an older framework version are flagged; the reference's own irregular-* bundles are not
        // (every fixture but the two irregular-* ones, which v8.10.0 wrote itself)
        assertThat(report.notes()).filteredOn(n -> n.contains(": stale metrics: ")).hasSize(bundles - 2)
                .allSatisfy(n -> assertThat(n).contains("differ from a fresh recomputation", "mvn iafbt:recompute"));
    }
}
