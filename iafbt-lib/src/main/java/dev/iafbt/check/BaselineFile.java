package dev.iafbt.check;

import dev.iafbt.internal.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The committed baseline: a CSV file, one row per algorithm id and metric, sorted, so a change of
 * one value is a one-line diff. An empty value means the metric was missing when it was recorded.
 * The second comment line names the bundle patterns of the check that wrote it, so a second check
 * over other bundles can refuse to share the file instead of erasing its entries.
 *
 * <pre>
 * # iafbt baseline: rewrite with -Diafbt.baseline.update=true
 * # bundles: [backtests]
 * algorithm_id,metric,value
 * momentum_fast,max_drawdown,0.12
 * momentum_fast,sharpe_ratio,1.4
 * </pre>
 */
public final class BaselineFile {
    static final String COMMENT = "# iafbt baseline: rewrite with -D" + CheckSettings.BASELINE_UPDATE + "=true";
    static final String OWNER = "# bundles: ";
    /** The column header line of every baseline file. */
    public static final String HEADER = "algorithm_id,metric,value";

    /**
     * What a baseline file holds.
     *
     * @param exists false when there is no file yet (then everything else is empty)
     * @param owner the bundle patterns of the check that wrote it, if it says
     */
    record Contents(boolean exists, Optional<String> owner, SortedMap<String, SortedMap<String, Double>> entries) {
    }

    private BaselineFile() {
    }

    /** Entries by algorithm id, then metric. */
    public static SortedMap<String, SortedMap<String, Double>> read(Path file) {
        return contents(file).entries();
    }

    static Contents contents(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Contents(false, Optional.empty(), new TreeMap<>());
        } catch (IOException e) {
            throw new BaselineException("cannot read baseline " + file + ": " + e.getMessage(), e);
        }
        SortedMap<String, SortedMap<String, Double>> entries = new TreeMap<>();
        Optional<String> owner = Optional.empty();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith(OWNER)) {
                owner = Optional.of(line.substring(OWNER.length()).strip());
            }
            if (line.isEmpty() || line.startsWith("#") || line.equals(HEADER)) {
                continue;
            }
            List<String> cells = cells(line);
            if (cells.size() != 3) {
                throw new BaselineException(file + ":" + (i + 1) + ": expected 3 columns (" + HEADER
                        + "), but found " + cells.size() + " in '" + line + "'");
            }
            entries.computeIfAbsent(cells.get(0), id -> new TreeMap<>()).put(cells.get(1), parseValue(file, i + 1, cells.get(2)));
        }
        return new Contents(true, owner, entries);
    }

    /** Writes through AtomicFiles (temp file, fsync, rename), so an interrupted update never leaves half a file. */
    public static void write(Path file, Map<String, ? extends Map<String, Double>> entries) {
        write(file, Optional.empty(), entries);
    }

    static void write(Path file, Optional<String> owner, Map<String, ? extends Map<String, Double>> entries) {
        StringBuilder csv = new StringBuilder(COMMENT).append('\n');
        owner.ifPresent(patterns -> csv.append(OWNER).append(patterns).append('\n'));
        csv.append(HEADER).append('\n');
        new TreeMap<>(entries).forEach((id, metrics) -> new TreeMap<>(metrics).forEach((metric, value) ->
                csv.append(quote(id)).append(',').append(quote(metric)).append(',').append(formatValue(value)).append('\n')));
        try {
            AtomicFiles.write(file, csv.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BaselineException("cannot write baseline " + file + ": " + e.getMessage(), e);
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
            throw new BaselineException(file + ":" + line + ": '" + text + "' is not a number"
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
