package dev.iafbt.check;

import dev.iafbt.model.BacktestRun;
import dev.iafbt.model.SummaryField;
import dev.iafbt.model.SummaryMetrics;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Evaluates every threshold of a bundle and reports all violations at once, never only the first. */
final class ThresholdCheck {
    static final String SUMMARY = "summary thresholds";
    static final String EACH_RUN = "run thresholds";

    private ThresholdCheck() {
    }

    static CheckResult summary(String prefix, List<MetricRule> rules, Optional<SummaryMetrics> summary) {
        if (rules.isEmpty()) {
            return CheckResult.passed(SUMMARY);
        }
        List<String> violations = new ArrayList<>();
        Set<String> broken = new LinkedHashSet<>();
        for (MetricRule rule : rules) {
            // by field, not by key: SummaryMetrics.get(String) mistakes a nil value for an unknown key
            SummaryField field = MetricUnits.summaryField(rule.metric());
            Double actual = summary.map(s -> s.get(field)).orElse(null);
            rule.check(actual).ifPresent(line -> {
                violations.add(line);
                broken.add(rule.describe());
            });
        }
        String hint = summary.isEmpty() ? "the bundle stores no summary" : null;
        return outcome(SUMMARY, prefix, violations, rules.size() + " summary thresholds", hint, broken);
    }

    static CheckResult eachRun(String prefix, List<MetricRule> rules, List<BacktestRun> runs) {
        if (rules.isEmpty()) {
            return CheckResult.passed(EACH_RUN);
        }
        List<String> violations = new ArrayList<>();
        Set<String> broken = new LinkedHashSet<>();
        if (runs.isEmpty()) {
            for (MetricRule rule : rules) {
                rule.check(null).ifPresent(line -> {
                    violations.add("no runs: " + line);
                    broken.add(describeEachRun(rule));
                });
            }
        }
        for (int i = 0; i < runs.size(); i++) {
            BacktestRun run = runs.get(i);
            String where = "run " + i + describeWindow(run) + ": ";
            for (MetricRule rule : rules) {
                rule.check(run.metrics().scalar(rule.metric())).ifPresent(line -> {
                    violations.add(where + line);
                    broken.add(describeEachRun(rule));
                });
            }
        }
        int checked = rules.size() * Math.max(1, runs.size());
        return outcome(EACH_RUN, prefix, violations, checked + " run thresholds (" + count(rules.size(), "rule") + " x "
                + count(runs.size(), "run") + ")", null, broken);
    }

    /** The rules that apply to the bundle at {@code name} with {@code tag}. */
    static List<MetricRule> applying(List<MetricRule> rules, String name, String tag) {
        return rules.stream().filter(rule -> rule.appliesTo().matches(name, tag)).toList();
    }

    /** How a run rule is named in summaries: {@code sharpe_ratio >= 0.3 (each run)}. */
    static String describeEachRun(MetricRule rule) {
        return rule.describe() + " (each run)";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String describeWindow(BacktestRun run) {
        String name = run.dateRangeName();
        String range = run.startDate() + ".." + run.endDate();
        return name == null || name.isEmpty() ? " (" + range + ")" : " '" + name + "' (" + range + ")";
    }

    private static CheckResult outcome(String check, String prefix, List<String> violations, String of, String hint,
            Set<String> broken) {
        return violations.isEmpty() ? CheckResult.passed(check)
                : CheckResult.failed(check, Violations.message(prefix, violations.size() + " of " + of + " violated",
                        violations, hint), List.copyOf(broken));
    }
}
