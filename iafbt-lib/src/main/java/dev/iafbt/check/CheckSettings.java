package dev.iafbt.check;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A check's configuration with every default resolved: which bundles, which rules, which baseline,
 * whether to re-encode, and what {@link CheckRun} needs to word its messages for the caller (the
 * JUnit gates and the {@code iafbt:check} goal name their switches differently).
 *
 * @param patterns directories (searched recursively), files or globs, relative to {@code baseDir}
 * @param roundTripCache where verified round trips are remembered; empty re-encodes every time
 * @param allowEmptyHint how the caller lets a check that matches nothing pass, for the failure message
 * @param metricsTolerance when present, the {@value MetricsUpToDateCheck#NAME} rule: every stored
 *     metric must agree with a fresh recomputation within this relative tolerance
 */
public record CheckSettings(List<String> patterns, Path baseDir, List<MetricRule> summaryRules, List<MetricRule> runRules,
                            Optional<BaselineSettings> baseline, boolean roundTrip, Optional<RoundTripCache> roundTripCache,
                            boolean allowEmpty, String allowEmptyHint, int parallelism, Optional<Double> metricsTolerance) {

    /** The one switch that rewrites baseline files from the current bundles, for every caller. */
    public static final String BASELINE_UPDATE = "iafbt.baseline.update";

    public CheckSettings {
        patterns = List.copyOf(patterns);
        Objects.requireNonNull(baseDir, "baseDir");
        summaryRules = List.copyOf(summaryRules);
        runRules = List.copyOf(runRules);
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(roundTripCache, "roundTripCache");
        Objects.requireNonNull(allowEmptyHint, "allowEmptyHint");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, but is " + parallelism);
        }
        Objects.requireNonNull(metricsTolerance, "metricsTolerance");
        if (metricsTolerance.filter(t -> !(t >= 0)).isPresent()) {
            throw new IllegalArgumentException("the metricsUpToDate tolerance must be 0 or more, but is " + metricsTolerance.get());
        }
    }

    /** Without the {@value MetricsUpToDateCheck#NAME} rule. */
    public CheckSettings(List<String> patterns, Path baseDir, List<MetricRule> summaryRules, List<MetricRule> runRules,
                         Optional<BaselineSettings> baseline, boolean roundTrip, Optional<RoundTripCache> roundTripCache,
                         boolean allowEmpty, String allowEmptyHint, int parallelism) {
        this(patterns, baseDir, summaryRules, runRules, baseline, roundTrip, roundTripCache, allowEmpty, allowEmptyHint,
                parallelism, Optional.empty());
    }

    /** These settings with the {@value MetricsUpToDateCheck#NAME} rule at {@code tolerance}. */
    public CheckSettings withMetricsUpToDate(double tolerance) {
        return new CheckSettings(patterns, baseDir, summaryRules, runRules, baseline, roundTrip, roundTripCache,
                allowEmpty, allowEmptyHint, parallelism, Optional.of(tolerance));
    }

    /** Separates the rules by scope, as they come from a configuration that lists both kinds together. */
    public static List<MetricRule> ofScope(List<MetricRule> rules, MetricRule.Scope scope) {
        return rules.stream().filter(rule -> rule.scope() == scope).toList();
    }

    /** min(4, available processors): enough to overlap reading and re-encoding, without starving the build. */
    public static int defaultParallelism() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }
}
