package dev.iafbt.report;

import dev.iafbt.report.ReportView.Cell;
import dev.iafbt.report.ReportView.NumberCell;
import dev.iafbt.report.ReportView.StrategyRow;
import freemarker.core.HTMLOutputFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ranking table's rows as HTML, written with a plain {@link StringBuilder}: through the
 * template every cell was a record wrapped and read reflectively by FreeMarker, which took most of
 * the report's time. Every model string is escaped by FreeMarker's own HTML escaping (the one
 * {@code .ftlh} applies); the template inserts the result with {@code ?no_esc}.
 *
 * <p>A report from an index has one row per strategy of the sweep (12,500 and more), so a row is
 * kept small, the whole page being held to a size budget:
 * <ul>
 *   <li>Sort keys: one attribute per row, {@code data-k}, holds for each number column the value's
 *       place in its column ({@link Keys}), not the number again beside its text. A place sorts
 *       exactly as the value does and takes three characters where a number's digits took ten.</li>
 *   <li>A cell's end tag is left out, as HTML allows (a {@code td} ends at the next {@code td} or at
 *       the row's end tag): the page's DOM, text and CSV are the same.</li>
 *   <li>The text columns' layout comes from their position ({@code #ranking td:nth-child}), and the
 *       tag filter reads the tag cell itself, so neither repeats an attribute on every row.</li>
 * </ul>
 * Every cell of the page's other tables is written here too ({@link #cell}).
 */
final class RankingRows {
    private static final HTMLOutputFormat HTML = HTMLOutputFormat.INSTANCE;

    /**
     * The rows' HTML and the layout of their sort keys, which the table's header declares: the
     * key width ({@code data-kw} of the table) and each number column's slot ({@code data-k} of its
     * header cell), by number column: the rank, the ordering value, then the metric and score
     * columns in order.
     */
    record Html(String rows, int keyWidth, List<Integer> slots) {
    }

    private RankingRows() {
    }

    /**
     * One {@code <tr>…</tr>\n} per row, in order.
     *
     * @param numberColumns how many number columns each row has (the rank, the ordering value and
     *                      the report's metric and score columns), so an empty table still declares a slot for each
     */
    static Html html(List<StrategyRow> rows, int numberColumns) {
        Keys keys = Keys.of(rows, numberColumns);
        StringBuilder out = new StringBuilder(rows.size() * 384);
        for (int i = 0; i < rows.size(); i++) {
            StrategyRow row = rows.get(i);
            out.append("<tr data-k=\"");
            keys.append(out, i);
            out.append("\"><td>").append(row.rank());
            cell(out, row.order());
            out.append("<td");
            if (!row.stale().isEmpty()) {
                out.append(" class=\"stale\" title=\"stale metrics: ").append(escape(row.stale())).append('"');
            }
            out.append('>');
            if (!row.anchor().isEmpty()) {
                out.append("<a href=\"#").append(escape(row.anchor())).append("\">").append(escape(row.algorithmId()))
                        .append("</a>");
            } else {
                out.append(escape(row.algorithmId()));
            }
            out.append("<td>").append(escape(row.bundle())).append("<td>").append(escape(row.tag())).append("<td>")
                    .append(escape(row.params()));
            for (NumberCell c : row.cells()) {
                cell(out, c);
            }
            out.append("</tr>\n");
        }
        return new Html(out.toString(), keys.width, keys.slots);
    }

    /** A ranking cell, {@code <td class="css">text}: the sort key is in the row's {@code data-k}. */
    private static void cell(StringBuilder out, NumberCell c) {
        out.append("<td");
        if (!c.css().isEmpty()) {
            out.append(" class=\"").append(escape(c.css())).append('"');
        }
        out.append('>').append(escape(c.text()));
    }

    /**
     * A table cell, {@code <td data-v="sort" class="css">text</td>} with empty attributes left out:
     * the one place that writes a cell of the page's other tables (the templates' {@code cell} macro
     * calls {@link Cell#html()}).
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

    /**
     * The rows' sort keys. A value's key is its place among the distinct values of its column,
     * 1 for the smallest, and 0 when it is missing (null or NaN, which the page sorts last either
     * way): sorting by place is sorting by value, ties and ±inf included (-0.0 and 0.0 are one
     * value, as they compare in the page). Places are written in base 36 with the digits the largest
     * needs ({@code width}), so 25,000 rows take three characters a column. Columns whose places
     * are the same on every row, such as the ordering value and the focus score it repeats, share
     * one slot of the key.
     */
    private static final class Keys {
        private static final char[] DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

        final List<int[]> places = new ArrayList<>();
        final List<Integer> slots = new ArrayList<>();
        final int width;

        private Keys(List<StrategyRow> rows, int numberColumns) {
            int largest = 0;
            double[][] values = values(rows, numberColumns);
            for (int column = 0; column < numberColumns; column++) {
                int[] place = places(values[column]);
                int slot = indexOf(place);
                if (slot < 0) {
                    slot = places.size();
                    places.add(place);
                    for (int p : place) {
                        largest = Math.max(largest, p);
                    }
                }
                slots.add(slot);
            }
            width = Integer.toString(largest, DIGITS.length).length();
        }

        static Keys of(List<StrategyRow> rows, int numberColumns) {
            return new Keys(rows, numberColumns);
        }

        /** Row {@code row}'s key: its place in every slot, {@code width} digits each. */
        void append(StringBuilder out, int row) {
            char[] digits = new char[width];
            for (int[] place : places) {
                int p = place[row];
                for (int d = width - 1; d >= 0; d--, p /= DIGITS.length) {
                    digits[d] = DIGITS[p % DIGITS.length];
                }
                out.append(digits);
            }
        }

        private int indexOf(int[] place) {
            for (int slot = 0; slot < places.size(); slot++) {
                if (Arrays.equals(places.get(slot), place)) {
                    return slot;
                }
            }
            return -1;
        }

        /** Per number column (the rank, the ordering value, then the cells) each row's value, NaN when missing. */
        private static double[][] values(List<StrategyRow> rows, int numberColumns) {
            double[][] out = new double[numberColumns][rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                StrategyRow row = rows.get(i);
                out[0][i] = row.rank();
                out[1][i] = value(row.order());
                List<NumberCell> cells = row.cells();
                for (int column = 2; column < numberColumns; column++) {
                    out[column][i] = value(cells.get(column - 2));
                }
            }
            return out;
        }

        /** + 0.0: -0.0 becomes 0.0, the value it equals. */
        private static double value(NumberCell cell) {
            Double v = cell.value();
            return v == null ? Double.NaN : v + 0.0;
        }

        /** Each value's place among the distinct values, 1 for the smallest; 0 for NaN. */
        private static int[] places(double[] values) {
            double[] distinct = new double[values.length];
            int n = 0;
            for (double v : values) {
                if (!Double.isNaN(v)) {
                    distinct[n++] = v;
                }
            }
            Arrays.sort(distinct, 0, n);
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (m == 0 || distinct[i] != distinct[m - 1]) {
                    distinct[m++] = distinct[i];
                }
            }
            int[] out = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = Double.isNaN(values[i]) ? 0 : Arrays.binarySearch(distinct, 0, m, values[i]) + 1;
            }
            return out;
        }
    }
}
