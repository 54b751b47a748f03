package dev.iafbt.maven;

import dev.iafbt.IafbtException;
import dev.iafbt.check.BaselineSettings;
import dev.iafbt.check.BundleVerdict;
import dev.iafbt.check.CheckReportFiles;
import dev.iafbt.check.CheckResult;
import dev.iafbt.check.CheckRun;
import dev.iafbt.check.CheckSettings;
import dev.iafbt.check.MetricRule;
import dev.iafbt.check.ProgressMeter;
import dev.iafbt.check.RoundTripCache;
import dev.iafbt.check.RuleTally;
import dev.iafbt.check.SweepGate;
import dev.iafbt.store.ObjectBundleMirror;
import dev.iafbt.store.ObjectTieredStore;
import dev.iafbt.store.StoreException;
import dev.iafbt.store.object.S3Location;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Fails the build when stored backtests stop meeting their bar, like {@code jacoco:check}:
 * threshold {@code <rules>} on summary or run metrics, an optional committed baseline, and the
 * byte-identical round trip, checked over every bundle under {@code iafbt.bundles}. The violations
 * of the first {@code failuresLogged} failing bundles are logged as warnings, then one line per rule
 * ({@code sharpe_ratio >= 1: 44 of 48 fail}); every verdict goes to a JUnit XML report and a JSON
 * file for CI; then the build fails once ({@code haltOnFailure=false} only warns). The same engine
 * as the {@code iafbt-junit} gates, without a test class.
 *
 * <pre>{@code
 * <configuration>                   <!-- the plugin's, outside <executions>: mvn iafbt:check sees it too -->
 *   <rules>
 *     <rule><metric>sharpe_ratio</metric><minimum>1.0</minimum></rule>
 *     <rule><metric>max_drawdown</metric><maximum>25%</maximum></rule>
 *   </rules>
 * </configuration>
 * <executions><execution><goals><goal>check</goal></goals></execution></executions>
 * }</pre>
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractStoreMojo {
    /** How often a long check logs how far it has got (a cold round trip of a big sweep takes minutes). */
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

    /** The folder searched recursively for {@code *.iafbt} files (or a single bundle). */
    @Parameter(property = "iafbt.bundles", defaultValue = "backtests")
    File bundles;

    /**
     * Check the bundles of an s3-tiered store instead of a folder: {@code s3://bucket/prefix} (see
     * {@code iafbt.s3.*}). They are downloaded into {@code <outputDirectory>/s3-bundles/} first
     * (only new or changed ones on later runs) and checked there.
     */
    @Parameter(property = "iafbt.store")
    String store;

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

    /**
     * Check only the byte-identical round trip. Without it a check with no {@code <rules>} and no
     * {@code <baseline>} fails: it usually means rules sit in an {@code <execution>} that this run
     * does not see.
     */
    @Parameter(property = "iafbt.roundTripOnly", defaultValue = "false")
    boolean roundTripOnly;

    /** The project, to name the executions whose rules a command-line run does not see. */
    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    /**
     * Gate for sweeps: only the best {@code gateTop} bundles by {@code gateBy} (or {@code gateFocus})
     * must meet the rules and the baseline; the others' failures are tolerated (still counted per
     * rule). 0 = every bundle.
     */
    @Parameter(property = "iafbt.gate.top", defaultValue = "0")
    int gateTop;

    /**
     * The summary metric {@code gateTop} orders by, in its own direction (lower is better for
     * drawdowns); {@code sharpe_ratio} when neither this nor {@code gateFocus} is set.
     */
    @Parameter(property = "iafbt.gate.by")
    String gateBy;

    /**
     * The focus preset {@code gateTop} orders by instead of a metric ({@code balanced},
     * {@code profit}, {@code frequency}, {@code risk_adjusted}): the order {@code iafbt:rank} gives.
     */
    @Parameter(property = "iafbt.gate.focus")
    String gateFocus;

    /** Gate for sweeps: at least this count ({@code 40}) or share ({@code 80%}) of the bundles must pass. */
    @Parameter(property = "iafbt.gate.atLeast")
    String gateAtLeast;

    /** Failing bundles whose violations are logged; the rest go to the report files and the debug log. */
    @Parameter(property = "iafbt.failuresLogged", defaultValue = "20")
    int failuresLogged;

    /** Where the JUnit XML ({@code TEST-iafbt-check.xml}) and {@code check.json} verdicts go; default {@code target/iafbt}. */
    @Parameter(property = "iafbt.outputDirectory")
    File outputDirectory;

    /** Bundles read (and re-encoded) at once; 0 means one per processor. */
    @Parameter(property = "iafbt.threads", defaultValue = "0")
    int threads;

    @Override
    protected String goal() {
        return "check";
    }

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        Log log = getLog();
        refuseS3Folder(bundles);
        if (isS3(store)) {
            mirrorObjectStore();
        }
        CheckSettings settings = settings();
        CheckRun run;
        try {
            run = new CheckRun(settings);
        } catch (IafbtException e) {
            throw new MojoFailureException("iafbt:check cannot start: " + e.getMessage(), e);
        }
        log.info("Checking " + run.bundleCount() + " bundle(s) in " + checkedFolder() + ": " + describe(settings));
        CheckReport report = new CheckReport(log, new RuleTally(settings), failuresLogged);
        List<Path> files;
        try (ProgressMeter progress = ProgressMeter.start("Checked", run.bundleCount(), PROGRESS_INTERVAL, log::info)) {
            run.verdicts().forEach(verdict -> {
                report.bundle(verdict);
                progress.step();
            });
            progress.close();
            run.closingChecks().forEach(report::closing);
            files = report.files().writeTo(outputFolder(outputDirectory));
        } catch (IafbtException e) {
            throw new MojoExecutionException("iafbt:check failed: " + e.getMessage(), e);
        }
        if (settings.roundTrip()) {
            // says whether this build paid for the re-encoding, or an earlier one already had
            log.info("Round trips: " + run.roundTrips().reencoded() + " re-encoded, " + run.roundTrips().remembered()
                    + " already verified (remembered in " + resolve(roundTripCache) + ")");
        }
        report.ruleLines();
        log.info("Verdicts for CI: " + files.get(0) + " (JUnit XML) and " + files.get(1));
        if (report.failures() == 0) {
            log.info(report.summary());
            return;
        }
        String failure = report.summary() + " (see the warnings above).";
        if (haltOnFailure) {
            throw new MojoFailureException(failure + " " + report.fix() + " -Diafbt.haltOnFailure=false only warns.");
        }
        log.warn(failure + " Not failing the build, because haltOnFailure is false.");
    }

    /** The folder checked: {@code bundles}, or the local copy of the s3-tiered store's bundles. */
    private Path checkedFolder() {
        if (!isS3(store)) {
            return resolve(bundles);
        }
        S3Location where = S3Location.parse(store.strip());
        return outputFolder(outputDirectory).resolve("s3-bundles").resolve(where.bucket())
                .resolve(where.prefix().isEmpty() ? "_root" : where.prefix());
    }

    /** Brings the local copy of the store's bundles up to date. */
    private void mirrorObjectStore() throws MojoExecutionException, MojoFailureException {
        Path folder = checkedFolder();
        getLog().info("Copying the bundles of " + describeS3(store.strip()) + " to " + folder);
        try (ObjectTieredStore objects = openObjectStore(store.strip(), (String) null)) {
            ObjectBundleMirror.Result copied = ObjectBundleMirror.sync(objects, folder);
            getLog().info(String.format(Locale.ROOT, "Downloaded %,d bundle(s) (%,d bytes), %,d unchanged, %,d local"
                    + " copies of deleted handles removed", copied.fetched(), copied.bytes(), copied.unchanged(),
                    copied.removed()));
        } catch (StoreException e) {
            throw new MojoExecutionException("iafbt:check cannot copy the bundles of " + store.strip() + ": "
                    + e.getMessage(), e);
        }
    }

    private CheckSettings settings() throws MojoFailureException {
        if (threads < 0) {
            throw new MojoFailureException("iafbt.threads must be 0 (one per processor) or more, not " + threads);
        }
        if (failuresLogged < 0) {
            throw new MojoFailureException("iafbt.failuresLogged must be 0 or more, not " + failuresLogged);
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
            if (all.isEmpty() && baselineSettings.isEmpty() && !(roundTrip && roundTripOnly) && !metricsUpToDate) {
                throw new MojoFailureException(NoRuleMessage.of(roundTrip, RuleExecutions.elsewhere(project, mojoExecution)));
            }
            CheckSettings settings = new CheckSettings(List.of(pattern(base)), base, summaryRules,
                    CheckSettings.ofScope(all, MetricRule.Scope.EACH_RUN), baselineSettings, roundTrip,
                    Optional.of(RoundTripCache.in(resolve(roundTripCache))), allowEmpty,
                    "set <allowEmpty>true</allowEmpty> or -Diafbt.allowEmpty=true",
                    threads == 0 ? CheckSettings.defaultParallelism() : threads, sweepGate());
            return metricsUpToDate ? settings.withMetricsUpToDate(metricsTolerance) : settings;
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("iafbt:check configuration: " + e.getMessage());
        }
    }

    private SweepGate sweepGate() {
        boolean quorum = gateAtLeast != null && !gateAtLeast.isBlank();
        if (gateTop != 0 && quorum) {
            throw new IllegalArgumentException("set <gateTop> or <gateAtLeast>, not both");
        }
        boolean byMetric = gateBy != null && !gateBy.isBlank();
        boolean byFocus = gateFocus != null && !gateFocus.isBlank();
        if (byMetric && byFocus) {
            throw new IllegalArgumentException("set <gateBy> (a summary metric) or <gateFocus> (a ranking preset), not both");
        }
        if (gateTop == 0 && (byMetric || byFocus)) {
            throw new IllegalArgumentException((byFocus ? "<gateFocus>" : "<gateBy>") + " orders the best <gateTop>"
                    + " bundles; set <gateTop> too (e.g. -Diafbt.gate.top=5)");
        }
        if (gateTop != 0) {
            return byFocus ? SweepGate.topByFocus(gateTop, gateFocus) : SweepGate.top(gateTop, byMetric ? gateBy : "sharpe_ratio");
        }
        return quorum ? SweepGate.atLeast(gateAtLeast) : SweepGate.every();
    }

    /**
     * The bundle folder as the JUnit gates write it, relative to the project when inside it: a
     * baseline file records its gate's patterns, so {@code backtests} here and in a
     * {@code @BacktestGate("backtests")} must read the same for the two to share one file.
     */
    private String pattern(Path base) {
        Path folder = checkedFolder();
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
        if (settings.gate() != SweepGate.every()) {
            parts.add("sweep gate: " + settings.gate().describe());
        }
        settings.metricsTolerance().ifPresent(t -> parts.add("metrics up to date (tolerance " + t + ")"));
        return String.join(", ", parts);
    }

    /**
     * Logs as results arrive — the violations of the first {@code failuresLogged} failing bundles as
     * warnings, the rest at debug level — counts what failed per rule, and keeps the verdicts for
     * the report files.
     */
    static final class CheckReport {
        private final Log log;
        private final RuleTally tally;
        private final int failuresLogged;
        private final List<BundleVerdict> verdicts = new ArrayList<>();
        private final List<CheckResult> closing = new ArrayList<>();
        private int failedBundles;
        private int failedClosing;
        private String firstClosingFailure;

        CheckReport(Log log, RuleTally tally, int failuresLogged) {
            this.log = log;
            this.tally = tally;
            this.failuresLogged = failuresLogged;
        }

        void bundle(BundleVerdict verdict) {
            verdicts.add(verdict);
            tally.add(verdict);
            List<CheckResult> failures = verdict.failures();
            if (!failures.isEmpty()) {
                failedBundles++;
                if (failedBundles <= failuresLogged) {
                    failures.forEach(f -> warnLines(f.message()));
                } else {
                    failures.forEach(f -> f.message().lines().forEach(log::debug));
                }
            }
            // per-bundle notes (e.g. "baseline not compared" during an update) would drown the summary
            verdict.checks().stream().filter(c -> c.status() == CheckResult.Status.SKIPPED)
                    .forEach(c -> c.message().lines().forEach(log::debug));
        }

        void closing(CheckResult result) {
            closing.add(result);
            if (result.isFailure()) {
                failedClosing++;
                if (firstClosingFailure == null) {
                    firstClosingFailure = result.message();
                }
                warnLines(result.message());
            } else if (result.status() == CheckResult.Status.SKIPPED) {
                warnLines(result.message());
            } else {
                result.message().lines().forEach(log::info);
            }
        }

        /** One line per rule, as warnings where a rule failed somewhere. */
        void ruleLines() {
            if (failedBundles > failuresLogged) {
                log.warn("... and " + (failedBundles - failuresLogged) + " more failing bundle(s) not shown"
                        + " (-Diafbt.failuresLogged raises the limit; every verdict is in the report files)");
            }
            tally.orderedFailures().forEach((rule, failed) -> {
                if (failed == 0) {
                    log.info(rule + ": all " + tally.bundles() + " pass");
                } else {
                    log.warn(rule + ": " + failed + " of " + tally.bundles() + " fail");
                }
            });
        }

        CheckReportFiles files() {
            return new CheckReportFiles("iafbt.check", verdicts, closing, tally);
        }

        int failures() {
            return failedBundles + failedClosing;
        }

        /** What to do: for bundles that break rules, fix either; for a check over all bundles, what its message says. */
        String fix() {
            if (failedBundles == 0 && firstClosingFailure != null) {
                return firstClosingFailure.lines().findFirst().orElse("");
            }
            return "Fix the bundles or the rules;";
        }

        String summary() {
            if (failures() == 0) {
                return "All " + verdicts.size() + " bundle(s) meet the rules.";
            }
            List<String> parts = new ArrayList<>();
            if (failedBundles > 0) {
                parts.add(failedBundles + " of " + verdicts.size() + " bundle(s) violate the rules");
            }
            if (failedClosing > 0) {
                parts.add(failedClosing + " check(s) over all bundles failed");
            }
            return String.join(", and ", parts);
        }

        private void warnLines(String message) {
            message.lines().forEach(log::warn);
        }
    }
}
