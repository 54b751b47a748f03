package dev.iafbt.check;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One threshold: a metric, an inclusive lower and/or upper bound (NaN = unbounded on that side),
 * whether it applies to the summary or to every run, and which special values it tolerates.
 * Summary rules name one of the 55 summary metrics ({@link #summary}); run rules any run metric key.
 */
public record MetricRule(Scope scope, String metric, double lower, double upper, Set<SpecialValue> allowed,
                         BundleSelection appliesTo) {

    /** Where the metric is read: the bundle's summary, or each run's metrics. */
    public enum Scope { SUMMARY, EACH_RUN }

    public MetricRule {
        if (metric == null || metric.isBlank()) {
            throw new IllegalArgumentException("a threshold needs a metric name");
        }
        metric = metric.trim();
        if (Double.isNaN(lower) && Double.isNaN(upper)) {
            throw new IllegalArgumentException("threshold on '" + metric + "' needs a lower bound, an upper bound or both");
        }
        if (!Double.isNaN(lower) && !Double.isNaN(upper) && lower > upper) {
            throw new IllegalArgumentException("threshold on '" + metric + "': lower bound "
                    + MetricUnits.format(lower) + " is above upper bound " + MetricUnits.format(upper));
        }
        allowed = allowed.isEmpty() ? EnumSet.noneOf(SpecialValue.class) : EnumSet.copyOf(allowed);
        appliesTo = appliesTo == null ? BundleSelection.ALL : appliesTo;
    }

    /** A rule for every bundle. */
    public MetricRule(Scope scope, String metric, double lower, double upper, Set<SpecialValue> allowed) {
        this(scope, metric, lower, upper, allowed, BundleSelection.ALL);
    }

    /** The same rule for only the bundles {@code selection} picks (by file pattern and/or tag). */
    public MetricRule onlyFor(BundleSelection selection) {
        return new MetricRule(scope, metric, lower, upper, allowed, selection);
    }

    /** A summary rule; the name is checked against the 55 summary metrics and normalised to its key. */
    public static MetricRule summary(String metric, double lower, double upper, Set<SpecialValue> allowed) {
        return new MetricRule(Scope.SUMMARY, MetricUnits.summaryField(metric).key(), lower, upper, allowed);
    }

    /** A rule every run's metrics must meet. */
    public static MetricRule eachRun(String metric, double lower, double upper, Set<SpecialValue> allowed) {
        return new MetricRule(Scope.EACH_RUN, metric, lower, upper, allowed);
    }

    /** The rule as written, e.g. {@code sharpe_ratio >= 1}. */
    public String describe() {
        return metric + " " + bound() + appliesTo.describe();
    }

    private String bound() {
        if (Double.isNaN(upper)) {
            return ">= " + MetricUnits.format(lower);
        }
        if (Double.isNaN(lower)) {
            return "<= " + MetricUnits.format(upper);
        }
        return "between " + MetricUnits.format(lower) + " and " + MetricUnits.format(upper);
    }

    /**
     * Checks one value (null = nil or missing). Returns the violation as one line naming the metric,
     * the actual value, the bound and the metric's unit convention; empty when the rule holds.
     */
    public Optional<String> check(Double actual) {
        String required = "required " + bound() + " [" + MetricUnits.unitOf(metric) + "]";
        if (actual == null) {
            return allowed.contains(SpecialValue.MISSING) ? Optional.empty()
                    : Optional.of(metric + " is missing (nil or absent), " + required
                            + "; missing values fail unless the rule allows MISSING");
        }
        if (actual.isNaN()) {
            return allowed.contains(SpecialValue.NAN) ? Optional.empty()
                    : Optional.of(metric + " is NaN, " + required + "; NaN fails unless the rule allows NAN");
        }
        if (actual.isInfinite() && !allowed.contains(SpecialValue.INFINITE)) {
            return Optional.of(metric + " is " + MetricUnits.format(actual) + " (not finite), " + required
                    + "; infinities fail unless the rule allows INFINITE");
        }
        boolean tooLow = !Double.isNaN(lower) && actual < lower;
        boolean tooHigh = !Double.isNaN(upper) && actual > upper;
        if (!tooLow && !tooHigh) {
            return Optional.empty();
        }
        // shown with as many digits as it takes to tell the value from the bound it broke, no more
        return Optional.of(metric + " = " + MetricUnits.formatAgainst(actual, tooLow ? lower : upper) + ", " + required);
    }
}
