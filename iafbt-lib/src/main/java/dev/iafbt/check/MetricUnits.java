package dev.iafbt.check;

import dev.iafbt.model.SummaryField;
import dev.iafbt.rank.ColumnSuggestions;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Names, units and value formatting shared by every message the checks produce. */
public final class MetricUnits {
    /** Enough for any value a person reads; drops the binary noise of {@code 0.25279999999999997}. */
    static final int VALUE_DIGITS = 12;
    /** A computed limit (a baseline minus its tolerance) needs no more than this, unless it must be told apart. */
    static final int LIMIT_DIGITS = 4;
    private static final int MAX_DIGITS = 17;

    private MetricUnits() {
    }

    /** The summary field for a user-given name, or an exception listing every valid name. */
    public static SummaryField summaryField(String name) {
        return SummaryField.byKey(name == null ? null : name.trim().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new IllegalArgumentException(unknownMetric(name)));
    }

    /**
     * {@code unknown summary metric 'sharpe'; did you mean sharpe_ratio?}, then the 55 names on
     * lines of a readable width rather than one line of 1,500 characters.
     */
    static String unknownMetric(String name) {
        List<String> close = ColumnSuggestions.closest(String.valueOf(name), knownKeys());
        StringBuilder message = new StringBuilder("unknown summary metric '").append(name).append('\'');
        message.append(close.isEmpty() ? "." : "; did you mean " + String.join(" or ", close) + "?");
        message.append("\n  The 55 summary metrics:");
        StringBuilder line = new StringBuilder();
        for (String key : knownKeys()) {
            if (line.length() + key.length() > 96) {
                message.append("\n    ").append(line.toString().strip());
                line.setLength(0);
            }
            line.append(key).append(", ");
        }
        return message.append("\n    ").append(line.toString().strip().replaceAll(",$", "")).toString();
    }

    public static List<String> knownKeys() {
        return Arrays.stream(SummaryField.values()).map(SummaryField::key).toList();
    }

    /** The unit convention of a metric, as the message shows it; run metrics share the summary's where the key matches. */
    public static String unitOf(String metric) {
        return SummaryField.byKey(metric).map(SummaryField::unit).orElse("as stored in the run metrics");
    }

    /**
     * A double as a person writes it: at most 12 significant digits ({@code 0.2528}, not
     * {@code 0.25279999999999997}), integers without ".0", NaN and infinities spelled out.
     */
    public static String format(double value) {
        return special(value) != null ? special(value) : round(value, VALUE_DIGITS);
    }

    /**
     * {@code value} with at least {@code minDigits} significant digits and as many more as it takes
     * to print differently from {@code other}, so a message never reads "1, required >= 1".
     */
    public static String formatAgainst(double value, double other, int minDigits) {
        if (special(value) != null) {
            return special(value);
        }
        for (int digits = minDigits; digits < MAX_DIGITS; digits++) {
            String shown = round(value, digits);
            if (value == other || !Double.isFinite(other) || !shown.equals(round(other, digits))) {
                return shown;
            }
        }
        return round(value, MAX_DIGITS);
    }

    /** A measured value beside the bound it broke. */
    static String formatAgainst(double value, double bound) {
        return formatAgainst(value, bound, VALUE_DIGITS);
    }

    private static String special(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+inf" : "-inf";
        }
        return null;
    }

    private static String round(double value, int digits) {
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = BigDecimal.valueOf(value).round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        double magnitude = Math.abs(value);
        return magnitude >= 1e-6 && magnitude < 1e15 ? rounded.toPlainString() : Double.toString(rounded.doubleValue());
    }
}
