package dev.iafbt.junit;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One threshold: a metric, an inclusive lower and/or upper bound (NaN = unbounded on that side),
 * whether it applies to the summary or to every run, and which special values it tolerates.
 */
record MetricRule(Scope scope, String metric, double lower, double upper, Set<SpecialValue> allowed) {

    enum Scope { SUMMARY, EACH_RUN }

    MetricRule {
        if (Double.isNaN(lower) && Double.isNaN(upper)) {
            throw new IllegalArgumentException("threshold on '" + metric + "' needs a lower bound, an upper bound or both");
        }
        if (!Double.isNaN(lower) && !Double.isNaN(upper) && lower > upper) {
            throw new IllegalArgumentException("threshold on '" + metric + "': lower bound "
                    + MetricUnits.format(lower) + " is above upper bound " + MetricUnits.format(upper));
        }
        allowed = allowed.isEmpty() ? EnumSet.noneOf(SpecialValue.class) : EnumSet.copyOf(allowed);
    }

    /** The rule as written, e.g. {@code sharpe_ratio >= 1}. */
    String describe() {
        return metric + " " + bound();
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
    Optional<String> check(Double actual) {
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
        return tooLow || tooHigh
                ? Optional.of(metric + " = " + MetricUnits.format(actual) + ", " + required)
                : Optional.empty();
    }
}
