package dev.iafbt.index;

import dev.iafbt.internal.json.PythonJson;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Encoding of the four {@code *_json} columns: Python's
 * {@code json.dumps(value, default=str)} when the value is non-empty, NULL when it is empty, and
 * NULL when serialisation itself fails, as the reference does.
 */
final class JsonColumns {
    private JsonColumns() {
    }

    static String encode(Object value) {
        if (value == null || isEmpty(value)) {
            return null;
        }
        try {
            return PythonJson.dumps(value);
        } catch (IllegalArgumentException | StackOverflowError e) {
            return null; // an unconvertible key or a cycle: the reference writes NULL too
        }
    }

    private static boolean isEmpty(Object value) {
        return (value instanceof Map<?, ?> map && map.isEmpty())
                || (value instanceof Collection<?> items && items.isEmpty());
    }

    /** Parses a JSON object column; null text gives an empty map. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> decodeObject(String text) {
        if (text == null) {
            return Map.of();
        }
        Object value = PythonJson.loads(text);
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("expected a JSON object, found " + describe(value));
        }
        return (Map<String, Object>) value;
    }

    /** Parses a JSON array column; null text gives an empty list. */
    @SuppressWarnings("unchecked")
    static List<Object> decodeArray(String text) {
        if (text == null) {
            return List.of();
        }
        Object value = PythonJson.loads(text);
        if (!(value instanceof List)) {
            throw new IllegalArgumentException("expected a JSON array, found " + describe(value));
        }
        return (List<Object>) value;
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
