package dev.iafbt.maven;

import dev.iafbt.IafbtException;
import dev.iafbt.check.BaselineSettings;
import dev.iafbt.check.BundleVerdict;
import dev.iafbt.check.CheckResult;
import dev.iafbt.check.CheckRun;
import dev.iafbt.check.CheckSettings;
import dev.iafbt.check.MetricRule;
import dev.iafbt.check.RoundTripCache;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when stored backtests stop meeting their bar, like {@code jacoco:check}:
 * threshold {@code <rules>} on summary or run metrics, an optional committed baseline, and the
 * byte-identical round trip, checked over every bundle under {@code iafbt.bundles}. Every
 * violation is logged as a warning, then the build fails once ({@code haltOnFailure=false} only
 * warns). The same engine as the {@code iafbt-junit} gates, without a test class.
 *
 * <pre>{@code
 * <execution>
 *   <goals><goal>check</goal></goals>
 *   <configuration>
 *     <rules>
 *       <rule><metric>sharpe_ratio</metric><minimum>1.0</minimum></rule>
 *       <rule><metric>max_drawdown</metric><maximum>25%</maximum></rule>
 *     </rules>
 *   </configuration>
 * </execution>
 * }</pre>
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractIafbtMojo {
    /** The folder searched recursively for {@code *.iafbt} files (or a single bundle). */
    @Parameter(property = "iafbt.bundles", defaultValue = "backtests")
    File bundles;

    /** Threshold rules; each has a {@code metric}, a {@code minimum} and/or {@code maximum}, and optionally {@code scope} and {@code allow}. */
    @Parameter
    List<Rule> rules = new ArrayList<>();

    /** A committed baseline file (CSV) to compare with; none by default. */
    @Parameter(property = "iafbt.baseline")
    File baseline;

    /** Relative slack of the baseline comparison: 0.05 lets a metric fall 5% behind its baseline value. */
    @Parameter(property = "iafbt.baseline.tolerance", defaultValue = "0")
    double baselineTolerance;

    /** Summary metrics the baseline compares; by default those of the summary rules. */
    @Parameter
    List<String> baselineMetrics = new ArrayList<>();

    /** Rewrite the baseline file from the current bundles instead of comparing (review and commit the result). */
    @Parameter(property = CheckSettings.BASELINE_UPDATE, defaultValue = "false")
    boolean baselineUpdate;

    /** Report bundles without a baseline entry, and entries without a bundle, as warnings that do not fail. */
    @Parameter(property = "iafbt.baseline.allowUnmatched", defaultValue = "false")
    boolean baselineAllowUnmatched;

    /** Re-encode every bundle and require identical bytes. */
    @Parameter(property = "iafbt.roundTrip", defaultValue = "true")
    boolean roundTrip;

    /** Where verified round trips are remembered, so unchanged bundles are not re-encoded on the next build. */
    @Parameter(property = "iafbt.roundTrip.cache", defaultValue = "${project.build.directory}/iafbt/roundtrip-cache")
    File roundTripCache;

    /**
     * The {@code metricsUpToDate} rule: recompute every bundle's metrics and fail on stored values
     * that differ (metrics from an older framework version, or edited by hand).
     */
    @Parameter(property = "iafbt.metricsUpToDate", defaultValue = "false")
    boolean metricsUpToDate;

    /** Relative tolerance of {@code metricsUpToDate} (absolute for values below 1). */
    @Parameter(property = "iafbt.metricsTolerance", defaultValue = "1e-9")
    double metricsTolerance;

    /** Let a check that finds no bundle pass (with a warning) instead of failing. */
    @Parameter(property = "iafbt.allowEmpty", defaultValue = "false")
    boolean allowEmpty;

    /** Fail the build on violations; {@code false} only logs them. */
    @Parameter(property = "iafbt.haltOnFailure", defaultValue = "true")
    boolean haltOnFailure;

    /** Bundles read at once; 0 means min(4, processors). */
    @Parameter(property = "iafbt.threads", defaultValue = "0")
    int threads;

    @Override
    protected String goal() {
        return "check";
    }

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        CheckSettings settings = settings();
        Log log = getLog();
        CheckRun run;
        try {
            run = new CheckRun(settings);
        } catch (IafbtException e) {
            throw new MojoFailureException("iafbt:check cannot start: " + e.getMessage(), e);
        }
        log.info("Checking " + run.bundleCount() + " bundle(s) in " + resolve(bundles) + ": " + describe(settings));
        CheckReport report = new CheckReport(log);
        try {
            run.verdicts().forEach(report::bundle);
            run.closingChecks().forEach(report::closing);
        } catch (IafbtException e) {
            throw new MojoExecutionException("iafbt:check failed: " + e.getMessage(), e);
        }
        if (settings.roundTrip()) {
            // says whether this build paid for the re-encoding, or an earlier one already had
            log.info("Round trips: " + run.roundTrips().reencoded() + " re-encoded, " + run.roundTrips().remembered()
                    + " already verified (remembered in " + resolve(roundTripCache) + ")");
        }
        if (report.failures() == 0) {
            log.info(report.summary());
            return;
        }
        String failure = report.summary() + " (see the warnings above).";
        if (haltOnFailure) {
            throw new MojoFailureException(failure + " Fix the bundles or the rules; "
                    + "-Diafbt.haltOnFailure=false only warns.");
        }
        log.warn(failure + " Not failing the build, because haltOnFailure is false.");
    }

    private CheckSettings settings() throws MojoFailureException {
        if (threads < 0) {
            throw new MojoFailureException("iafbt.threads must be 0 (min(4, processors)) or more, not " + threads);
        }
        try {
            List<MetricRule> all = new ArrayList<>();
            for (Rule rule : rules) {
                all.add(rule.toMetricRule());
            }
            List<MetricRule> summaryRules = CheckSettings.ofScope(all, MetricRule.Scope.SUMMARY);
            Path base = resolve(new File("."));
            Optional<BaselineSettings> baselineSettings = Optional.ofNullable(baseline).map(file ->
                    BaselineSettings.of(resolve(file), base.relativize(resolve(file)).toString().replace('\\', '/'),
                            baselineTolerance, baselineMetrics, summaryRules, baselineUpdate, !baselineAllowUnmatched));
            if (all.isEmpty() && baselineSettings.isEmpty() && !roundTrip && !metricsUpToDate) {
                throw new IllegalArgumentException("nothing to check: add <rules>, a <baseline>, <metricsUpToDate>,"
                        + " or leave roundTrip on");
            }
            CheckSettings settings = new CheckSettings(List.of(pattern(base)), base, summaryRules,
                    CheckSettings.ofScope(all, MetricRule.Scope.EACH_RUN), baselineSettings, roundTrip,
                    Optional.of(RoundTripCache.in(resolve(roundTripCache))), allowEmpty,
                    "set <allowEmpty>true</allowEmpty> or -Diafbt.allowEmpty=true",
                    threads == 0 ? CheckSettings.defaultParallelism() : threads);
            return metricsUpToDate ? settings.withMetricsUpToDate(metricsTolerance) : settings;
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("iafbt:check configuration: " + e.getMessage());
        }
    }

    /**
     * The bundle folder as the JUnit gates write it, relative to the project when inside it: a
     * baseline file records its gate's patterns, so {@code backtests} here and in a
     * {@code @BacktestGate("backtests")} must read the same for the two to share one file.
     */
    private String pattern(Path base) {
        Path folder = resolve(bundles);
        return folder.startsWith(base) && !folder.equals(base)
                ? base.relativize(folder).toString().replace('\\', '/') : folder.toString();
    }

    private static String describe(CheckSettings settings) {
        List<String> parts = new ArrayList<>();
        settings.summaryRules().forEach(rule -> parts.add(rule.describe()));
        settings.runRules().forEach(rule -> parts.add(rule.describe() + " (each run)"));
        settings.baseline().ifPresent(b -> parts.add((b.update() ? "rewrite baseline " : "baseline ") + b.displayName()));
        if (settings.roundTrip()) {
            parts.add("byte-identical round trip");
        }
        settings.metricsTolerance().ifPresent(t -> parts.add("metrics up to date (tolerance " + t + ")"));
        return String.join(", ", parts);
    }

    /** Logs as results arrive (one WARNING line per line of a violation) and counts what failed. */
    static final class CheckReport {
        private final Log log;
        private int bundles;
        private int failedBundles;
        private int failedClosing;

        CheckReport(Log log) {
            this.log = log;
        }

        void bundle(BundleVerdict verdict) {
            bundles++;
            List<CheckResult> failures = verdict.failures();
            if (!failures.isEmpty()) {
                failedBundles++;
                failures.forEach(this::warn);
            }
            // per-bundle notes (e.g. "baseline not compared" during an update) would drown the summary
            verdict.checks().stream().filter(c -> c.status() == CheckResult.Status.SKIPPED)
                    .forEach(c -> c.message().lines().forEach(log::debug));
        }

        void closing(CheckResult result) {
            if (result.isFailure()) {
                failedClosing++;
                warn(result);
            } else if (result.status() == CheckResult.Status.SKIPPED) {
                warnLines(result.message());
            } else {
                info(result);
            }
        }

        int failures() {
            return failedBundles + failedClosing;
        }

        String summary() {
            if (failures() == 0) {
                return "All " + bundles + " bundle(s) meet the rules.";
            }
            List<String> parts = new ArrayList<>();
            if (failedBundles > 0) {
                parts.add(failedBundles + " of " + bundles + " bundle(s) violate the rules");
            }
            if (failedClosing > 0) {
                parts.add(failedClosing + " check(s) over all bundles failed");
            }
            return String.join(", and ", parts);
        }

        private void warn(CheckResult result) {
            warnLines(result.message());
        }

        private void warnLines(String message) {
            message.lines().forEach(log::warn);
        }

        private void info(CheckResult result) {
            result.message().lines().forEach(log::info);
        }
    }
}
