package dev.iafbt.maven;

import dev.iafbt.store.GcReport;
import dev.iafbt.store.ObjectGcReport;
import dev.iafbt.store.ObjectStoreCollector;
import dev.iafbt.store.ObjectTieredStore;
import dev.iafbt.store.object.S3Location;
import dev.iafbt.store.OhlcvCollector;
import dev.iafbt.store.StoreException;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Reclaims OHLCV chunks no bundle references, safely: {@code mvn iafbt:gc-ohlcv} reports what it
 * would delete (a dry run by default); {@code -Diafbt.dryRun=false} deletes. Works on a tiered
 * store's root or on any folder whose bundles point at chunk folders.
 *
 * <p>A deleting run holds the store's lock exclusive, so it never runs beside a write half-way
 * (writers wait for it); chunks younger than the grace period (by file time) are kept, for chunks
 * put by a separate call before the write that references them. If any bundle cannot be read, nothing is deleted and those
 * bundles are named. Referenced chunks that are missing are reported as errors: that is data loss.
 * Both fail the build unless {@code -Diafbt.failOnError=false}.
 */
@Mojo(name = "gc-ohlcv", requiresProject = false, threadSafe = true)
public class GcOhlcvMojo extends AbstractStoreMojo {
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*([smhd])");

    /**
     * The store: a tiered store's root, a folder of bundles with their chunk folders, or an
     * s3-tiered store's {@code s3://bucket/prefix} (see {@code iafbt.s3.*}).
     */
    @Parameter(property = "iafbt.store", defaultValue = "backtests")
    String store;

    /** Only report; set to false to delete. */
    @Parameter(property = "iafbt.dryRun", defaultValue = "true")
    boolean dryRun;

    /** Keep unreferenced chunks younger than this: {@code 24h}, {@code 90m}, {@code 2d}, {@code 0}, or ISO-8601 {@code PT24H}. */
    @Parameter(property = "iafbt.gracePeriod", defaultValue = "24h")
    String gracePeriod;

    /** Fail the build when bundles are unreadable or chunks are missing (after reporting all of them). */
    @Parameter(property = "iafbt.failOnError", defaultValue = "true")
    boolean failOnError;

    @Override
    protected String goal() {
        return "gc-ohlcv";
    }

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        Duration grace = parseGrace(gracePeriod);
        if (S3Location.isS3(store.strip())) {
            collectObjects(grace);
            return;
        }
        Path root = resolve(new File(store.strip()));
        Log log = getLog();
        log.info("Collecting unreferenced OHLCV chunks in " + root + " (grace period " + gracePeriod.trim()
                + (dryRun ? ", dry run: nothing is deleted; -Diafbt.dryRun=false deletes)" : ")"));
        GcReport report;
        try {
            report = OhlcvCollector.collect(root, grace, dryRun);
        } catch (StoreException e) {
            throw new MojoFailureException(e.getMessage() + "; set -Diafbt.store to a store folder.");
        } catch (RuntimeException e) {
            throw new MojoExecutionException("iafbt:gc-ohlcv failed: " + e.getMessage(), e);
        }
        logDetails(log, report);
        log.info(report.summary());
        failOnProblems(report.refused(), report.unreadable().size(), report.missing().size());
    }

    private void failOnProblems(boolean refused, int unreadable, int missing) throws MojoFailureException {
        Log log = getLog();
        if (unreadable + missing > 0) {
            String what = (refused ? unreadable + " unreadable bundle(s), so nothing was deleted" : "")
                    + (refused && missing > 0 ? "; " : "") + (missing == 0 ? "" : missing + " missing OHLCV chunk(s)");
            if (failOnError) {
                throw new MojoFailureException(what + " (see the errors above). Fix or remove the bundles and run"
                        + " again, or set -Diafbt.failOnError=false to only warn.");
            }
            log.warn(what + ". Set -Diafbt.failOnError=true to fail the build instead.");
        }
    }

    private void collectObjects(Duration grace) throws MojoExecutionException, MojoFailureException {
        Log log = getLog();
        String location = store.strip();
        log.info("Collecting unreferenced OHLCV chunks in " + describeS3(location) + " (grace period "
                + gracePeriod.trim() + (dryRun ? ", dry run: nothing is deleted; -Diafbt.dryRun=false deletes)" : ")"));
        ObjectGcReport report;
        try (ObjectTieredStore objects = openObjectStore(location, (String) null)) {
            report = ObjectStoreCollector.collect(objects, grace, dryRun);
        } catch (StoreException e) {
            throw new MojoExecutionException("iafbt:gc-ohlcv failed: " + e.getMessage(), e);
        }
        report.unreadable().forEach(problem -> log.error("Cannot read bundle " + problem));
        if (report.refused()) {
            log.error("Refusing to delete anything: the chunks those bundles reference are unknown.");
        }
        report.missing().forEach(missing -> log.error("Missing OHLCV chunk (data loss): bundle " + missing));
        if (log.isDebugEnabled()) {
            report.sweepable().forEach(name -> log.debug((report.dryRun() || report.refused() ? "Would delete "
                    : "Deleted ") + report.root() + "ohlcv/" + name));
        }
        log.info(report.summary());
        failOnProblems(report.refused(), report.unreadable().size(), report.missing().size());
    }

    private static void logDetails(Log log, GcReport report) {
        for (GcReport.Problem problem : report.unreadable()) {
            String bundle = problem.bundle().toString();
            String reason = problem.reason() == null ? "" : problem.reason();
            // the library's messages usually start with the file already
            log.error("Cannot read bundle " + (reason.startsWith(bundle) ? reason : bundle + ": " + reason));
        }
        if (report.refused()) {
            log.error("Refusing to delete anything: the chunks those bundles reference are unknown.");
        }
        for (GcReport.Problem problem : report.missing()) {
            log.error("Missing OHLCV chunk (data loss): bundle " + problem.bundle() + ": " + problem.reason());
        }
        if (log.isDebugEnabled()) {
            for (GcReport.Folder folder : report.folders()) {
                folder.plan().sweepable().forEach(c -> log.debug((report.dryRun() || report.refused()
                        ? "Would delete " : "Deleted ") + folder.dir().resolve(c.name()) + " (" + c.bytes() + " bytes)"));
                folder.plan().young().forEach(c -> log.debug("Kept (within the grace period) "
                        + folder.dir().resolve(c.name())));
            }
        }
    }

    /** {@code 24h}, {@code 90m}, {@code 2d}, {@code 30s}, {@code 0}, or ISO-8601 ({@code PT24H}). */
    static Duration parseGrace(String text) throws MojoFailureException {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = SHORT_DURATION.matcher(value);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            Duration parsed = Duration.parse(text.trim());
            if (!parsed.isNegative()) {
                return parsed;
            }
        } catch (RuntimeException e) {
            // fall through to the message below
        }
        throw new MojoFailureException("iafbt.gracePeriod '" + text + "' is not a duration; use for example"
                + " -Diafbt.gracePeriod=24h (also 90m, 2d, 30s, 0 or PT24H)");
    }
}
