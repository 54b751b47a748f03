package dev.iafbt.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many bundles each rule failed: the one line per rule a check ends with
 * ({@code sharpe_ratio >= 1: 44 of 48 fail}) instead of hundreds of violation lines. Every
 * configured rule gets a line, also when it held everywhere; checks that are no threshold rule
 * (round trip, baseline, unreadable bundles) get one when they failed somewhere.
 */
public final class RuleTally {
    private final Map<String, Integer> failures = new LinkedHashMap<>();
    private int bundles;

    /** A tally over the configured rules, in the order they were configured. */
    public RuleTally(CheckSettings settings) {
        settings.summaryRules().forEach(rule -> failures.put(rule.describe(), 0));
        settings.runRules().forEach(rule -> failures.put(ThresholdCheck.describeEachRun(rule), 0));
    }

    /** Counts one bundle's failures. */
    public void add(BundleVerdict verdict) {
        bundles++;
        for (CheckResult check : verdict.checks()) {
            // a failure a sweep gate tolerates is skipped, but still broke its rules
            boolean broken = check.isFailure() || check.status() == CheckResult.Status.SKIPPED && !check.failedRules().isEmpty();
            if (broken) {
                List<String> criteria = check.failedRules().isEmpty() ? List.of(check.name()) : check.failedRules();
                criteria.forEach(criterion -> failures.merge(criterion, 1, Integer::sum));
            }
        }
    }

    /** Bundles counted so far. */
    public int bundles() {
        return bundles;
    }

    /** Failing bundles per rule or check, in configured order, then in order of first failure. */
    public Map<String, Integer> orderedFailures() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    }

    /** One line per rule: {@code sharpe_ratio >= 1: 44 of 48 fail}, or {@code ...: all 48 pass}. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        failures.forEach((criterion, failed) -> lines.add(criterion + ": "
                + (failed == 0 ? "all " + bundles + " pass" : failed + " of " + bundles + " fail")));
        return lines;
    }
}
