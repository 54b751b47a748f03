package dev.iafbt.report;

import dev.iafbt.check.MetricUnits;
import dev.iafbt.check.SweepDiff;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The page of {@code iafbt:diff}: what changed between two sweeps, as its own HTML file beside the
 * report (rendered with the report's FreeMarker set-up and style sheet, so it looks the same and
 * needs nothing fetched). Worse values are marked in each metric's own direction.
 */
public final class DiffPage {
    private DiffPage() {
    }

    /** The view the template reads; public for FreeMarker's bean access. */
    public record View(String title, String base, String head, String summary, String orderBy, List<String> duplicates,
            List<String> regressions, boolean thresholds, List<String> header, List<Row> rows) {
    }

    /** One table row: the CSS class of the row ({@code new}, {@code removed}, ...) and its cells. */
    public record Row(String css, List<Cell> cells) {
    }

    /** One cell: its text and the report's CSS class for worse ({@code neg}), better ({@code pos}) or neither. */
    public record Cell(String text, String css) {
    }

    /** Renders and writes the page atomically. */
    public static void write(Path output, SweepDiff diff, String baseName, String headName, boolean thresholds) {
        ReportRenderer.write(output, render(diff, baseName, headName, thresholds));
    }

    /** The HTML, UTF-8. */
    public static byte[] render(SweepDiff diff, String baseName, String headName, boolean thresholds) {
        return ReportRenderer.renderPage("diff.ftlh", "d", view(diff, baseName, headName, thresholds));
    }

    static View view(SweepDiff diff, String baseName, String headName, boolean thresholds) {
        List<String> header = new ArrayList<>(List.of("algorithm_id", "change", "rank (base → head)", "shift"));
        diff.metrics().forEach(m -> header.add(m.key() + " (base → head, Δ)"));
        List<Row> rows = new ArrayList<>();
        for (SweepDiff.Entry entry : diff.entries()) {
            List<Cell> cells = new ArrayList<>();
            cells.add(new Cell(entry.algorithmId(), ""));
            cells.add(new Cell(entry.change().name().toLowerCase(Locale.ROOT), ""));
            cells.add(new Cell(text(entry.baseRank()) + " → " + text(entry.headRank()), ""));
            Integer shift = entry.rankShift();
            cells.add(new Cell(shift == null ? "" : (shift > 0 ? "+" : "") + shift, shift == null || shift == 0 ? ""
                    : shift > 0 ? "pos" : "neg"));
            for (SweepDiff.Delta delta : entry.deltas()) {
                cells.add(new Cell(value(delta.base()) + " → " + value(delta.head()) + delta(delta), tone(delta)));
            }
            rows.add(new Row(entry.change().name().toLowerCase(Locale.ROOT), cells));
        }
        return new View("iafbt diff: " + headName + " against " + baseName, baseName, headName, diff.summary(),
                diff.orderBy().key(), diff.duplicates(), diff.regressions().stream().map(SweepDiff.Regression::describe).toList(),
                thresholds, header, rows);
    }

    private static String text(Integer rank) {
        return rank == null ? "–" : "#" + rank;
    }

    private static String value(Double value) {
        return value == null ? "–" : MetricUnits.format(value);
    }

    private static String delta(SweepDiff.Delta delta) {
        double d = delta.difference();
        return Double.isNaN(d) || d == 0 ? "" : " (" + (d > 0 ? "+" : "") + MetricUnits.format(d) + ")";
    }

    private static String tone(SweepDiff.Delta delta) {
        double worse = delta.worsening();
        return Double.isNaN(worse) || worse == 0 ? "" : worse > 0 ? "neg" : "pos";
    }
}
