package dev.iafbt.junit;

import dev.iafbt.model.SummaryField;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Names, units and value formatting shared by every message the gates produce. */
final class MetricUnits {
    private MetricUnits() {
    }

    /** The summary field for a user-given name, or an exception listing every valid name. */
    static SummaryField summaryField(String name) {
        return SummaryField.byKey(name == null ? null : name.trim().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new IllegalArgumentException("unknown summary metric '" + name
                        + "'; the 55 summary metrics are: " + knownKeys()));
    }

    static List<String> knownKeys() {
        return Arrays.stream(SummaryField.values()).map(SummaryField::key).toList();
    }

    /** The unit convention of a metric, as the message shows it; run metrics share the summary's where the key matches. */
    static String unitOf(String metric) {
        return SummaryField.byKey(metric).map(SummaryField::unit).orElse("as stored in the run metrics");
    }

    /** A double as a person reads it: integers without ".0", NaN and infinities spelled out. */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+inf" : "-inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
