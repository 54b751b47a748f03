package dev.iafbt.internal.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)}, which {@code json.dumps} uses for every float: the shortest
 * decimal that reads back as the same double, in fixed notation when the decimal exponent is in
 * [-4, 16) and in scientific notation ({@code 1e+16}, {@code 1e-05}) otherwise. Java 17's
 * {@code Double.toString} is neither always shortest (JDK-4511638, fixed only in 19) nor in the
 * same notation, so the {@code *_json} columns would not be byte-compatible with it.
 */
public final class PythonFloats {
    private static final int MAX_SIGNIFICANT_DIGITS = 17;

    private PythonFloats() {
    }

    /** {@code repr(value)}: {@code nan}, {@code inf}, {@code -inf} for the non-finite values. */
    public static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortestRoundTrip(value);
        String digits = shortest.unscaledValue().abs().toString();
        // Strip trailing zeros of the digit string; the exponent keeps the value.
        int significant = digits.length();
        while (significant > 1 && digits.charAt(significant - 1) == '0') {
            significant--;
        }
        digits = digits.substring(0, significant);
        int exponent = shortest.precision() - shortest.scale() - 1; // decimal exponent of 1st digit
        String sign = value < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            return sign + fixed(digits, exponent);
        }
        return sign + scientific(digits, exponent);
    }

    /** Integral doubles below 1e16 print in fixed notation with ".0": no digit search needed. */
    private static final double FIXED_INTEGRAL_LIMIT = 1e16;

    private static BigDecimal shortestRoundTrip(double value) {
        if (value == Math.rint(value) && Math.abs(value) < FIXED_INTEGRAL_LIMIT) {
            return BigDecimal.valueOf((long) value).stripTrailingZeros();
        }
        BigDecimal exact = new BigDecimal(value);
        // Java's Double.toString already round-trips; its digit count bounds the search from
        // above, and it is usually the shortest, so the search is one or two roundings.
        int upper = Math.min(BigDecimal.valueOf(value).stripTrailingZeros().precision(), MAX_SIGNIFICANT_DIGITS);
        BigDecimal best = roundTripAt(exact, upper, value);
        if (best == null) {
            upper = MAX_SIGNIFICANT_DIGITS;
            best = exact.round(new MathContext(MAX_SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN));
        }
        for (int precision = upper - 1; precision >= 1; precision--) {
            BigDecimal shorter = roundTripAt(exact, precision, value);
            if (shorter == null) {
                break;
            }
            best = shorter;
        }
        return best;
    }

    private static BigDecimal roundTripAt(BigDecimal exact, int precision, double value) {
        BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
        return candidate.doubleValue() == value ? candidate : null;
    }

    private static String fixed(String digits, int exponent) {
        StringBuilder out = new StringBuilder();
        if (exponent < 0) {
            out.append("0.");
            out.append("0".repeat(-exponent - 1));
            out.append(digits);
            return out.toString();
        }
        int integerDigits = exponent + 1;
        if (digits.length() <= integerDigits) {
            out.append(digits).append("0".repeat(integerDigits - digits.length())).append(".0");
        } else {
            out.append(digits, 0, integerDigits).append('.').append(digits.substring(integerDigits));
        }
        return out.toString();
    }

    private static String scientific(String digits, int exponent) {
        StringBuilder out = new StringBuilder();
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        int magnitude = Math.abs(exponent);
        if (magnitude < 10) {
            out.append('0');
        }
        return out.append(magnitude).toString();
    }
}
