package dev.iafbt.model;

import dev.iafbt.internal.bundle.Docs;
import java.math.BigInteger;
import java.util.Locale;
import java.util.function.Supplier;

/** Number coercions shared by the views: any numeric field may be an int, a float or a string. */
final class DocNumbers {
    private DocNumbers() {
    }

    static Double toDouble(Object value, Supplier<String> where) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (value instanceof String s) {
            // Decimal values reach bundles as strings through the default hook
            Double parsed = parsePythonFloat(s);
            if (parsed != null) {
                return parsed;
            }
        }
        throw new ModelShapeException(where.get() + " must be a number, but is " + Docs.kindOf(value));
    }

    static Long toLong(Object value, Supplier<String> where) {
        if (value == null) {
            return null;
        }
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof BigInteger big) {
            return big.longValue();
        }
        Double d = toDouble(value, where);
        return d.isNaN() ? null : (long) d.doubleValue();
    }

    /** Python's {@code float(str)}: also "nan", "inf", "-Infinity"; null when not a number. */
    static Double parsePythonFloat(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT).replace("_", "");
        switch (s) {
            case "nan", "+nan", "-nan":
                return Double.NaN;
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (s.isEmpty() || s.endsWith("d") || s.endsWith("f") || s.startsWith("0x")) {
            return null; // Java's parser accepts these suffixes and hex; Python does not
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
