package dev.iafbt.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The report's only place that turns numbers into text. The model holds fractions (0.15) and
 * ratios; the view shows percent with a {@code %} sign, so there is one unit convention and one
 * place that converts it. Locale-independent so the bytes do not depend on the machine.
 */
final class Fmt {
    public static final String NONE = "–";

    private Fmt() {
    }

    /** 0.1234 → {@code 12.34%}. */
    public static String pct(Double fraction) {
        return special(fraction) != null ? special(fraction) : String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    public static String num(Double value, int digits) {
        return special(value) != null ? special(value) : String.format(Locale.ROOT, "%." + digits + "f", value);
    }

    public static String count(Double value) {
        return special(value) != null ? special(value) : String.format(Locale.ROOT, "%d", Math.round(value));
    }

    public static String date(long epochMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC).toString();
    }

    /** A value for a {@code data-v} sort attribute: plain decimal, empty when missing. */
    public static String sortKey(Double value) {
        if (value == null || value.isNaN()) {
            return "";
        }
        if (value.isInfinite()) {
            return value > 0 ? "1e308" : "-1e308";
        }
        return Double.toString(value);
    }

    /** SVG coordinates: one decimal, no exponent. */
    static String coord(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String special(Double value) {
        if (value == null || value.isNaN()) {
            return NONE;
        }
        if (value.isInfinite()) {
            return value > 0 ? "∞" : "−∞";
        }
        return null;
    }
}
