package dev.iafbt.maven;

import dev.iafbt.check.ProgressMeter;
import dev.iafbt.index.Indexes;
import dev.iafbt.store.BacktestStore;
import dev.iafbt.store.ObjectTieredStore;
import dev.iafbt.store.StoreException;
import dev.iafbt.store.StoreKind;
import dev.iafbt.store.StoreMigration;
import dev.iafbt.store.object.S3Location;
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
 * Copies backtests between stores, a plain bundle folder ({@code local-dir}), a tiered store
 * ({@code local-tiered}) or a tiered store on S3-compatible object storage ({@code s3-tiered},
 * at {@code s3://bucket/prefix}), with their OHLCV data:
 * {@code mvn iafbt:migrate-store -Diafbt.from=local-dir -Diafbt.src=backtests -Diafbt.to=local-tiered -Diafbt.dst=store}.
 *
 * <p>Incremental: a handle the destination already holds unchanged is skipped, so an interrupted
 * migration is resumed by running the same command again. A handle missing in the source is a
 * warning; a bundle that cannot be copied is reported and the others still copy, and then the
 * build fails unless {@code -Diafbt.failOnError=false}.
 */
@Mojo(name = "migrate-store", requiresProject = false, threadSafe = true)
public class MigrateStoreMojo extends AbstractStoreMojo {
    /** The source store kind: {@code local-dir}, {@code local-tiered} or {@code s3-tiered}. */
    @Parameter(property = "iafbt.from", required = true)
    String from;

    /** The source store's folder (it must exist), or {@code s3://bucket/prefix} for {@code s3-tiered}. */
    @Parameter(property = "iafbt.src", required = true)
    String src;

    /** The destination store kind: {@code local-dir}, {@code local-tiered} or {@code s3-tiered}. */
    @Parameter(property = "iafbt.to", required = true)
    String to;

    /** The destination store's folder (created when missing), or {@code s3://bucket/prefix} for {@code s3-tiered}. */
    @Parameter(property = "iafbt.dst", required = true)
    String dst;

    /**
     * Tier 1 of an {@code s3-tiered} destination: a {@code jdbc:postgresql://} URL (a team's shared
     * index) or, for one machine, a SQLite file path.
     */
    @Parameter(property = "iafbt.index")
    String index;

    /** Backtests copied at a time; an object store's requests wait on the network, so 4 pays off there. */
    @Parameter(property = "iafbt.writers", defaultValue = "1")
    int writers;

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
        String source = location(fromKind, "iafbt.src", src);
        String destination = location(toKind, "iafbt.dst", dst);
        if (fromKind.isLocal() && !Files.isDirectory(Path.of(source))) {
            throw new MojoFailureException("Source store folder " + source + " does not exist; set -Diafbt.src"
                    + " to the folder holding the " + fromKind.id() + " store.");
        }
        if (source.equals(destination)) {
            throw new MojoFailureException("Source and destination are the same " + (fromKind.isLocal() ? "folder "
                    : "location ") + source + "; set -Diafbt.dst to another one.");
        }
        if (toKind == StoreKind.S3_TIERED && (index == null || index.isBlank())) {
            throw new MojoFailureException("An s3-tiered destination needs its Tier-1 index: set -Diafbt.index to a"
                    + " jdbc:postgresql:// URL (shared by the team) or, for one machine, a SQLite file path.");
        }
        Log log = getLog();
        BacktestStore fromStore = null;
        BacktestStore into = null;
        try {
            fromStore = open(fromKind, source, null);
            into = open(toKind, destination, toKind == StoreKind.S3_TIERED ? tier1(index) : null);
            List<String> selected = StoreMigration.parseHandles(handles);
            if (selected == null) {
                selected = fromStore.handles();
            }
            for (String[] end : List.of(new String[] {"from", fromKind.id(), source}, new String[] {"to", toKind.id(),
                    destination})) {
                if (!StoreKind.of(end[1]).isLocal()) {
                    log.info("Store " + end[0] + ": " + describeS3(end[2]) + (end[0].equals("to") ? "; Tier 1: "
                            + ((ObjectTieredStore) into).tier1Location() : ""));
                }
            }
            log.info("Migrating " + selected.size() + " backtest(s) from " + fromKind.id() + ":" + source + " to "
                    + toKind.id() + ":" + destination + (writers > 1 ? " with " + writers + " writers" : ""));
            long started = System.nanoTime();
            StoreMigration.Result result;
            try (Progress progress = new Progress(log, selected.size(), progressSeconds)) {
                result = new StoreMigration(fromStore, into).run(selected, progress, writers);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            log.info(String.format(Locale.ROOT, "Migrated %d backtest(s) from %s:%s to %s:%s; %d unchanged, %d missing,"
                    + " %d failed in %.2f s", result.copied().size(), fromKind.id(), source, toKind.id(), destination,
                    result.unchanged().size(), result.missing().size(), result.failed().size(), seconds));
            if (into instanceof ObjectTieredStore objects) {
                log.info("Object store: " + objects.storage().counters() + ", " + objects.storage().counters()
                        .conditionalCreated() + " OHLCV chunk(s) uploaded");
            }
            failIfNeeded(result);
        } catch (StoreException e) {
            throw new MojoExecutionException("iafbt:migrate-store failed: " + e.getMessage(), e);
        } finally {
            closeIfObjects(fromStore);
            closeIfObjects(into);
        }
    }

    private void failIfNeeded(StoreMigration.Result result) throws MojoFailureException {
        if (result.failed().isEmpty()) {
            return;
        }
        String count = result.failed().size() + " backtest(s) could not be migrated (see the errors above)";
        if (failOnError) {
            throw new MojoFailureException(count + ". Fix or remove them and run the same command again"
                    + " (what was copied is skipped), or set -Diafbt.failOnError=false to only warn.");
        }
        getLog().warn(count + ". Set -Diafbt.failOnError=true to fail the build instead.");
    }

    /** A local store's absolute folder, or an {@code s3://} location as given. */
    private String location(StoreKind kind, String property, String value) throws MojoFailureException {
        String text = value.strip();
        if (kind.isLocal() == S3Location.isS3(text)) {
            throw new MojoFailureException(property + " is '" + text + "', but a " + kind.id() + " store "
                    + (kind.isLocal() ? "is a folder" : "is an s3://bucket/prefix location") + ".");
        }
        return kind.isLocal() ? resolve(new File(text)).toString() : text;
    }

    /** A relative SQLite path resolves like every other path; a JDBC URL stays as it is. */
    private String tier1(String location) {
        String text = location.strip();
        return Indexes.isJdbcUrl(text) ? text : resolve(new File(text)).toString();
    }

    private BacktestStore open(StoreKind kind, String location, String tier1) throws MojoFailureException {
        return kind.isLocal() ? kind.open(Path.of(location)) : openObjectStore(location, tier1);
    }

    private static void closeIfObjects(BacktestStore store) {
        if (store instanceof ObjectTieredStore objects) {
            objects.close();
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
