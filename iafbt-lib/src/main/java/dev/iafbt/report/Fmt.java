package dev.iafbt.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
        return special(fraction) != null ? special(fraction) : fixed(fraction * 100, 2) + "%";
    }

    public static String num(Double value, int digits) {
        return special(value) != null ? special(value) : fixed(value, digits);
    }

    /**
     * {@code String.format(Locale.ROOT, "%.<digits>f", value)} for a finite value, without the
     * formatter: the trades and orders tables print tens of thousands of numbers, and parsing the
     * format string each time was most of their cost. The formatter rounds the shortest decimal
     * form of the double half-up, and so does this; beyond 1e15 it is left to the formatter.
     */
    static String fixed(double value, int digits) {
        double abs = Math.abs(value);
        if (!(abs < 1e15)) {
            return String.format(Locale.ROOT, "%." + digits + "f", value);
        }
        String text = new BigDecimal(Double.toString(abs)).setScale(digits, RoundingMode.HALF_UP).toPlainString();
        return Double.compare(value, 0.0) < 0 ? "-" + text : text;
    }

    public static String count(Double value) {
        return special(value) != null ? special(value) : String.format(Locale.ROOT, "%d", Math.round(value));
    }

    public static String date(long epochMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC).toString();
    }

    /**
     * A value for a {@code data-v} sort attribute, empty when missing. Single precision (about
     * seven significant digits, far finer than any shown value): rounding to float never reverses
     * an order, only ties values closer than that, and it halves the attribute, which a
     * 12,500-row ranking repeats 22 times a row.
     */
    public static String sortKey(Double value) {
        if (value == null || value.isNaN()) {
            return "";
        }
        if (value.isInfinite()) {
            return value > 0 ? "1e308" : "-1e308";
        }
        return Math.abs(value) < 1e30 ? Float.toString(value.floatValue()) : Double.toString(value);
    }

    /**
     * SVG coordinates: one decimal, no exponent, half away from zero. Built by hand: a report
     * writes hundreds of thousands of them and {@code String.format} was a tenth of its time.
     */
    static String coord(double value) {
        double abs = Math.abs(value);
        if (!(abs < 1e15)) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        long tenths = Math.round(abs * 10);
        StringBuilder out = new StringBuilder(12);
        if (value < 0 || 1 / value < 0) {
            out.append('-');
        }
        return out.append(tenths / 10).append('.').append((char) ('0' + tenths % 10)).toString();
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
