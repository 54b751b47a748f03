package dev.iafbt.junit;

import dev.iafbt.check.BaselineSettings;
import dev.iafbt.check.CheckRun;
import dev.iafbt.check.CheckSettings;
import dev.iafbt.check.MetricRule;
import dev.iafbt.check.MetricUnits;
import dev.iafbt.check.RoundTripCache;
import dev.iafbt.check.SweepGate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

/**
 * The programmatic gate: pick bundles, add rules, return dynamic tests from a {@code @TestFactory}.
 * Each bundle becomes a container named {@code <file> (<algorithm_id>)}, linked to the file, with
 * one test per kind of check inside it.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> momentum() {
 *     return BacktestGates.in("backtests/momentum")
 *             .require("sharpe_ratio").atLeast(1.0)
 *             .require("max_drawdown").atMost(0.25)
 *             .require("number_of_trades").atLeast(30)
 *             .baseline("src/test/resources/iafbt-baseline.csv", 0.05)
 *             .dynamicTests();
 * }
 * }</pre>
 *
 * Anything not set here comes from the configuration ({@link GateConfiguration}: system
 * properties, then {@code junit-platform.properties}), then from the built-in defaults.
 */
public final class BacktestGates {
    private final List<String> patterns;
    private final List<MetricRule> rules = new ArrayList<>();
    private String baselineFile;
    private Double baselineTolerance;
    private List<String> baselineMetrics = List.of();
    private Boolean roundTrip;
    private Double metricsTolerance;
    private Boolean allowEmpty;
    private Integer parallelism;
    private Path baseDir;
    private Function<String, Optional<String>> configuration;
    private SweepGate gate = SweepGate.every();

    private BacktestGates(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /**
     * Bundles to gate: directories (searched recursively for {@code *.iafbt}), files, or globs
     * such as {@code backtests/**}{@code /*.iafbt}, relative to the project directory.
     */
    public static BacktestGates in(String... patterns) {
        if (patterns.length == 0 || Arrays.stream(patterns).anyMatch(p -> p == null || p.isBlank())) {
            throw new IllegalArgumentException("BacktestGates.in needs at least one non-blank directory, file or glob");
        }
        return new BacktestGates(List.of(patterns));
    }

    /** A rule on one of the 55 summary metrics, by key ({@code sharpe_ratio} or {@code summary_sharpe_ratio}). */
    public RuleBuilder require(String summaryMetric) {
        return new RuleBuilder(this, MetricRule.Scope.SUMMARY, MetricUnits.summaryField(summaryMetric).key());
    }

    /** A rule every run's metrics must meet, by the run metric key (e.g. {@code sharpe_ratio}). */
    public RuleBuilder requireEachRun(String runMetric) {
        if (runMetric == null || runMetric.isBlank()) {
            throw new IllegalArgumentException("requireEachRun needs a run metric key");
        }
        return new RuleBuilder(this, MetricRule.Scope.EACH_RUN, runMetric.trim());
    }

    /**
     * Compares against a committed baseline file ({@code .csv}). A metric fails when it is worse than
     * its baseline value by more than {@code tolerance} (relative: 0.05 = 5% of the baseline's
     * magnitude). Without {@code metrics}, the summary metrics of this gate's rules are compared.
     * {@code -Diafbt.baseline.update=true} rewrites the file instead.
     */
    public BacktestGates baseline(String file, double tolerance, String... metrics) {
        this.baselineFile = Objects.requireNonNull(file, "file");
        this.baselineTolerance = tolerance;
        this.baselineMetrics = List.of(metrics);
        return this;
    }

    /** Like {@link #baseline(String, double, String...)} with the configured tolerance ({@value GateConfiguration#BASELINE_TOLERANCE}, default 0). */
    public BacktestGates baseline(String file) {
        baseline(file, Double.NaN);
        return this;
    }

    /**
     * A gate for sweeps: only the best {@code n} bundles by {@code summaryMetric} (in its own
     * direction) must meet the rules and the baseline; the others' failures are reported as
     * skipped. Unreadable bundles and round-trip differences still fail.
     */
    public BacktestGates top(int n, String summaryMetric) {
        this.gate = SweepGate.top(n, summaryMetric);
        return this;
    }

    /**
     * A gate for sweeps: only the best {@code n} bundles by the score of a focus preset
     * ({@code balanced}, {@code profit}, {@code frequency}, {@code risk_adjusted}) must meet the
     * rules and the baseline, ranked as {@code iafbt:rank} ranks them; the others' failures are
     * reported as skipped. Unreadable bundles and round-trip differences still fail.
     */
    public BacktestGates topByFocus(int n, String focus) {
        this.gate = SweepGate.topByFocus(n, focus);
        return this;
    }

    /**
     * A gate for sweeps: at least a count ({@code "40"}) or a share ({@code "80%"}) of the bundles
     * must meet the rules and the baseline; the others' failures are reported as skipped.
     */
    public BacktestGates atLeast(String countOrPercent) {
        this.gate = SweepGate.atLeast(countOrPercent);
        return this;
    }

    /**
     * The {@code metricsUpToDate} rule: every bundle's stored metrics must agree with a fresh
     * recomputation within {@code tolerance} (relative; absolute below 1), or the bundle fails with
     * each differing run, field, stored and recomputed value.
     */
    public BacktestGates metricsUpToDate(double tolerance) {
        this.metricsTolerance = tolerance;
        return this;
    }

    /** Re-encode each bundle and require identical bytes (default: {@value GateConfiguration#ROUND_TRIP}, else true). */
    public BacktestGates roundTrip(boolean enabled) {
        this.roundTrip = enabled;
        return this;
    }

    /** Let a gate that matches no bundle pass as skipped (default: {@value GateConfiguration#ALLOW_EMPTY}, else false). */
    public BacktestGates allowEmpty(boolean allowed) {
        this.allowEmpty = allowed;
        return this;
    }

    /** How many bundles are opened at once (default: {@value GateConfiguration#PARALLELISM}, else one per core). */
    public BacktestGates parallelism(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, but is " + threads);
        }
        this.parallelism = threads;
        return this;
    }

    /** The directory relative patterns and the baseline file resolve against. */
    public BacktestGates baseDirectory(Path directory) {
        this.baseDir = Objects.requireNonNull(directory, "directory");
        return this;
    }

    /** Where unset options are looked up; the extension passes its {@code ExtensionContext} here. */
    public BacktestGates configuration(Function<String, Optional<String>> lookup) {
        this.configuration = Objects.requireNonNull(lookup, "lookup");
        return this;
    }

    /** Reads the bundles (in parallel, bounded) and returns one container per bundle, in path order. */
    public Stream<DynamicNode> dynamicTests() {
        return DynamicGateNodes.of(new CheckRun(settings()));
    }

    BacktestGates add(MetricRule rule) {
        rules.add(rule);
        return this;
    }

    CheckSettings settings() {
        GateConfiguration config = new GateConfiguration(
                configuration != null ? configuration : GateConfiguration.platformDefaults());
        Path base = baseDir != null ? baseDir
                : config.get(GateConfiguration.BASE_DIR).map(Path::of).orElse(Path.of(""));
        base = base.toAbsolutePath().normalize();
        List<MetricRule> summaryRules = CheckSettings.ofScope(rules, MetricRule.Scope.SUMMARY);
        List<MetricRule> runRules = CheckSettings.ofScope(rules, MetricRule.Scope.EACH_RUN);
        CheckSettings settings = new CheckSettings(patterns, base, summaryRules, runRules,
                baselineSettings(config, base, summaryRules),
                roundTrip != null ? roundTrip : config.bool(GateConfiguration.ROUND_TRIP, true),
                roundTripCache(config, base),
                allowEmpty != null ? allowEmpty : config.bool(GateConfiguration.ALLOW_EMPTY, false),
                "set allowEmpty, or " + GateConfiguration.ALLOW_EMPTY + "=true",
                parallelism != null ? parallelism : config.positiveInt(GateConfiguration.PARALLELISM, CheckSettings.defaultParallelism()),
                gate);
        return metricsTolerance == null ? settings : settings.withMetricsUpToDate(metricsTolerance);
    }

    /** Verified round trips are remembered under the project's target/ unless switched off; same bytes are never re-encoded twice in one JVM. */
    private static Optional<RoundTripCache> roundTripCache(GateConfiguration config, Path base) {
        String dir = config.get(GateConfiguration.ROUND_TRIP_CACHE).orElse(RoundTripCache.DEFAULT_DIRECTORY);
        return Optional.of(dir.equals("none") ? RoundTripCache.inMemory() : RoundTripCache.in(base.resolve(dir)));
    }

    private Optional<BaselineSettings> baselineSettings(GateConfiguration config, Path base, List<MetricRule> summaryRules) {
        if (baselineFile == null) {
            return Optional.empty();
        }
        double tolerance = baselineTolerance == null || baselineTolerance.isNaN()
                ? config.nonNegativeDouble(GateConfiguration.BASELINE_TOLERANCE, 0.0) : baselineTolerance;
        String unmatched = config.get(GateConfiguration.BASELINE_UNMATCHED).orElse("fail");
        if (!unmatched.equals("fail") && !unmatched.equals("skip")) {
            throw new IllegalArgumentException(GateConfiguration.BASELINE_UNMATCHED + " must be fail or skip, but is '" + unmatched + "'");
        }
        return Optional.of(BaselineSettings.of(base.resolve(baselineFile).normalize(), baselineFile, tolerance,
                baselineMetrics, summaryRules, config.bool(GateConfiguration.BASELINE_UPDATE, false), unmatched.equals("fail")));
    }
}
