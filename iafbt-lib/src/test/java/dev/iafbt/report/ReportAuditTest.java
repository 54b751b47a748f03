package dev.iafbt.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.index.Indexer;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.index.StaleMetricsAudit;
import dev.iafbt.model.Backtest;
import dev.iafbt.report.ReportView.Report;
import dev.iafbt.report.ReportView.StrategyRow;
import dev.iafbt.report.ReportView.TearSheet;
import dev.iafbt.testing.ReferenceFixtures;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report audits stored metrics only when asked ({@link ReportOptions#auditMetrics()}) or when
 * its index recorded an audit of the very file, as {@code iafbt:index} does; an unaudited sheet
 * has no badge, and one note says how many sheets went unaudited. Two bundles iafbt writes: one
 * with fresh metrics (recomputed), one the same with a stored metric edited, so stale.
 */
class ReportAuditTest {
    private static final String NOT_AUDITED = "were not audited against a fresh recomputation";
    private static final String BADGE = "<span class=\"badge-stale\"";

    @TempDir
    Path tmp;

    @Test
    void byDefaultAStaleBundleHasNoBadgeAndTheNotesSaySoOnce() throws IOException {
        Path bundles = freshAndStale();
        Report report = HtmlReport.build(bundles, ReportOptions.defaults());
        assertThat(report.sheets()).hasSize(2).allSatisfy(sheet -> assertThat(sheet.stale()).isEmpty());
        assertThat(report.rows()).allSatisfy(row -> assertThat(row.stale()).isEmpty());
        assertThat(report.notes()).noneMatch(n -> n.contains(": stale metrics: "));
        assertThat(report.notes()).filteredOn(n -> n.contains(NOT_AUDITED)).singleElement()
                .satisfies(n -> assertThat(n).startsWith("stored metrics of 2 tear sheets were not audited")
                        .contains("iafbt:report -Diafbt.audit=true", "iafbt:index -Diafbt.audit=true"));
        String page = new String(ReportRenderer.render(report), StandardCharsets.UTF_8);
        assertThat(page).doesNotContain(BADGE).contains("stored metrics of 2 tear sheets were not audited");
    }

    @Test
    void withTheAuditTheStaleBundleIsBadgedAndNothingIsLeftUnaudited() throws IOException {
        Path bundles = freshAndStale();
        Report report = HtmlReport.build(bundles, ReportOptions.defaults().withAuditMetrics(true));
        assertThat(staleOf(report)).containsOnlyKeys("fresh.iafbt", "stale.iafbt");
        assertThat(staleOf(report).get("fresh.iafbt")).isEmpty();
        assertThat(staleOf(report).get("stale.iafbt")).startsWith("1 stored value(s) differ").contains("max_drawdown");
        assertThat(report.rows()).filteredOn(row -> !row.stale().isEmpty()).extracting(StrategyRow::bundle)
                .containsExactly("stale.iafbt");
        assertThat(report.notes()).noneMatch(n -> n.contains(NOT_AUDITED))
                .anySatisfy(n -> assertThat(n).contains(": stale metrics: 1 stored value(s) differ"));
        String page = new String(ReportRenderer.render(report), StandardCharsets.UTF_8);
        assertThat(page.split(BADGE, -1)).hasSize(2);
    }

    /** The index's record stands for the audit without the flag, but only for the file it describes. */
    @Test
    void fromAnIndexWithRecordsTheBadgeNeedsNoFlag() throws IOException {
        Path bundles = freshAndStale();
        Path index = tmp.resolve("index.sqlite");
        Indexer.builder(bundles).output(index).build().run();
        Report unrecorded = HtmlReport.build(ReportSource.index(index, bundles), ReportOptions.defaults());
        assertThat(unrecorded.sheets()).allSatisfy(sheet -> assertThat(sheet.stale()).isEmpty());
        assertThat(unrecorded.notes()).anySatisfy(n -> assertThat(n).startsWith("stored metrics of 2 tear sheets"));

        try (SqliteIndex opened = SqliteIndex.open(index)) {
            StaleMetricsAudit.refresh(opened, bundles, (done, todo) -> { });
        }
        Report recorded = HtmlReport.build(ReportSource.index(index, bundles), ReportOptions.defaults());
        assertThat(staleOf(recorded).get("stale.iafbt")).contains("max_drawdown");
        assertThat(staleOf(recorded).get("fresh.iafbt")).isEmpty();
        assertThat(recorded.notes()).noneMatch(n -> n.contains(NOT_AUDITED));
        Report audited = HtmlReport.build(ReportSource.index(index, bundles), ReportOptions.defaults().withAuditMetrics(true));
        assertThat(ReportRenderer.render(recorded)).isEqualTo(ReportRenderer.render(audited));

        // a file changed since its audit has no record that applies: unaudited again, and said so
        Path stale = bundles.resolve("stale.iafbt");
        Files.setLastModifiedTime(stale, FileTime.fromMillis(Files.getLastModifiedTime(stale).toMillis() + 5_000));
        Report changed = HtmlReport.build(ReportSource.index(index, bundles), ReportOptions.defaults());
        assertThat(staleOf(changed).get("stale.iafbt")).isEmpty();
        assertThat(changed.notes()).anySatisfy(n -> assertThat(n).startsWith("stored metrics of 1 tear sheet were not audited"));
    }

    /**
     * Unaudited, a sheet decodes only what it shows; what it shows is what the audited sheet shows,
     * but for the stale flag: the same model and, once the flags and their notes are blanked, the
     * same HTML, for every bundle the reference wrote (most of them stale).
     */
    @Test
    void theUnauditedReportIsTheAuditedOneWithoutItsStaleFlags() {
        TearSheetBuilder plain = new TearSheetBuilder(ReportOptions.defaults());
        TearSheetBuilder auditing = new TearSheetBuilder(ReportOptions.defaults().withAuditMetrics(true));
        for (Path file : ReferenceFixtures.bundles()) {
            Strategy strategy = Strategy.of(file, file.getFileName().toString(), Backtest.openSummary(file));
            TearSheetBuilder.Detailed light = plain.build(strategy, SheetReader.open(file), 1, "s1");
            TearSheetBuilder.Detailed full = auditing.build(strategy, SheetReader.open(file), 1, "s1");
            assertThat(light.audited()).isFalse();
            assertThat(full.audited()).isTrue();
            assertThat(light.sheet()).as(file.toString()).isEqualTo(with(full.sheet(), "stale", ""));
            assertThat(light.dailyReturns()).as(file.toString()).isEqualTo(full.dailyReturns());
            assertThat(light.notes()).as(file.toString()).isEqualTo(withoutStaleNotes(full.notes()));
        }

        Report light = HtmlReport.build(ReferenceFixtures.dir(), ReportOptions.defaults());
        Report full = HtmlReport.build(ReferenceFixtures.dir(), ReportOptions.defaults().withAuditMetrics(true));
        assertThat(full.sheets()).as("the reference's bundles are mostly stale").anySatisfy(s -> assertThat(s.stale()).isNotEmpty());
        Report fullUnflagged = with(with(with(full, "sheets", full.sheets().stream().map(s -> with(s, "stale", "")).toList()),
                "rows", full.rows().stream().map(r -> with(r, "stale", "")).toList()), "notes", withoutStaleNotes(full.notes()));
        Report lightWithoutNote = with(light, "notes", light.notes().stream().filter(n -> !n.contains(NOT_AUDITED)).toList());
        assertThat(lightWithoutNote.notes()).hasSize(light.notes().size() - 1);
        assertThat(ReportRenderer.render(lightWithoutNote)).isEqualTo(ReportRenderer.render(fullUnflagged));
    }

    /** {@code fresh.iafbt}: a sample bundle with recomputed metrics; {@code stale.iafbt}: the same with one stored value edited. */
    private Path freshAndStale() throws IOException {
        Path bundles = tmp.resolve("bundles");
        Files.createDirectories(bundles);
        Backtest fresh = Backtest.open(HtmlReportTest.SWEEP.resolve("sma-crossover-f05-s050-sl2.iafbt")).recompute();
        fresh.save(bundles.resolve("fresh.iafbt"));
        Backtest stale = Backtest.open(bundles.resolve("fresh.iafbt"));
        stale.runs().get(0).metrics().raw().put("max_drawdown", 0.5);
        stale.raw().put("algorithm_id", "edited");
        stale.save(bundles.resolve("stale.iafbt"));
        return bundles;
    }

    private static Map<String, String> staleOf(Report report) {
        return report.sheets().stream().collect(Collectors.toMap(TearSheet::bundle, TearSheet::stale));
    }

    private static List<String> withoutStaleNotes(List<String> notes) {
        return notes.stream().filter(n -> !n.contains(": stale metrics: ")).toList();
    }

    /** A copy of {@code record} with one component replaced. */
    @SuppressWarnings("unchecked")
    private static <R extends Record> R with(R record, String component, Object value) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = Arrays.stream(components).map(c -> {
            try {
                return c.getName().equals(component) ? value : c.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }).toArray();
        assertThat(components).extracting(RecordComponent::getName).contains(component);
        try {
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return (R) record.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
