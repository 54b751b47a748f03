package dev.iafbt.maven;

import dev.iafbt.index.BacktestIndex;
import dev.iafbt.index.IndexException;
import dev.iafbt.index.IndexFailure;
import dev.iafbt.index.IndexListener;
import dev.iafbt.index.IndexProgress;
import dev.iafbt.index.IndexResult;
import dev.iafbt.index.Indexer;
import dev.iafbt.index.IndexerConfigurationException;
import dev.iafbt.index.StaleMetricsAudit;
import dev.iafbt.index.StaleTempFiles;
import dev.iafbt.index.StaleTempFiles.StaleTempFile;
import dev.iafbt.store.ObjectStoreIndexing;
import dev.iafbt.store.ObjectTieredStore;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds or refreshes the SQLite index over a folder of {@code .iafbt} bundles, file-compatible
 * with the Python reference's {@code iaf index}. Incremental by default:
 * bundles whose modification time and size match their row are skipped. Works inside a project
 * and outside one: {@code mvn dev.iafbt:iafbt-maven-plugin:index -Diafbt.bundles=results}.
 *
 * <p>A bundle that cannot be read is logged as a warning and skipped; its old row stays. With
 * {@code failOnError} the build fails once every bundle has been tried and reported.
 */
@Mojo(name = "index", defaultPhase = LifecyclePhase.PROCESS_TEST_RESOURCES, requiresProject = false,
        threadSafe = true)
public class IndexMojo extends AbstractStoreMojo {
    /** The folder to scan, recursively, for {@code *.iafbt} files. */
    @Parameter(property = "iafbt.bundles", defaultValue = "backtests")
    File bundles;

    /**
     * The index, in every goal: a SQLite file (default {@code <bundles>/index.sqlite}, as the
     * reference) or a shared PostgreSQL table,
     * {@code jdbc:postgresql://host:port/db?currentSchema=schema}, which many machines may index
     * into at once (credentials: {@code iafbt.serverId}).
     */
    @Parameter(property = "iafbt.index")
    String index;

    /**
     * Index an s3-tiered store instead of a folder: {@code s3://bucket/prefix} (see
     * {@code iafbt.s3.*}), into its Tier 1 {@code index}. Summary-first bundles are read by ranged
     * GETs of their head; the log says how many bytes a bundle took.
     */
    @Parameter(property = "iafbt.store")
    String store;

    /**
     * Copy the rows of this index into {@code iafbt.index} instead of scanning bundles: a SQLite
     * file (for example the {@code index.sqlite} the Python tool built) into PostgreSQL, or a
     * {@code jdbc:postgresql:} index back into a SQLite file. Rows keep their order; existing rows
     * with the same bundle_path are replaced.
     */
    @Parameter(property = "iafbt.from")
    String from;

    /** Store absolute bundle paths instead of paths relative to the bundle folder. */
    @Parameter(property = "iafbt.absolutePaths", defaultValue = "false")
    boolean absolutePaths;

    /** Recreate the index from scratch instead of updating it. */
    @Parameter(property = "iafbt.rebuild", defaultValue = "false")
    boolean rebuild;

    /** Remove rows whose bundle file no longer exists (the reference keeps them until a rebuild). */
    @Parameter(property = "iafbt.pruneMissing", defaultValue = "false")
    boolean pruneMissing;

    /** Fail the build when a bundle cannot be read (after all bundles are tried and reported). */
    @Parameter(property = "iafbt.failOnError", defaultValue = "false")
    boolean failOnError;

    /** Decoding threads; 0 means one per available processor (8 readers for an {@code s3://} store: they wait on the network). */
    @Parameter(property = "iafbt.threads", defaultValue = "0")
    int threads;

    /**
     * Delete the temp files ({@code .<name>.<hex>.tmp}) that killed saves or rebuilds left in the
     * bundle folder more than an hour ago; without it they are only reported.
     */
    @Parameter(property = "iafbt.removeStaleTemp", defaultValue = "false")
    boolean removeStaleTemp;

    /** Log a progress line every {@code progressSeconds} seconds during long runs; 0 turns it off. */
    @Parameter(property = "iafbt.progressSeconds", defaultValue = "2")
    int progressSeconds;

    /**
     * Also audit each bundle's stored metrics against a fresh v8.10.0 recomputation and record the
     * outcome in the index's side table ({@code iafbt_metrics_audit}; the reference's table is not
     * changed), so that {@code list} and {@code rank} show a {@code stale} column. Reads every new or
     * changed bundle whole and recomputes it, so it is off by default; already audited, unchanged
     * bundles are not audited again.
     */
    @Parameter(property = "iafbt.audit", defaultValue = "false")
    boolean audit;

    @Override
    protected String goal() {
        return "index";
    }

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        if (threads < 0) {
            throw new MojoFailureException("iafbt.threads must be 0 (one per processor) or more, not "
                    + threads + "; for example -Diafbt.threads=4");
        }
        refuseS3Folder(bundles);
        if (isS3(store)) {
            if (audit) {
                // Better refused than a -D that silently does nothing: the audit reads each bundle
                // whole, and on object storage that is the whole download the ranged reads avoid.
                throw new MojoFailureException("-Diafbt.audit=true is not supported for the s3-tiered store " + store
                        + " yet: run iafbt:check -Diafbt.store=" + store
                        + " -Diafbt.metricsUpToDate=true instead, or drop -Diafbt.audit");
            }
            indexObjectStore();
            return;
        }
        IndexTarget target = indexTarget(bundles, index);
        if (from != null && !from.isBlank()) {
            IndexMigration.copy(getLog(), source(), target);
            return;
        }
        Path folder = resolve(bundles);
        Log log = getLog();
        Indexer indexer = target.indexer(folder)
                .absolutePaths(absolutePaths)
                .rebuild(rebuild)
                .pruneMissing(pruneMissing)
                .threads(threads)
                .progressInterval(Duration.ofSeconds(Math.max(progressSeconds, 1)))
                .listener(new MavenIndexListener(log, progressSeconds > 0))
                .build();
        IndexResult result;
        try {
            indexer.validate();
            log.info("Indexing bundles in " + folder + (rebuild ? " (rebuild)" : ""));
            result = indexer.run();
        } catch (IndexerConfigurationException e) {
            throw new MojoFailureException(IndexParameterMessages.of(e)); // the message is the whole story
        } catch (IndexException e) {
            throw new MojoExecutionException("iafbt:index failed: " + e.getMessage(), e);
        }
        log.info(result.summary());
        if (audit) {
            auditMetrics(target, folder, log);
        }
        reportStaleTempFiles(folder, target.isDatabase() ? folder : target.file(), log);
        failures(result.failed());
    }

    /** Fails the build on bundles that could not be indexed, or warns ({@code failOnError}). */
    private void failures(long failed) throws MojoFailureException {
        if (failed > 0) {
            String count = failed + " bundle(s) could not be indexed (see the warnings above)";
            if (failOnError) {
                throw new MojoFailureException(count + ". Fix or remove them and run again, or set"
                        + " -Diafbt.failOnError=false to only warn.");
            }
            getLog().warn(count + "; their old rows, if any, were kept. Set -Diafbt.failOnError=true to"
                    + " fail the build instead.");
        }
    }

    private void auditMetrics(IndexTarget target, Path folder, Log log) throws MojoExecutionException {
        long interval = Math.max(progressSeconds, 1) * 1_000_000_000L;
        long[] next = {System.nanoTime() + interval};
        StaleMetricsAudit.Result r;
        try (BacktestIndex opened = target.open()) {
            r = StaleMetricsAudit.refresh(opened, folder, (done, total) -> {
                synchronized (next) {
                    if (progressSeconds > 0 && (System.nanoTime() >= next[0] || done.equals(total))) {
                        next[0] = System.nanoTime() + interval;
                        log.info(String.format(Locale.ROOT, "Auditing metrics: %,d of %,d bundle(s)", done, total));
                    }
                }
            });
        } catch (IndexException e) {
            throw new MojoExecutionException("iafbt:index could not audit the metrics: " + e.getMessage(), e);
        }
        log.info(String.format(Locale.ROOT, "Metrics audit: %,d bundle(s) audited (%,d stale, %,d could not be"
                + " audited), %,d unchanged since their audit", r.audited(), r.stale(), r.notAuditable(), r.alreadyAudited()));
        if (r.stale() > 0) {
            log.warn(r.stale() + " bundle(s) store metrics that differ from a fresh recomputation; 'mvn iafbt:list'"
                    + " shows them in its stale column, 'mvn iafbt:recompute' refreshes them.");
        }
    }

    /** Brings the s3-tiered store's Tier 1 up to date with its bundles. */
    private void indexObjectStore() throws MojoExecutionException, MojoFailureException {
        IndexTarget tier1 = objectStoreTier1(store, index);
        ObjectStoreIndexing.Result result;
        try (ObjectTieredStore objects = openObjectStore(store.strip(), tier1)) {
            getLog().info("Store: " + describeS3(store.strip()));
            result = indexObjectStore(objects, threads == 0 ? AbstractIndexReadingMojo.OBJECT_READERS : threads,
                    rebuild, progressSeconds);
        }
        failures(result.failed().size());
    }

    /** The index named by {@code from}, resolved as {@code iafbt.index} is (same credentials). */
    private IndexTarget source() throws MojoFailureException {
        IndexTarget source = indexTarget(bundles, from);
        if (!source.mayExist()) {
            throw new MojoFailureException("iafbt.from is " + source.display() + ", but there is no such file. Pass the"
                    + " index to copy from, for example -Diafbt.from=backtests/index.sqlite.");
        }
        return source;
    }

    private void reportStaleTempFiles(Path folder, Path output, Log log) {
        Instant now = Instant.now();
        List<StaleTempFile> stale = new ArrayList<>(
                StaleTempFiles.find(folder, Integer.MAX_VALUE, StaleTempFiles.DEFAULT_AGE, now));
        if (!output.getParent().startsWith(folder)) {
            stale.addAll(StaleTempFiles.find(output.getParent(), 1, StaleTempFiles.DEFAULT_AGE, now));
        }
        if (stale.isEmpty()) {
            return;
        }
        List<StaleTempFile> kept = removeStaleTemp ? StaleTempFiles.remove(stale) : stale;
        for (StaleTempFile file : kept) {
            log.warn((removeStaleTemp ? "Could not remove leftover temp file " : "Leftover temp file of an"
                    + " interrupted save or rebuild: ") + file.path() + " ("
                    + file.size() + " bytes, last modified " + file.modified() + ")");
        }
        if (removeStaleTemp) {
            log.info("Removed " + (stale.size() - kept.size()) + " leftover temp file(s) older than an hour");
        } else {
            log.warn(stale.size() + " leftover temp file(s) older than an hour; remove them with"
                    + " -Diafbt.removeStaleTemp=true");
        }
    }

    /** Turns the library's callbacks into Maven log lines (always on the Mojo's own thread). */
    static final class MavenIndexListener implements IndexListener {
        private final Log log;
        private final boolean progress;

        MavenIndexListener(Log log, boolean progress) {
            this.log = log;
            this.progress = progress;
        }

        @Override
        public void onProgress(IndexProgress p) {
            if (progress) {
                log.info(String.format(Locale.ROOT,
                        "Indexing: %,d bundles found%s, %,d indexed, %,d unchanged, %,d failed (%,.0f/s)",
                        p.scanned(), p.scanComplete() ? "" : " so far", p.indexed(), p.unchanged(),
                        p.failed(), p.bundlesPerSecond()));
            }
        }

        @Override
        public void onFailure(IndexFailure failure) {
            log.warn("Failed to index " + failure.path() + ": " + failure.reason());
        }
    }
}
