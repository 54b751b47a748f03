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
 * @param gate what the sweep as a whole must achieve; {@link SweepGate#every()} by default
 * @param metricsTolerance when present, the {@value MetricsUpToDateCheck#NAME} rule: every stored
 *     metric must agree with a fresh recomputation within this relative tolerance
 */
public record CheckSettings(List<String> patterns, Path baseDir, List<MetricRule> summaryRules, List<MetricRule> runRules,
                            Optional<BaselineSettings> baseline, boolean roundTrip, Optional<RoundTripCache> roundTripCache,
                            boolean allowEmpty, String allowEmptyHint, int parallelism, SweepGate gate,
                            Optional<Double> metricsTolerance) {

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
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(metricsTolerance, "metricsTolerance");
        if (metricsTolerance.filter(t -> !(t >= 0)).isPresent()) {
            throw new IllegalArgumentException("the metricsUpToDate tolerance must be 0 or more, but is " + metricsTolerance.get());
        }
    }

    /** Settings with this sweep gate, without the {@value MetricsUpToDateCheck#NAME} rule. */
    public CheckSettings(List<String> patterns, Path baseDir, List<MetricRule> summaryRules, List<MetricRule> runRules,
                         Optional<BaselineSettings> baseline, boolean roundTrip, Optional<RoundTripCache> roundTripCache,
                         boolean allowEmpty, String allowEmptyHint, int parallelism, SweepGate gate) {
        this(patterns, baseDir, summaryRules, runRules, baseline, roundTrip, roundTripCache, allowEmpty, allowEmptyHint,
                parallelism, gate, Optional.empty());
    }

    /** Settings where every bundle must pass, without the {@value MetricsUpToDateCheck#NAME} rule. */
    public CheckSettings(List<String> patterns, Path baseDir, List<MetricRule> summaryRules, List<MetricRule> runRules,
                         Optional<BaselineSettings> baseline, boolean roundTrip, Optional<RoundTripCache> roundTripCache,
                         boolean allowEmpty, String allowEmptyHint, int parallelism) {
        this(patterns, baseDir, summaryRules, runRules, baseline, roundTrip, roundTripCache, allowEmpty, allowEmptyHint,
                parallelism, SweepGate.every(), Optional.empty());
    }

    /** These settings with the {@value MetricsUpToDateCheck#NAME} rule at {@code tolerance}. */
    public CheckSettings withMetricsUpToDate(double tolerance) {
        return new CheckSettings(patterns, baseDir, summaryRules, runRules, baseline, roundTrip, roundTripCache,
                allowEmpty, allowEmptyHint, parallelism, gate, Optional.of(tolerance));
    }

    /** Separates the rules by scope, as they come from a configuration that lists both kinds together. */
    public static List<MetricRule> ofScope(List<MetricRule> rules, MetricRule.Scope scope) {
        return rules.stream().filter(rule -> rule.scope() == scope).toList();
    }

    /** One per available processor: reading and re-encoding (zstd 19) are CPU-bound, so a round trip uses every core. */
    public static int defaultParallelism() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
