package dev.iafbt.maven;

import dev.iafbt.IafbtException;
import dev.iafbt.recompute.FolderRecompute;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Recomputes every bundle's metrics and summary from its snapshots and trades, as the Python
 * framework's {@code recalculate_backtests_in_directory} does, so that a sweep mixing bundles from
 * older framework versions ranks on comparable numbers. {@code mvn iafbt:recompute} writes the
 * recomputed bundles under {@code iafbt.output} (default {@code target/iafbt/recomputed}),
 * mirroring the input's layout and names; {@code -Diafbt.inPlace=true} replaces the bundles
 * themselves, each atomically. A bundle whose target already holds fresh metrics is skipped, so a
 * re-run only rewrites what changed.
 */
@Mojo(name = "recompute", requiresProject = false, threadSafe = true)
public class RecomputeMojo extends AbstractIafbtMojo {
    /** The folder of bundles (searched recursively). */
    @Parameter(property = "iafbt.bundles", defaultValue = "backtests")
    File bundles;

    /** Where the recomputed bundles go; default {@code target/iafbt/recomputed}. Ignored in place. */
    @Parameter(property = "iafbt.output")
    File output;

    /** Replace the bundles themselves (atomically) instead of writing to {@code iafbt.output}. */
    @Parameter(property = "iafbt.inPlace", defaultValue = "false")
    boolean inPlace;

    /** The annual risk-free rate (0.027 = 2.7%); unset: each bundle's stored rate, else 0.0, as the reference's recalculation. */
    @Parameter(property = "iafbt.riskFreeRate")
    Double riskFreeRate;

    /** Bundles recomputed at once; 0 = every processor. */
    @Parameter(property = "iafbt.threads", defaultValue = "0")
    int threads;

    /** Fail the build when a bundle cannot be recomputed (after reporting all of them). */
    @Parameter(property = "iafbt.failOnError", defaultValue = "true")
    boolean failOnError;

    @Override
    protected String goal() {
        return "recompute";
    }

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        if (threads < 0) {
            throw new MojoFailureException("iafbt.threads must be 0 (every processor) or more, not " + threads);
        }
        Path source = resolve(bundles);
        Path target = inPlace ? null : outputFolder(output == null ? null : output);
        if (!inPlace && output == null) {
            target = target.resolve("recomputed");
        }
        int parallelism = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        Log log = getLog();
        log.info("Recomputing the metrics of the bundles in " + source + (inPlace ? " in place" : " into " + target)
                + " at " + (riskFreeRate == null ? "each bundle's stored risk-free rate (else 0.0)"
                : "risk-free rate " + riskFreeRate) + " on " + parallelism + " thread(s)");
        FolderRecompute.Result result;
        long started = System.nanoTime();
        try {
            result = FolderRecompute.run(new FolderRecompute.Settings(source, target, riskFreeRate, parallelism),
                    (file, outcome, done, total) -> {
                        if (log.isDebugEnabled()) {
                            log.debug(outcome + " " + file);
                        }
                        if (done == total || done % Math.max(1, total / 10) == 0) {
                            log.info("  " + done + "/" + total + " bundles");
                        }
                    });
        } catch (IafbtException e) {
            throw new MojoFailureException(e.getMessage() + "; set -Diafbt.bundles to a folder of .iafbt files.");
        } catch (RuntimeException e) {
            throw new MojoExecutionException("iafbt:recompute failed: " + e.getMessage(), e);
        }
        for (Map.Entry<Path, String> failure : result.failed().entrySet()) {
            log.error("Cannot recompute " + failure.getValue());
        }
        log.info(result.recomputed().size() + " recomputed, " + result.upToDate().size() + " up to date, "
                + result.failed().size() + " failed in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        if (!result.failed().isEmpty()) {
            String what = result.failed().size() + " bundle(s) could not be recomputed (see the errors above)";
            if (failOnError) {
                throw new MojoFailureException(what + ". Fix or remove them and run again, or set"
                        + " -Diafbt.failOnError=false to only warn.");
            }
            log.warn(what + ".");
        }
    }
}
