package dev.iafbt.maven;

import dev.iafbt.check.ProgressMeter;
import dev.iafbt.store.BacktestStore;
import dev.iafbt.store.StoreException;
import dev.iafbt.store.StoreKind;
import dev.iafbt.store.StoreMigration;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Copies backtests between stores, a plain bundle folder ({@code local-dir}) or a tiered store
 * ({@code local-tiered}), with their OHLCV data:
 * {@code mvn iafbt:migrate-store -Diafbt.from=local-dir -Diafbt.src=backtests -Diafbt.to=local-tiered -Diafbt.dst=store}.
 *
 * <p>Incremental: a handle the destination already holds unchanged is skipped, so an interrupted
 * migration is resumed by running the same command again. A handle missing in the source is a
 * warning; a bundle that cannot be copied is reported and the others still copy, and then the
 * build fails unless {@code -Diafbt.failOnError=false}.
 */
@Mojo(name = "migrate-store", requiresProject = false, threadSafe = true)
public class MigrateStoreMojo extends AbstractIafbtMojo {
    /** The source store kind: {@code local-dir} or {@code local-tiered}. */
    @Parameter(property = "iafbt.from", required = true)
    String from;

    /** The source store's folder; it must exist. */
    @Parameter(property = "iafbt.src", required = true)
    File src;

    /** The destination store kind: {@code local-dir} or {@code local-tiered}. */
    @Parameter(property = "iafbt.to", required = true)
    String to;

    /** The destination store's folder; created when missing. */
    @Parameter(property = "iafbt.dst", required = true)
    File dst;

    /** Comma-separated handles to copy (as the source lists them); all when unset. */
    @Parameter(property = "iafbt.handles")
    String handles;

    /** Fail the build when a backtest could not be copied (after all were tried and reported). */
    @Parameter(property = "iafbt.failOnError", defaultValue = "true")
    boolean failOnError;

    /** Log a progress line with the time left every this many seconds; 0 turns it off. */
    @Parameter(property = "iafbt.progressSeconds", defaultValue = "10")
    int progressSeconds;

    @Override
    protected String goal() {
        return "migrate-store";
    }

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        StoreKind fromKind = kind("iafbt.from", from);
        StoreKind toKind = kind("iafbt.to", to);
        Path source = resolve(src);
        Path destination = resolve(dst);
        if (!Files.isDirectory(source)) {
            throw new MojoFailureException("Source store folder " + source + " does not exist; set -Diafbt.src"
                    + " to the folder holding the " + fromKind.id() + " store.");
        }
        if (source.equals(destination)) {
            throw new MojoFailureException("Source and destination are the same folder " + source
                    + "; set -Diafbt.dst to another folder.");
        }
        Log log = getLog();
        BacktestStore from;
        BacktestStore into;
        List<String> selected;
        try {
            from = fromKind.open(source);
            into = toKind.open(destination);
            selected = StoreMigration.parseHandles(handles);
            if (selected == null) {
                selected = from.handles();
            }
        } catch (StoreException e) {
            throw new MojoExecutionException("iafbt:migrate-store failed: " + e.getMessage(), e);
        }
        log.info("Migrating " + selected.size() + " backtest(s) from " + fromKind.id() + ":" + source + " to "
                + toKind.id() + ":" + destination);
        long started = System.nanoTime();
        StoreMigration.Result result;
        try (Progress progress = new Progress(log, selected.size(), progressSeconds)) {
            result = new StoreMigration(from, into).run(selected, progress);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info(String.format(Locale.ROOT, "Migrated %d backtest(s) from %s:%s to %s:%s; %d unchanged, %d missing,"
                + " %d failed in %.2f s", result.copied().size(), fromKind.id(), source, toKind.id(), destination,
                result.unchanged().size(), result.missing().size(), result.failed().size(), seconds));
        if (!result.failed().isEmpty()) {
            String count = result.failed().size() + " backtest(s) could not be migrated (see the errors above)";
            if (failOnError) {
                throw new MojoFailureException(count + ". Fix or remove them and run the same command again"
                        + " (what was copied is skipped), or set -Diafbt.failOnError=false to only warn.");
            }
            log.warn(count + ". Set -Diafbt.failOnError=true to fail the build instead.");
        }
    }

    private static StoreKind kind(String property, String value) throws MojoFailureException {
        try {
            return StoreKind.of(value);
        } catch (StoreException e) {
            throw new MojoFailureException(property + ": " + e.getMessage() + ", for example -D" + property
                    + "=local-tiered");
        }
    }

    /** Logs each problem as it happens, and progress with an estimate of what is left from a timer. */
    static final class Progress implements StoreMigration.Listener, AutoCloseable {
        private final Log log;
        private final ProgressMeter meter;

        Progress(Log log, int total, int seconds) {
            this.log = log;
            this.meter = seconds <= 0 ? null : ProgressMeter.start("Migrated", total, Duration.ofSeconds(seconds),
                    log::info);
        }

        @Override
        public void onHandle(String handle, StoreMigration.Outcome outcome, String detail) {
            if (meter != null) {
                meter.step();
            }
            if (outcome == StoreMigration.Outcome.MISSING) {
                log.warn("Handle '" + handle + "' is not in the source store; skipped.");
            } else if (outcome == StoreMigration.Outcome.FAILED) {
                log.error("Could not migrate '" + handle + "': " + detail);
            }
        }

        @Override
        public void close() {
            if (meter != null) {
                meter.close();
            }
        }
    }
}
