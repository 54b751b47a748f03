package dev.iafbt.maven;

import dev.iafbt.check.BundleSelection;
import dev.iafbt.check.MetricRule;
import dev.iafbt.check.SpecialValue;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * One {@code <rule>} of {@code iafbt:check}, as written in the POM:
 *
 * <pre>{@code
 * <rule>
 *   <metric>sharpe_ratio</metric>
 *   <minimum>1.0</minimum>        <!-- and/or <maximum>; inclusive; "25%" means 0.25 -->
 *   <scope>summary</scope>        <!-- or eachRun -->
 *   <allow>INFINITE</allow>       <!-- comma-separated: MISSING, NAN, INFINITE -->
 *   <files>backtests/momentum/**</files>  <!-- optional: only these bundles -->
 *   <tag>momentum</tag>           <!-- optional: only bundles with this tag -->
 * </rule>
 * }</pre>
 */
public class Rule {
    /** A summary metric key ({@code sharpe_ratio}), or a run metric key with {@code <scope>eachRun</scope>}. */
    String metric;
    /** Inclusive lower bound; a number, or a percentage such as {@code 25%}. */
    String minimum;
    /** Inclusive upper bound; a number, or a percentage such as {@code 25%}. */
    String maximum;
    /** {@code summary} (default) or {@code eachRun}. */
    String scope;
    /** Special values this rule lets pass, comma-separated: MISSING, NAN, INFINITE. */
    String allow;
    /** Only bundles whose path (relative to the project) matches this glob, e.g. {@code backtests/momentum/**}. */
    String files;
    /** Only bundles with this tag. */
    String tag;

    /** The library rule; the message of the exception names the rule and what is wrong. */
    MetricRule toMetricRule() {
        if (metric == null || metric.isBlank()) {
            throw new IllegalArgumentException("a <rule> has no <metric>");
        }
        double lower = bound("minimum", minimum);
        double upper = bound("maximum", maximum);
        Set<SpecialValue> allowed = allowed();
        String where = scope == null ? "summary" : scope.trim();
        BundleSelection selection;
        try {
            selection = new BundleSelection(files, tag);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rule on '" + metric + "': <files> " + e.getMessage(), e);
        }
        if (where.equalsIgnoreCase("summary")) {
            return MetricRule.summary(metric, lower, upper, allowed).onlyFor(selection);
        }
        if (where.equalsIgnoreCase("eachRun")) {
            return MetricRule.eachRun(metric, lower, upper, allowed).onlyFor(selection);
        }
        throw new IllegalArgumentException("rule on '" + metric + "': <scope> must be summary or eachRun, not '" + scope + "'");
    }

    private double bound(String name, String text) {
        if (text == null || text.isBlank()) {
            return Double.NaN;
        }
        String value = text.trim();
        try {
            return value.endsWith("%") ? Double.parseDouble(value.substring(0, value.length() - 1).trim()) / 100
                    : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rule on '" + metric + "': <" + name + "> must be a number such as 1.5"
                    + " or a percentage such as 25%, not '" + text + "'", e);
        }
    }

    private Set<SpecialValue> allowed() {
        Set<SpecialValue> allowed = EnumSet.noneOf(SpecialValue.class);
        if (allow == null || allow.isBlank()) {
            return allowed;
        }
        for (String name : allow.split(",")) {
            try {
                allowed.add(SpecialValue.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rule on '" + metric + "': <allow> takes MISSING, NAN and INFINITE"
                        + " (comma-separated), not '" + name.trim() + "'", e);
            }
        }
        return allowed;
    }
}
