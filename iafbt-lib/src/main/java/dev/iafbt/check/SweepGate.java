package dev.iafbt.check;

import dev.iafbt.model.SummaryField;
import dev.iafbt.rank.EvaluationFocus;
import dev.iafbt.rank.QueryException;
import dev.iafbt.rank.WeightedRanker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a sweep must achieve for the build to pass. Requiring every parameter combination of a
 * sweep to meet the rules is rarely what a researcher means; usually it is "the best N must hold
 * up" or "most of them must". Only the verdicts of rules and the baseline are gated: a bundle that
 * cannot be read or does not round-trip fails whatever the gate (that is a broken file, not a weak
 * strategy). Bundles whose rule failures the gate tolerates keep them, marked as skipped, so reports
 * still show them and the per-rule counts stay true.
 */
public sealed interface SweepGate {
    /** The check whose result carries the gate's decision. */
    String NAME = "sweep gate";

    /** Every bundle must pass (the default). */
    static SweepGate every() {
        return Every.INSTANCE;
    }

    /**
     * The best {@code n} bundles by a summary metric must pass, in the metric's own direction
     * (lower is better for drawdowns, volatility and losses, as for the baseline).
     */
    static SweepGate top(int n, String summaryMetric) {
        return new Top(n, MetricUnits.summaryField(summaryMetric));
    }

    /**
     * The best {@code n} bundles by a focus preset's score must pass ({@code balanced},
     * {@code profit}, {@code frequency}, {@code risk_adjusted}): the ranking {@code iafbt:rank}
     * gives the same bundles, computed by the same ranker over their index rows.
     */
    static SweepGate topByFocus(int n, String focus) {
        EvaluationFocus preset;
        try {
            preset = EvaluationFocus.parse(focus);
        } catch (QueryException e) { // a configuration error, like every other bad gate setting
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return new TopByFocus(n, preset);
    }

    /** At least {@code count} bundles must pass. */
    static SweepGate atLeast(int count) {
        return new Quorum(count, Double.NaN);
    }

    /** At least {@code percent} % of the bundles must pass (rounded up to whole bundles). */
    static SweepGate atLeastPercent(double percent) {
        return new Quorum(-1, percent);
    }

    /**
     * Parses {@code 40} or {@code 80%}; the message of the exception says what to write. Used by
     * the Maven goal and the JUnit configuration alike.
     */
    static SweepGate atLeast(String text) {
        String value = text.trim();
        try {
            return value.endsWith("%") ? atLeastPercent(Double.parseDouble(value.substring(0, value.length() - 1).trim()))
                    : atLeast(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the minimum number of passing bundles must be a count such as 40"
                    + " or a percentage such as 80%, not '" + text + "'", e);
        }
    }

    /** The summary metric this gate orders by, if any: the inspector keeps its value for each bundle. */
    default Optional<SummaryField> orderBy() {
        return Optional.empty();
    }

    /** Whether the inspector keeps each bundle's index row: a focus score ranks the rows together. */
    default boolean ranksIndexRows() {
        return false;
    }

    /** How the gate reads in logs: {@code the top 5 by sharpe_ratio must pass}. */
    String describe();

    /** The verdicts as the gate sees them, in the same order, then the gate's own result. */
    Decision decide(List<BundleVerdict> verdicts);

    /** The gated verdicts and the result of the gate itself (null for {@link #every()}). */
    record Decision(List<BundleVerdict> verdicts, CheckResult result) {
    }

    /** The checks a gate may tolerate: how a strategy performs, not whether its file is sound. */
    Set<String> GATED = Set.of(ThresholdCheck.SUMMARY, ThresholdCheck.EACH_RUN, BaselineCheck.NAME);

    /** True when the bundle passes every check the gate looks at. */
    private static boolean meetsRules(BundleVerdict verdict) {
        return verdict.failures().stream().noneMatch(f -> GATED.contains(f.name()));
    }

    /** The verdict with its rule failures kept but marked as tolerated, so they fail no build. */
    private static BundleVerdict tolerated(BundleVerdict verdict, String why) {
        List<CheckResult> checks = new ArrayList<>();
        for (CheckResult check : verdict.checks()) {
            checks.add(check.isFailure() && GATED.contains(check.name())
                    ? new CheckResult(check.name(), CheckResult.Status.SKIPPED, "tolerated (" + why + "): " + check.message(),
                            check.failedRules().isEmpty() ? List.of(check.name()) : check.failedRules())
                    : check);
        }
        return new BundleVerdict(verdict.file(), verdict.name(), verdict.algorithmId(), checks, verdict.summaryValues(),
                verdict.gateValue(), verdict.indexRow());
    }

    /** Every bundle must pass. */
    enum Every implements SweepGate {
        INSTANCE;

        @Override
        public String describe() {
            return "every bundle must pass";
        }

        @Override
        public Decision decide(List<BundleVerdict> verdicts) {
            return new Decision(verdicts, null);
        }
    }

    /** The best {@code n} by {@code metric} must pass; missing and non-finite values rank last. */
    record Top(int n, SummaryField metric) implements SweepGate {
        public Top {
            requirePositive(n);
        }

        static void requirePositive(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("the top N of a sweep gate must be 1 or more, not " + n);
            }
        }

        @Override
        public Optional<SummaryField> orderBy() {
            return Optional.of(metric);
        }

        @Override
        public String describe() {
            return "the top " + n + " by " + metric.key() + " must pass";
        }

        @Override
        public Decision decide(List<BundleVerdict> verdicts) {
            boolean lowerIsBetter = BaselineCheck.LOWER_IS_BETTER.contains(metric);
            Comparator<Double> better = lowerIsBetter ? Comparator.naturalOrder() : Comparator.<Double>reverseOrder();
            List<BundleVerdict> ranked = verdicts.stream()
                    .sorted(Comparator.comparing((BundleVerdict v) -> usable(v.gateValue()) ? v.gateValue() : null,
                            Comparator.nullsLast(better)))
                    .toList();
            return topDecision(verdicts, ranked, n, describe(),
                    metric.key() + (lowerIsBetter ? ", lower is better" : ", higher is better"));
        }

        private static boolean usable(Double value) {
            return value != null && Double.isFinite(value);
        }
    }

    /**
     * The best {@code n} by {@code focus}'s weighted score must pass. The score of a bundle depends
     * on the whole sweep (min-max normalised over it), so the readable bundles are ranked together
     * by {@link WeightedRanker}, as {@code iafbt:rank} ranks them; unreadable ones rank last.
     */
    record TopByFocus(int n, EvaluationFocus focus) implements SweepGate {
        public TopByFocus {
            Top.requirePositive(n);
        }

        @Override
        public boolean ranksIndexRows() {
            return true;
        }

        @Override
        public String describe() {
            return "the top " + n + " by focus " + focus.value() + " must pass";
        }

        @Override
        public Decision decide(List<BundleVerdict> verdicts) {
            List<BundleVerdict> rowed = verdicts.stream().filter(v -> v.indexRow() != null).toList();
            List<BundleVerdict> ranked = new ArrayList<>();
            WeightedRanker.forFocus(focus).rankRows(rowed.stream().map(BundleVerdict::indexRow).toList())
                    .forEach(placed -> ranked.add(rowed.get(placed.index())));
            verdicts.stream().filter(v -> v.indexRow() == null).forEach(ranked::add);
            return topDecision(verdicts, ranked, n, describe(), focus.value() + " score as iafbt:rank ranks it");
        }
    }

    /**
     * The decision of a top-N gate, given the verdicts best first: the first {@code n} must meet
     * the rules, the others' rule failures are tolerated.
     */
    private static Decision topDecision(List<BundleVerdict> verdicts, List<BundleVerdict> ranked, int n,
            String description, String ordering) {
        Set<BundleVerdict> required = Set.copyOf(ranked.subList(0, Math.min(n, ranked.size())));
        String why = "not among " + description.replace(" must pass", "");
        List<BundleVerdict> gated = verdicts.stream()
                .map(v -> required.contains(v) || meetsRules(v) ? v : tolerated(v, why)).toList();
        List<String> failing = ranked.stream().filter(required::contains).filter(v -> !meetsRules(v))
                .map(BundleVerdict::displayName).toList();
        String heading = description + " (" + ordering + "): ";
        long tolerated = verdicts.size() - required.size() - verdicts.stream().filter(v -> !required.contains(v))
                .filter(SweepGate::meetsRules).count();
        CheckResult result = failing.isEmpty()
                ? CheckResult.passed(NAME, heading + "all " + required.size() + " pass; " + tolerated
                        + " other bundle(s) that break rules are tolerated")
                : CheckResult.failed(NAME, heading + failing.size() + " of " + required.size() + " fail: "
                        + String.join(", ", failing));
        return new Decision(gated, result);
    }

    /** At least {@code count} bundles, or {@code percent} % of them, must pass. */
    record Quorum(int count, double percent) implements SweepGate {
        public Quorum {
            if (Double.isNaN(percent) ? count < 0 : !(percent > 0 && percent <= 100)) {
                throw new IllegalArgumentException(Double.isNaN(percent)
                        ? "the minimum number of passing bundles must be 0 or more, not " + count
                        : "the minimum share of passing bundles must be above 0% and at most 100%, not " + percent + "%");
            }
        }

        @Override
        public String describe() {
            return "at least " + (Double.isNaN(percent) ? String.valueOf(count) : MetricUnits.format(percent) + "%")
                    + " of the bundles must pass";
        }

        @Override
        public Decision decide(List<BundleVerdict> verdicts) {
            int needed = Double.isNaN(percent) ? count : (int) Math.ceil(verdicts.size() * percent / 100 - 1e-9);
            long passing = verdicts.stream().filter(SweepGate::meetsRules).count();
            List<BundleVerdict> gated = verdicts.stream()
                    .map(v -> meetsRules(v) ? v : tolerated(v, "the sweep gate counts passing bundles")).toList();
            String counts = passing + " of " + verdicts.size() + " pass, " + needed + " required";
            CheckResult result = passing >= needed ? CheckResult.passed(NAME, describe() + ": " + counts)
                    : CheckResult.failed(NAME, describe() + ": only " + counts + ". Failing: " + verdicts.stream()
                            .filter(v -> !meetsRules(v)).map(BundleVerdict::displayName).limit(10)
                            .collect(Collectors.joining(", ")) + (verdicts.size() - passing > 10 ? ", ..." : ""));
            return new Decision(gated, result);
        }
    }
}
