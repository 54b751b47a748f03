package dev.iafbt.internal.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;

/**
 * JSON text exactly as Python's {@code json.dumps(value, default=str)} writes it, and a reader
 * for what it writes. The index's {@code parameters_json}, {@code strategy_ids_json},
 * {@code extras_json} and {@code summary_extras_json} columns are shared byte for byte with the
 * reference, so generic JSON libraries do not fit: they differ in
 * separators ({@code ", "} and {@code ": "}), in {@code ensure_ascii} escaping, in float
 * formatting ({@code repr}) and in the non-standard {@code NaN}/{@code Infinity} tokens. None is
 * on the classpath anyway; this writer/reader pair is the small, exact alternative.
 *
 * <p>Values: {@code null}, {@link Boolean}, integral {@link Number}s, {@code Float}/{@code Double},
 * {@link CharSequence}, {@link Map} (keys as Python converts them), {@link Iterable} and arrays of
 * objects; anything else is written as its {@code toString()} string, like {@code default=str}.
 */
public final class PythonJson {
    private PythonJson() {
    }

    /** {@code json.dumps(value, default=str)}; fails like Python for a map key it cannot convert. */
    public static String dumps(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    /** {@code json.loads(text)}: objects as insertion-ordered maps, ints as Long or BigInteger. */
    public static Object loads(String text) {
        return new PythonJsonReader(text).readDocument();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Double || value instanceof Float) {
            out.append(floatToken(((Number) value).doubleValue()));
        } else if (isIntegral(value)) {
            out.append(value);
        } else if (value instanceof BigDecimal decimal) {
            out.append(floatToken(decimal.doubleValue()));
        } else if (value instanceof CharSequence text) {
            writeString(text.toString(), out);
        } else if (value instanceof Map<?, ?> map) {
            writeObject(map, out);
        } else if (value instanceof Iterable<?> items) {
            writeArray(items, out);
        } else if (value instanceof Object[] items) {
            writeArray(Arrays.asList(items), out);
        } else {
            writeString(String.valueOf(value), out); // default=str
        }
    }

    private static boolean isIntegral(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger;
    }

    /** Python writes floats with repr and the JavaScript names for the non-finite values. */
    static String floatToken(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return PythonFloats.repr(value);
    }

    private static void writeObject(Map<?, ?> map, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            writeString(keyText(entry.getKey()), out);
            out.append(": ");
            write(entry.getValue(), out);
        }
        out.append('}');
    }

    /** Python's conversion of non-string keys; any other key type is a TypeError there too. */
    private static String keyText(Object key) {
        if (key instanceof CharSequence text) {
            return text.toString();
        }
        if (key == null) {
            return "null";
        }
        if (key instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (key instanceof Double || key instanceof Float) {
            return floatToken(((Number) key).doubleValue());
        }
        if (isIntegral(key)) {
            return key.toString();
        }
        throw new IllegalArgumentException("keys must be str, int, float, bool or None, not "
                + key.getClass().getName());
    }

    private static void writeArray(Iterable<?> items, StringBuilder out) {
        out.append('[');
        boolean first = true;
        for (Object item : items) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            write(item, out);
        }
        out.append(']');
    }

    /**
     * Appends {@code text} as a JSON string the way Python's {@code json.dumps} writes it with
     * {@code ensure_ascii=True}: everything outside space..tilde is escaped, UTF-16 units as is.
     */
    public static void writeString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c >= ' ' && c <= '~') {
                        out.append(c);
                    } else {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        out.append('"');
    }
}
