package dev.iafbt.check;

import dev.iafbt.model.SummaryField;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * Compares one bundle's summary with its baseline entry. "Falls behind" depends on the metric:
 * for most, higher is better; for the loss, drawdown, volatility and losing-streak metrics in
 * {@link #LOWER_IS_BETTER}, lower is. The tolerance is relative to the baseline's magnitude.
 */
final class BaselineCheck {
    static final String NAME = "baseline";

    /** Metrics where a smaller value is the better one (magnitudes, durations and counts of losses). */
    static final Set<SummaryField> LOWER_IS_BETTER = EnumSet.of(SummaryField.MAX_DRAWDOWN,
            SummaryField.MAX_DRAWDOWN_DURATION, SummaryField.ANNUAL_VOLATILITY, SummaryField.TOTAL_LOSS,
            SummaryField.TOTAL_LOSS_PERCENTAGE, SummaryField.AVERAGE_LOSS, SummaryField.AVERAGE_LOSS_PERCENTAGE,
            SummaryField.MAX_CONSECUTIVE_LOSSES, SummaryField.AVERAGE_LOSS_DURATION);

    private final BaselineSettings settings;
    private final SortedMap<String, SortedMap<String, Double>> entries;

    BaselineCheck(BaselineSettings settings, SortedMap<String, SortedMap<String, Double>> entries) {
        this.settings = settings;
        this.entries = entries;
    }

    CheckResult check(String bundleName, String algorithmId, Map<SummaryField, Double> current) {
        String prefix = bundleName + ": ";
        if (settings.update()) {
            return CheckResult.skipped(NAME, prefix + "baseline not compared: " + CheckSettings.BASELINE_UPDATE
                    + "=true records " + describe(current) + " for '" + algorithmId + "' in " + settings.displayName());
        }
        SortedMap<String, Double> entry = entries.get(algorithmId);
        if (entry == null) {
            String message = prefix + "new bundle: no baseline entry for algorithm id '" + algorithmId + "' in "
                    + settings.displayName() + "; record it with -D" + CheckSettings.BASELINE_UPDATE + "=true";
            return settings.failUnmatched() ? CheckResult.failed(NAME, message) : CheckResult.skipped(NAME, message);
        }
        List<String> violations = new ArrayList<>();
        for (SummaryField field : settings.metrics()) {
            compare(field, entry, current.get(field)).ifPresent(violations::add);
        }
        if (violations.isEmpty()) {
            return CheckResult.passed(NAME);
        }
        return CheckResult.failed(NAME, Violations.message(prefix, violations.size() + " of " + settings.metrics().size()
                + " metrics fell behind baseline " + settings.displayName() + " (tolerance "
                + MetricUnits.format(settings.tolerance() * 100) + "%)", violations,
                "if the change is intended, rewrite the baseline with -D" + CheckSettings.BASELINE_UPDATE + "=true"));
    }

    private Optional<String> compare(SummaryField field, Map<String, Double> entry, Double actual) {
        String metric = field.key();
        String unit = " [" + field.unit() + "]";
        if (!entry.containsKey(metric)) {
            return Optional.of(metric + " has no baseline value" + unit);
        }
        Double baseline = entry.get(metric);
        if (Objects.equals(baseline, actual)) {
            return Optional.empty(); // also covers both missing, both NaN, equal infinities
        }
        if (baseline == null || baseline.isNaN()) {
            return Optional.of(metric + " = " + show(actual) + ", but the baseline value is "
                    + show(baseline) + " and cannot be compared" + unit);
        }
        if (actual == null || actual.isNaN()) {
            return Optional.of(metric + " is " + show(actual) + ", baseline " + show(baseline) + unit);
        }
        boolean lowerIsBetter = LOWER_IS_BETTER.contains(field);
        double slack = Double.isInfinite(baseline) ? 0 : settings.tolerance() * Math.abs(baseline);
        double limit = lowerIsBetter ? baseline + slack : baseline - slack;
        boolean behind = lowerIsBetter ? actual > limit : actual < limit;
        return behind
                ? Optional.of(metric + " = " + show(actual) + ", baseline " + show(baseline) + " ("
                        + (lowerIsBetter ? "lower is better, allowed up to " : "higher is better, allowed down to ")
                        + MetricUnits.formatAgainst(limit, actual, MetricUnits.LIMIT_DIGITS) + ")" + unit)
                : Optional.empty();
    }

    private String describe(Map<SummaryField, Double> current) {
        List<String> parts = new ArrayList<>();
        settings.metrics().forEach(field -> parts.add(field.key() + "=" + show(current.get(field))));
        return String.join(", ", parts);
    }

    private static String show(Double value) {
        return value == null ? "missing" : MetricUnits.format(value);
    }
}
