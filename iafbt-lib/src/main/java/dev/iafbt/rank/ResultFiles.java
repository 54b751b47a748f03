package dev.iafbt.rank;

import dev.iafbt.internal.io.AtomicFiles;
import dev.iafbt.internal.json.PythonFloats;
import dev.iafbt.internal.json.PythonJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable copies of a list or rank result: {@code <name>.csv} and
 * {@code <name>.json}, for spreadsheets, pandas and other tools. The Maven goals {@code list} and
 * {@code rank} write them through this class, so a plain Java caller gets the same bytes. Deterministic: the same rows give the
 * same bytes, whatever the platform or default locale.
 *
 * <p>Both files are UTF-8, end every line with {@code \n} and hold the columns in projection order.
 * Values:
 * <ul>
 *   <li>integers: decimal digits;</li>
 *   <li>floats: Python's {@code repr}, the shortest text that reads back as the same double
 *       ({@code 1.5}, {@code 0.1}, {@code 1e-05}, {@code 1e+16});</li>
 *   <li>non-finite floats: {@code Infinity}, {@code -Infinity}, {@code NaN} (what Java's
 *       {@code Double.parseDouble}, Python's {@code float()} and pandas read); in JSON as strings
 *       ({@code "Infinity"}), so the file stays strict JSON (RFC 8259). The index stores NaN as
 *       NULL, so NaN does not occur in practice;</li>
 *   <li>NULL: an empty CSV field, JSON {@code null};</li>
 *   <li>text (including the {@code *_json} columns, as JSON text): CSV-quoted per RFC 4180 when it
 *       holds a comma, quote, CR or LF; JSON-escaped with non-ASCII as {@code \\uXXXX}.</li>
 * </ul>
 * The JSON is a list of objects laid out as Python's {@code json.dumps(rows, indent=2)} (the
 * reference's {@code --json} output), {@code []} when empty. The CSV always has its header row.
 */
public final class ResultFiles {
    private ResultFiles() {
    }

    /** Writes {@code <dir>/<name>.csv} and {@code <dir>/<name>.json}; returns the two paths. */
    public static List<Path> write(Path dir, String name, List<? extends Map<String, ?>> rows, List<String> columns)
            throws IOException {
        Files.createDirectories(dir);
        Path csv = dir.resolve(name + ".csv");
        Path json = dir.resolve(name + ".json");
        writeAtomically(csv, csv(rows, columns));
        writeAtomically(json, json(rows, columns));
        return List.of(csv, json);
    }

    /** The CSV text (header row first). */
    public static String csv(List<? extends Map<String, ?>> rows, List<String> columns) {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            out.append(c == 0 ? "" : ",").append(csvText(columns.get(c)));
        }
        out.append('\n');
        for (Map<String, ?> row : rows) {
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    out.append(',');
                }
                Object value = row.get(columns.get(c));
                if (value instanceof String s) {
                    out.append(csvText(s));
                } else if (value != null) {
                    out.append(number(value));
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The JSON text: a list of objects, {@code []} when empty. */
    public static String json(List<? extends Map<String, ?>> rows, List<String> columns) {
        if (rows.isEmpty()) {
            return "[]\n";
        }
        StringBuilder out = new StringBuilder("[\n");
        for (int r = 0; r < rows.size(); r++) {
            out.append("  {\n");
            Map<String, ?> row = rows.get(r);
            for (int c = 0; c < columns.size(); c++) {
                out.append("    ");
                PythonJson.writeString(columns.get(c), out);
                out.append(": ");
                Object value = row.get(columns.get(c));
                if (value == null) {
                    out.append("null");
                } else if (value instanceof String s) {
                    PythonJson.writeString(s, out);
                } else if (value instanceof Double d && !Double.isFinite(d)) {
                    PythonJson.writeString(number(d), out);
                } else {
                    out.append(number(value));
                }
                out.append(c + 1 < columns.size() ? ",\n" : "\n");
            }
            out.append(r + 1 < rows.size() ? "  },\n" : "  }\n");
        }
        return out.append("]\n").toString();
    }

    /** A number's text, locale-independent; see the class comment. */
    static String number(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                return "NaN";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? "Infinity" : "-Infinity";
            }
            return PythonFloats.repr(d);
        }
        if (value instanceof byte[] bytes) {
            return csvText(new String(bytes, StandardCharsets.UTF_8));
        }
        return value.toString(); // Long, Integer, BigInteger: plain digits
    }

    private static String csvText(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Through AtomicFiles (temp file, fsync, rename), so a reader never sees half a file. */
    private static void writeAtomically(Path target, String content) throws IOException {
        AtomicFiles.write(target, content.getBytes(StandardCharsets.UTF_8));
    }
}
