package dev.iafbt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.index.Indexer;
import dev.iafbt.index.MetricsAuditRecord;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.index.StaleMetricsAudit;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.SummaryField;
import dev.iafbt.report.ReportView.Report;
import dev.iafbt.report.ReportView.StrategyRow;
import dev.iafbt.store.LocalTieredStore;
import dev.iafbt.testing.ReferenceFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report from an index (the reference's workflow for large sweeps: rank in SQL, open only the
 * winners) and from a store, and what the ranking table says about its rows: the ordering value
 * next to the rank, the bundle that tells equal ids apart.
 */
class ReportSourceTest {
    static final Path SWEEP = HtmlReportTest.SWEEP;

    @TempDir
    Path tmp;

    @Test
    void fromAnIndexTheWhereFilterAndTheOrderAreRanks() throws IOException {
        Path bundles = copyOfSweep();
        Path index = indexOf(bundles);
        ReportOptions options = ReportOptions.defaults().withTopK(3).withWhere("summary_sharpe_ratio > 0");
        Report fromIndex = HtmlReport.build(ReportSource.index(index, bundles), options);
        Report fromFolder = HtmlReport.build(bundles, options);

        assertThat(fromIndex.rows()).isNotEmpty().allSatisfy(r -> assertThat(sharpe(r)).isGreaterThan(0));
        assertThat(fromIndex.rows().size()).isLessThan(24);
        assertThat(fromIndex.rows().stream().map(StrategyRow::bundle).toList())
                .as("the same order and rows as the folder gives").isEqualTo(fromFolder.rows().stream()
                        .map(StrategyRow::bundle).toList());
        assertThat(fromIndex.sheets()).hasSize(3);
        assertThat(fromIndex.orderedBy()).isEqualTo("balanced focus score, descending; where summary_sharpe_ratio > 0");
        assertThat(fromIndex.notes()).anySatisfy(n -> assertThat(n).contains("do not match where summary_sharpe_ratio > 0"));
        assertThat(ReportRenderer.render(fromIndex)).isEqualTo(ReportRenderer.render(fromFolder));
    }

    @Test
    void onlyTheTopKBundlesAreOpened() throws IOException {
        Path bundles = copyOfSweep();
        Path index = indexOf(bundles);
        Report full = HtmlReport.build(ReportSource.index(index, bundles), ReportOptions.defaults().withTopK(2));
        // every bundle outside the top 2 is now unreadable: the index alone must be enough for its row
        for (StrategyRow row : full.rows().subList(2, full.rows().size())) {
            Files.write(bundles.resolve(row.bundle()), "IAFB broken".getBytes(StandardCharsets.US_ASCII));
        }
        Report again = HtmlReport.build(ReportSource.index(index, bundles), ReportOptions.defaults().withTopK(2));
        assertThat(again.skipped()).isEmpty();
        assertThat(again.rows()).hasSize(24);
        assertThat(again.sheets()).hasSize(2);
        assertThat(ReportRenderer.render(again)).isEqualTo(ReportRenderer.render(full));
    }

    @Test
    void aRowWhoseBundleIsGoneIsSummaryOnlyWithTheReason() throws IOException {
        Path bundles = copyOfSweep();
        Path index = indexOf(bundles);
        String first = HtmlReport.build(ReportSource.index(index, bundles), ReportOptions.defaults().withTopK(1))
                .rows().get(0).bundle();
        Files.delete(bundles.resolve(first));
        Report report = HtmlReport.build(ReportSource.index(index, bundles), ReportOptions.defaults().withTopK(1));
        assertThat(report.rows()).hasSize(24);
        assertThat(report.sheets()).isEmpty();
        assertThat(report.skipped()).singleElement().satisfies(s -> assertThat(s.bundle()).isEqualTo(first));
    }

    /**
     * An index's metrics audits give the tear sheets' stale flags as the report's own audit
     * ({@code auditMetrics}) does, without asking for it, and a record is used only for the very
     * file it audited: the reference's own bundles, most of them stale (written by older framework
     * versions), reported from an index before and after its audit.
     */
    @Test
    void recordedAuditsFlagTheSheetsAsARecomputationDoes() throws IOException {
        Path bundles = tmp.resolve("fixtures");
        Files.createDirectories(bundles);
        for (Path f : ReferenceFixtures.bundles()) {
            Files.copy(f, bundles.resolve(f.getFileName()));
        }
        Path index = indexOf(bundles);
        ReportOptions options = ReportOptions.defaults();
        ReportOptions audited = options.withAuditMetrics(true);
        Report recomputed = HtmlReport.build(ReportSource.index(index, bundles), audited);
        assertThat(recomputed.sheets()).filteredOn(sheet -> !sheet.stale().isEmpty()).isNotEmpty();
        try (SqliteIndex opened = SqliteIndex.open(index)) {
            StaleMetricsAudit.refresh(opened, bundles, (done, todo) -> { });
        }
        Report fromRecords = HtmlReport.build(ReportSource.index(index, bundles), options);
        assertThat(ReportRenderer.render(fromRecords)).isEqualTo(ReportRenderer.render(recomputed));

        // the sheet takes the record's word: a record saying otherwise shows
        String first = recomputed.sheets().get(0).bundle();
        Path file = bundles.resolve(first);
        long mtimeNs = Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
        try (SqliteIndex opened = SqliteIndex.open(index)) {
            opened.recordMetricsAudits(List.of(new MetricsAuditRecord(first, mtimeNs, Files.size(file), 7, "a recorded detail")));
        }
        assertThat(HtmlReport.build(ReportSource.index(index, bundles), options).sheets().get(0).stale())
                .startsWith("7 stored value(s) differ from a fresh recomputation (e.g. a recorded detail)");
        // but not once the file changed since its audit
        Files.setLastModifiedTime(file, FileTime.from(mtimeNs + 1_000_000_000L, TimeUnit.NANOSECONDS));
        assertThat(HtmlReport.build(ReportSource.index(index, bundles), audited).sheets().get(0).stale())
                .isEqualTo(recomputed.sheets().get(0).stale());
    }

    @Test
    void aMissingIndexIsAClearError() {
        assertThatThrownBy(() -> HtmlReport.build(ReportSource.index(tmp.resolve("none.sqlite"), tmp),
                ReportOptions.defaults())).isInstanceOf(ReportException.class).hasMessageContaining("none.sqlite")
                .hasMessageContaining("does not exist");
    }

    @Test
    void fromATieredStoreByHandle() throws IOException {
        LocalTieredStore store = new LocalTieredStore(tmp.resolve("store"));
        List<Path> files = sweepFiles().subList(0, 4);
        for (Path f : files) {
            store.write(Backtest.open(f), f.getFileName().toString().replace(".iafbt", ""));
        }
        Report report = HtmlReport.build(ReportSource.store(store), ReportOptions.defaults().withTopK(2));
        assertThat(report.rows()).hasSize(4);
        assertThat(report.sheets()).hasSize(2);
        assertThat(report.rows()).allSatisfy(r -> assertThat(r.bundle()).doesNotEndWith(".iafbt")
                .isIn(store.handles()));
        assertThat(report.sheets().get(0).bundle()).isEqualTo(report.rows().get(0).bundle());
    }

    @Test
    void theOrderingValueSitsNextToTheRank() {
        Report report = HtmlReport.build(SWEEP, ReportOptions.defaults().withTopK(0));
        String html = new String(ReportRenderer.render(report), StandardCharsets.UTF_8);
        assertThat(html).contains("<th scope=\"col\" data-k=\"0\">#</th><th scope=\"col\" class=\"order\"");
        assertThat(report.orderLabel()).isEqualTo("balanced score");
        int balanced = report.columns().size() - 4; // the four focus scores close the table
        for (StrategyRow row : report.rows()) {
            assertThat(row.order().value()).isEqualTo(row.cells().get(balanced).value());
        }
        List<Double> keys = report.rows().stream().map(r -> r.order().value()).toList();
        assertThat(keys).isSortedAccordingTo((a, b) -> Double.compare(b, a));

        Report bySharpe = HtmlReport.build(SWEEP, ReportOptions.defaults().withTopK(0).withOrder(null, "sharpe_ratio", true));
        assertThat(bySharpe.orderLabel()).isEqualTo("sharpe_ratio");
        assertThat(bySharpe.rows()).allSatisfy(r -> assertThat(r.order().value()).isEqualTo(r.cells().get(1).value()));
    }

    @Test
    void repeatedAlgorithmIdsAreToldApartAndWarnedAbout() throws IOException {
        Path bundles = tmp.resolve("dups");
        Files.createDirectories(bundles.resolve("a"));
        Files.createDirectories(bundles.resolve("b"));
        Path one = sweepFiles().get(0);
        Files.copy(one, bundles.resolve("a").resolve("x.iafbt"));
        Files.copy(one, bundles.resolve("b").resolve("x.iafbt"));
        Files.copy(sweepFiles().get(1), bundles.resolve("other.iafbt"));
        Report report = HtmlReport.build(bundles, ReportOptions.defaults());
        assertThat(report.duplicates()).isEqualTo("1 algorithm id appears in more than one bundle (2 bundles in all);"
                + " the Bundle column tells them apart");
        assertThat(report.rows().stream().map(StrategyRow::bundle)).containsExactlyInAnyOrder("a/x.iafbt", "b/x.iafbt",
                "other.iafbt");
        String html = new String(ReportRenderer.render(report), StandardCharsets.UTF_8);
        assertThat(html).contains("<p class=\"warn\" id=\"duplicates\">1 algorithm id appears", "<td>a/x.iafbt<td>");
        assertThat(HtmlReport.build(SWEEP, ReportOptions.defaults().withTopK(0)).duplicates()).isEmpty();
    }

    @Test
    void hostileStringsFromAnIndexStayText() throws IOException {
        String evil = "<script>alert('id')</script>\"><img src=x onerror=alert(1)>";
        Path bundles = Files.createDirectories(tmp.resolve("evil"));
        Backtest.builder(evil).tag("<script>tag()</script>").parameter("<b>p</b>", evil)
                .summary(SummaryField.SHARPE_RATIO, 1.0).build().save(bundles.resolve("evil.iafbt"));
        Backtest.builder(evil).summary(SummaryField.SHARPE_RATIO, 0.5).build()
                .save(Files.createDirectories(bundles.resolve("<i>dir</i>")).resolve("x.iafbt"));
        String html = new String(ReportRenderer.render(HtmlReport.build(ReportSource.index(indexOf(bundles), bundles),
                ReportOptions.defaults())), StandardCharsets.UTF_8);
        String withoutOwnScript = html.substring(0, html.lastIndexOf("<script>"));
        assertThat(withoutOwnScript).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>p")
                .doesNotContain("<i>dir");
        assertThat(html).contains("&lt;script&gt;alert(&#39;id&#39;)&lt;/script&gt;", "&lt;script&gt;tag()&lt;/script&gt;",
                "&lt;b&gt;p&lt;/b&gt;", "&lt;i&gt;dir&lt;/i&gt;/x.iafbt", "1 algorithm id appears in more than one bundle");
    }

    @Test
    void theInfoLinkSaysWhatItCounts() {
        String html = new String(ReportRenderer.render(HtmlReport.build(SWEEP, ReportOptions.defaults().withTopK(1))),
                StandardCharsets.UTF_8);
        assertThat(html).contains(">Skipped bundles: 0 · Notes: ").doesNotContain("Skipped &amp; capped (");
    }

    private static double sharpe(StrategyRow row) {
        return row.cells().get(1).value();
    }

    private Path indexOf(Path bundles) {
        Path index = tmp.resolve("index.sqlite");
        Indexer.builder(bundles).output(index).build().run();
        return index;
    }

    private Path copyOfSweep() throws IOException {
        Path out = tmp.resolve("sweep");
        Files.createDirectories(out);
        for (Path f : sweepFiles()) {
            Files.copy(f, out.resolve(f.getFileName()));
        }
        return out;
    }

    private static List<Path> sweepFiles() throws IOException {
        try (Stream<Path> files = Files.list(SWEEP)) {
            return files.filter(p -> p.toString().endsWith(".iafbt")).sorted().toList();
        }
    }
}
