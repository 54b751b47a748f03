package dev.iafbt.report;

import java.util.List;

/**
 * The records the templates read. Every text is final display text (formatted by {@link Fmt});
 * numbers a script sorts on travel beside it as {@code sort} keys. Records, so FreeMarker reads
 * their components by name and escapes every one of them (the templates are {@code .ftlh}).
 */
public final class ReportView {
    private ReportView() {
    }

    /** A table cell: text, a numeric sort key ({@code ""} when none) and a CSS class ({@code ""} when none). */
    public record Cell(String text, String sort, String css) {
        public static Cell plain(String text) {
            return new Cell(text, "", "");
        }

        /** The cell as a {@code <td>} element, every string HTML-escaped as the templates escape it. */
        public String html() {
            return RankingRows.cell(new StringBuilder(text.length() + 32), this).toString();
        }
    }

    public record KeyValue(String key, String value) {
    }

    public record Column(String label, String title) {
    }

    /**
     * A number in the ranking table: its text, the value the table sorts it by (null or NaN when
     * missing) and a CSS class ({@code ""} when none). The page carries the value only as its place
     * in the column's order ({@link RankingRows}), not as a second copy of the number.
     */
    public record NumberCell(String text, Double value, String css) {
    }

    /**
     * One row of the ranking table; {@code anchor} is the tear sheet's id, empty for summary-only
     * rows; {@code bundle} the bundle's path in its folder (or its store handle), which tells
     * apart bundles with the same algorithm id; {@code order} the value the table is ordered by;
     * {@code stale} what differs when the bundle's stored metrics are stale (empty otherwise).
     */
    public record StrategyRow(int rank, String anchor, String algorithmId, String bundle, String tag, String params,
            NumberCell order, List<NumberCell> cells, String stale) {
    }

    public record Group(String name, List<KeyValue> entries) {
    }

    /** A small table: header and rows of cells, with what was left out when it was capped. */
    public record Table(List<String> header, List<List<Cell>> rows, String cappedNote) {
        public boolean isEmpty() {
            return rows.isEmpty();
        }
    }

    /** The 2-parameter sweep heatmap: {@code cells[y][x]}. */
    public record SweepHeatmap(String metric, String xParam, String yParam, List<String> xValues, List<String> yValues,
            List<List<Cell>> cells, String note) {
    }

    public record Coverage(List<String> windows, List<CoverageRow> rows, int shared) {
    }

    public record CoverageRow(String name, String anchor, List<Boolean> present, int count) {
    }

    public record Matrix(List<String> labels, List<List<Cell>> cells, String scope) {
    }

    public record Comparison(String scatterSvg, String equitySvg, String drawdownSvg, String overlayScope,
            Matrix correlation, Coverage coverage, SweepHeatmap sweep) {
    }

    /**
     * {@code partialYears} is empty unless the curve starts or ends inside a calendar year, and then
     * says which; {@code stale} is empty unless the stored metrics differ from a fresh
     * recomputation, and then says how.
     */
    public record TearSheet(String anchor, int rank, String algorithmId, String bundle, String tag, List<KeyValue> parameters,
            List<String> windows, String currency, String primaryRun, List<KeyValue> kpis, List<Group> metrics,
            String equitySvg, String underwaterSvg, Table drawdowns, Table monthly, String partialYears, String yearlySvg,
            String rollingSharpeSvg, Table runs, Table trades, Table orders, String stale) {
    }

    public record Skipped(String bundle, String reason) {
    }

    /**
     * The whole report. {@code generated} is empty unless a timestamp was asked for;
     * {@code duplicates} is empty unless algorithm ids repeat, and then says how often.
     */
    public record Report(String title, String generated, String orderedBy, String orderLabel, int bundleCount,
            List<Column> columns, List<StrategyRow> rows, List<String> tags, String duplicates, Comparison comparison,
            List<TearSheet> sheets,
            List<Skipped> skipped, List<String> notes) {
    }
}
