package dev.iafbt.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Four result rows with every value a list/rank output must handle — a comma and quotes, a
 * non-ASCII character and a newline, ±inf, a tiny float, NULL, negative and zero integers — for
 * the tests of the result files (iafbt-lib) and of the logged table (the Maven plugin).
 */
public final class AwkwardRows {
    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("id", "x", "n");

    private AwkwardRows() {
    }

    /** Fresh rows, each mapping {@link #COLUMNS} to a value. */
    public static List<Map<String, Object>> rows() {
        return List.of(
                row("id", "a,\"b\"", "x", 1.5, "n", 3L),
                row("id", "é\n", "x", Double.POSITIVE_INFINITY, "n", null),
                row("id", null, "x", 1e-5, "n", -2L),
                row("id", "z", "x", Double.NEGATIVE_INFINITY, "n", 0L));
    }

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            row.put((String) kv[i], kv[i + 1]);
        }
        return row;
    }
}
