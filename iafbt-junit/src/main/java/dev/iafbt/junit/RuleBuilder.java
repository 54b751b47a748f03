package dev.iafbt.junit;

import dev.iafbt.check.BundleSelection;
import dev.iafbt.check.MetricRule;
import dev.iafbt.check.SpecialValue;
import java.util.EnumSet;
import java.util.Set;

/**
 * The second half of {@code require(metric)}: the bound, and optionally which special values the
 * rule tolerates. Every bound is inclusive.
 *
 * <pre>{@code
 * gates.require("profit_factor").allowing(SpecialValue.INFINITE).atLeast(1.5)
 * }</pre>
 */
public final class RuleBuilder {
    private final BacktestGates gates;
    private final MetricRule.Scope scope;
    private final String metric;
    private final Set<SpecialValue> allowed = EnumSet.noneOf(SpecialValue.class);
    private String files;
    private String tag;

    RuleBuilder(BacktestGates gates, MetricRule.Scope scope, String metric) {
        this.gates = gates;
        this.scope = scope;
        this.metric = metric;
    }

    /** Lets the rule pass on these special values instead of failing (see {@link SpecialValue}). */
    public RuleBuilder allowing(SpecialValue... values) {
        allowed.addAll(Set.of(values));
        return this;
    }

    /** Applies the rule only to bundles whose path (relative to the project) matches {@code glob}, e.g. {@code backtests/momentum/**}. */
    public RuleBuilder forFiles(String glob) {
        this.files = glob;
        return this;
    }

    /** Applies the rule only to bundles with this tag. */
    public RuleBuilder forTag(String bundleTag) {
        this.tag = bundleTag;
        return this;
    }

    /** The metric must be {@code >= minimum}. */
    public BacktestGates atLeast(double minimum) {
        return between(minimum, Double.NaN);
    }

    /** The metric must be {@code <= maximum}. */
    public BacktestGates atMost(double maximum) {
        return between(Double.NaN, maximum);
    }

    /** The metric must lie in {@code [minimum, maximum]}; NaN leaves that side unbounded. */
    public BacktestGates between(double minimum, double maximum) {
        return gates.add(new MetricRule(scope, metric, minimum, maximum, allowed, new BundleSelection(files, tag)));
    }
}
