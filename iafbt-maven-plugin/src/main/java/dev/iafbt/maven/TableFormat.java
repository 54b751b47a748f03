package dev.iafbt.maven;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reference's {@code format_table}, the text the {@code list} and
 * {@code rank} goals log: a header, a rule of dashes, one line per row, cells left-aligned and
 * separated by two spaces, each column as wide as its widest cell. Cells: NULL is empty, a float
 * has four decimals ({@code %.4f}, rounded half-even on the exact binary value as Python does,
 * {@code -0.0000} kept), {@code inf}/{@code -inf}/{@code nan} as Python prints them, anything
 * else its text. One difference: trailing spaces are stripped from each line (the reference pads
 * the last cell too), so the build log carries none. No rows give the single line {@code (no rows)}.
 */
final class TableFormat {
    static final String NO_ROWS = "(no rows)";
    private static final String GAP = "  ";

    private TableFormat() {
    }

    /** The table as lines, without line terminators. */
    static List<String> lines(List<? extends Map<String, ?>> rows, List<String> columns) {
        if (rows.isEmpty()) {
            return List.of(NO_ROWS);
        }
        int[] widths = new int[columns.size()];
        List<String[]> cells = new ArrayList<>(rows.size());
        for (int c = 0; c < widths.length; c++) {
            widths[c] = columns.get(c).length();
        }
        for (Map<String, ?> row : rows) {
            String[] line = new String[widths.length];
            for (int c = 0; c < widths.length; c++) {
                line[c] = cell(row.get(columns.get(c)));
                widths[c] = Math.max(widths[c], line[c].length());
            }
            cells.add(line);
        }
        List<String> out = new ArrayList<>(rows.size() + 2);
        out.add(join(columns.toArray(String[]::new), widths));
        String[] rule = new String[widths.length];
        for (int c = 0; c < widths.length; c++) {
            rule[c] = "-".repeat(widths[c]);
        }
        out.add(join(rule, widths));
        cells.forEach(line -> out.add(join(line, widths)));
        return out;
    }

    private static String join(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                line.append(GAP);
            }
            line.append(cells[c]).append(" ".repeat(widths[c] - cells[c].length()));
        }
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        return line.substring(0, end);
    }

    /** One cell's text. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            return fixed4(((Number) value).doubleValue());
        }
        return value.toString();
    }

    /** Python's {@code f"{v:.4f}"}. */
    static String fixed4(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        String text = new BigDecimal(v).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = v < 0 || (v == 0 && 1 / v < 0);
        return negative && !text.startsWith("-") ? "-" + text : text;
    }
}
