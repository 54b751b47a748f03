package dev.iafbt.report;

import dev.iafbt.report.ReportView.Cell;
import dev.iafbt.report.ReportView.StrategyRow;
import freemarker.core.HTMLOutputFormat;
import java.util.List;

/**
 * The ranking table's rows as HTML, written with a plain {@link StringBuilder}. A report from an
 * index has one row per strategy of the sweep (12,500 and more) of about 25 cells each: through
 * the template every cell was a record wrapped and read reflectively by FreeMarker, which took most
 * of the report's time. The markup is exactly what the template wrote, and every model string is
 * escaped by FreeMarker's own HTML escaping (the one {@code .ftlh} applies), so the page's bytes do
 * not change; the template inserts the result with {@code ?no_esc}. Every cell of the page's other
 * tables is written here too ({@link #cell}).
 */
final class RankingRows {
    private static final HTMLOutputFormat HTML = HTMLOutputFormat.INSTANCE;

    private RankingRows() {
    }

    /** One {@code <tr>…</tr>\n} per row, in order. */
    static String html(List<StrategyRow> rows) {
        StringBuilder out = new StringBuilder(rows.size() * 800);
        for (StrategyRow row : rows) {
            out.append("<tr data-tag=\"").append(escape(row.tag())).append("\"><td data-v=\"").append(row.rank())
                    .append("\">").append(row.rank()).append("</td>");
            cell(out, row.order());
            out.append("<td class=\"id");
            if (!row.stale().isEmpty()) {
                out.append(" stale\" title=\"stale metrics: ").append(escape(row.stale()));
            }
            out.append("\">");
            if (!row.anchor().isEmpty()) {
                out.append("<a href=\"#").append(escape(row.anchor())).append("\">").append(escape(row.algorithmId()))
                        .append("</a>");
            } else {
                out.append(escape(row.algorithmId()));
            }
            out.append("</td><td class=\"bundle\">").append(escape(row.bundle())).append("</td><td>")
                    .append(escape(row.tag())).append("</td><td class=\"params\">").append(escape(row.params()))
                    .append("</td>");
            for (Cell c : row.cells()) {
                cell(out, c);
            }
            out.append("</tr>\n");
        }
        return out.toString();
    }

    /**
     * A table cell, {@code <td data-v="sort" class="css">text</td>} with empty attributes left out:
     * the one place that writes a cell (the templates' {@code cell} macro calls {@link Cell#html()}).
     */
    static StringBuilder cell(StringBuilder out, Cell c) {
        out.append("<td");
        if (!c.sort().isEmpty()) {
            out.append(" data-v=\"").append(escape(c.sort())).append('"');
        }
        if (!c.css().isEmpty()) {
            out.append(" class=\"").append(escape(c.css())).append('"');
        }
        return out.append('>').append(escape(c.text())).append("</td>");
    }

    private static String escape(String text) {
        return HTML.escapePlainText(text);
    }
}
