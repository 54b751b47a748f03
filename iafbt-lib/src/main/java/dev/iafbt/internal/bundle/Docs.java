package dev.iafbt.internal.bundle;

import dev.iafbt.bundle.RawMsgpack;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small helpers to describe tree values in error messages. */
public final class Docs {
    private Docs() {
    }

    /** "a map", "a string", "nil", … — the msgpack kind of a tree value, for messages. */
    public static String kindOf(Object value) {
        if (value == null) {
            return "nil";
        }
        if (value instanceof Map<?, ?>) {
            return "a map";
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Double || value instanceof Float) {
            return "a float";
        }
        if (value instanceof Number) {
            return "an integer";
        }
        if (value instanceof byte[]) {
            return "binary data";
        }
        if (value instanceof RawMsgpack raw) {
            return "an undecoded " + raw.kind().name().toLowerCase(Locale.ROOT);
        }
        return "a " + value.getClass().getSimpleName();
    }
}
