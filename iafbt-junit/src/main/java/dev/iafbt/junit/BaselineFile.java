package dev.iafbt.junit;

import dev.iafbt.internal.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The committed baseline: a CSV file, one row per algorithm id and metric, sorted, so a change of
 * one value is a one-line diff. An empty value means the metric was missing when it was recorded.
 *
 * <pre>
 * # iafbt baseline: rewrite with -Diafbt.baseline.update=true
 * algorithm_id,metric,value
 * momentum_fast,max_drawdown,0.12
 * momentum_fast,sharpe_ratio,1.4
 * </pre>
 */
final class BaselineFile {
    static final String COMMENT = "# iafbt baseline: rewrite with -D" + GateConfiguration.BASELINE_UPDATE + "=true";
    static final String HEADER = "algorithm_id,metric,value";

    private BaselineFile() {
    }

    /** Entries by algorithm id, then metric; a file that does not exist yet reads as empty. */
    static SortedMap<String, SortedMap<String, Double>> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new TreeMap<>();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read baseline " + file + ": " + e.getMessage(), e);
        }
        SortedMap<String, SortedMap<String, Double>> entries = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.equals(HEADER)) {
                continue;
            }
            List<String> cells = cells(line);
            if (cells.size() != 3) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected 3 columns (" + HEADER
                        + "), but found " + cells.size() + " in '" + line + "'");
            }
            entries.computeIfAbsent(cells.get(0), id -> new TreeMap<>()).put(cells.get(1), parseValue(file, i + 1, cells.get(2)));
        }
        return entries;
    }

    /** Writes through AtomicFiles (temp file, fsync, rename), so an interrupted update never leaves half a file. */
    static void write(Path file, Map<String, ? extends Map<String, Double>> entries) {
        StringBuilder csv = new StringBuilder(COMMENT).append('\n').append(HEADER).append('\n');
        new TreeMap<>(entries).forEach((id, metrics) -> new TreeMap<>(metrics).forEach((metric, value) ->
                csv.append(quote(id)).append(',').append(quote(metric)).append(',').append(formatValue(value)).append('\n')));
        try {
            AtomicFiles.write(file, csv.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write baseline " + file + ": " + e.getMessage(), e);
        }
    }

    /** Exact: Double.toString round-trips, and integral values drop the ".0" that would only add noise. */
    static String formatValue(Double value) {
        if (value == null) {
            return "";
        }
        if (!value.isNaN() && !value.isInfinite() && value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString(value.longValue());
        }
        return value.toString();
    }

    private static Double parseValue(Path file, int line, String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ":" + line + ": '" + text + "' is not a number"
                    + " (use NaN, Infinity, -Infinity, or leave it empty for a missing metric)", e);
        }
    }

    private static String quote(String cell) {
        return cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    /** RFC 4180 cells of one line: quoted cells may contain commas and doubled quotes. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }
}
