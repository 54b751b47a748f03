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
        String text = scaledHalfUp(abs, digits);
        if (text == null) {
            text = roundHalfUp(Double.toString(abs), digits);
        }
        return Double.compare(value, 0.0) < 0 ? "-" + text : text;
    }

    private static final double[] POWERS_OF_TEN = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

    /**
     * {@link #roundHalfUp}'s text without the decimal digits of {@link Double#toString}: {@code abs ·
     * 10^digits} rounded to a whole number, with a point put back before the last {@code digits}
     * places; null when that product lies too near a half to tell which way the shortest decimal
     * form rounds (it and the double arithmetic each err by at most about two units in the product's
     * last place), and then {@link #roundHalfUp} decides. A ranking formats over 200,000 numbers;
     * in a fresh JVM this path runs several times faster and compiles to far less code.
     */
    private static String scaledHalfUp(double abs, int digits) {
        if (digits >= POWERS_OF_TEN.length) {
            return null;
        }
        double scaled = abs * POWERS_OF_TEN[digits];
        if (!(scaled < 0x1p50)) {
            return null;
        }
        double floor = Math.floor(scaled);
        double fraction = scaled - floor; // exact: both are multiples of ulp(scaled)
        if (Math.abs(fraction - 0.5) <= 4 * Math.ulp(scaled)) {
            return null;
        }
        String whole = Long.toString((long) floor + (fraction > 0.5 ? 1 : 0));
        return digits == 0 ? whole : withPoint(whole, digits);
    }

    /**
     * {@code new BigDecimal(shortest).setScale(digits, HALF_UP).toPlainString()} on the digits of
     * {@link Double#toString} ({@code 123.45} or {@code 1.2345E-7}) themselves: a 12,500-row
     * ranking formats some 160,000 numbers, and parsing each into a BigDecimal was a tenth of its
     * cost. The text is {@code round(value · 10^digits)} with a point put back before the last
     * {@code digits} places.
     */
    private static String roundHalfUp(String shortest, int digits) {
        int e = shortest.indexOf('E');
        String mantissa = e < 0 ? shortest : shortest.substring(0, e);
        int dot = mantissa.indexOf('.');
        String all = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int point = dot + (e < 0 ? 0 : Integer.parseInt(shortest.substring(e + 1))); // the value is 0.<all> · 10^point
        int keep = point + digits; // how many of all's digits stay left of the cut
        StringBuilder scaled = new StringBuilder(Math.max(keep, 0) + 2);
        if (keep > 0) {
            scaled.append(all, 0, Math.min(keep, all.length()));
            for (int i = all.length(); i < keep; i++) {
                scaled.append('0');
            }
        }
        if (keep >= 0 && keep < all.length() && all.charAt(keep) >= '5') {
            int i = scaled.length() - 1;
            while (i >= 0 && scaled.charAt(i) == '9') {
                scaled.setCharAt(i--, '0');
            }
            if (i < 0) {
                scaled.insert(0, '1');
            } else {
                scaled.setCharAt(i, (char) (scaled.charAt(i) + 1));
            }
        }
        int lead = 0;
        while (lead < scaled.length() - 1 && scaled.charAt(lead) == '0') {
            lead++;
        }
        scaled.delete(0, lead);
        if (digits == 0) {
            return scaled.length() == 0 ? "0" : scaled.toString();
        }
        return withPoint(scaled, digits);
    }

    /**
     * {@code units}, a whole number of {@code 10^-digits}, as a decimal: zeros in front until a
     * digit stands left of the point, then the point before the last {@code digits} places
     * ({@code "5"}, 3 → {@code "0.005"}). Both rounding paths above end here.
     */
    private static String withPoint(CharSequence units, int digits) {
        StringBuilder out = new StringBuilder(digits + units.length() + 2);
        for (int i = units.length(); i <= digits; i++) {
            out.append('0');
        }
        out.append(units);
        return out.insert(out.length() - digits, '.').toString();
    }

    /** Rounded to a whole number: {@code String.format(Locale.ROOT, "%d", …)}'s text, without parsing a format per cell. */
    public static String count(Double value) {
        return special(value) != null ? special(value) : Long.toString(Math.round(value));
    }

    public static String date(long epochMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC).toString();
    }

    /**
     * A value for a {@code data-v} sort attribute of the page's smaller tables, empty when missing.
     * Single precision (about seven significant digits, far finer than any shown value): rounding
     * to float never reverses an order, only ties values closer than that, and it halves the
     * attribute. The ranking sorts by places instead ({@link RankingRows}).
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
