package dev.iafbt.maven;

import dev.iafbt.index.BacktestIndex;
import dev.iafbt.rank.PruneException;
import dev.iafbt.rank.PrunePlan;
import dev.iafbt.rank.PrunePlanner;
import dev.iafbt.rank.PruneResult;
import dev.iafbt.rank.QueryException;
import dev.iafbt.rank.RankRequest;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Ranks the indexed backtests, the reference's {@code iaf rank}: by one metric ({@code by}), or by
 * a weighted score over several ({@code focus} preset and/or custom {@code weights}, min-max
 * normalised, the reference's {@code rank_index(focus=, weights=)}). Refreshes the index from the
 * bundle folder first (unless {@code refresh=false}), reads it read-only, logs the shortlist and
 * writes {@code <outputDirectory>/rank.csv} and {@code rank.json}. The ranking itself is the
 * library's {@link RankRequest}, so plain Java gets the same rows and files.
 *
 * <p>Optionally prunes the bundle folder to the shortlist: {@code prune} (or an {@code archive}
 * folder) plans it, and it is only a <em>dry run</em> unless {@code dryRun=false} is set as well.
 * Unsafe plans (a shortlist without paths, a kept path outside the bundle folder, e.g. an index
 * with absolute paths of another folder) are refused before any file is touched; archive moves
 * never overwrite; the index rows of pruned bundles are removed.
 */
@Mojo(name = "rank", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class RankMojo extends AbstractQueryMojo {
    /** Rank by this metric or column ({@code sharpe_ratio}); or use {@code focus}/{@code weights}. */
    @Parameter(property = "iafbt.by")
    String by;

    /** Weighted score preset: {@code balanced}, {@code profit}, {@code frequency} or {@code risk_adjusted}. */
    @Parameter(property = "iafbt.focus")
    String focus;

    /**
     * Custom weights, {@code metric=weight} pairs separated by commas, e.g.
     * {@code sharpe_ratio=2,max_drawdown=-1}; merged onto {@code focus} (BALANCED when unset).
     */
    @Parameter(property = "iafbt.weights")
    String weights;

    /** The length of the shortlist. */
    @Parameter(property = "iafbt.limit", defaultValue = "10")
    int limit = 10;

    /** Plan removing every bundle of the folder that is not in the shortlist (a dry run unless dryRun=false). */
    @Parameter(property = "iafbt.prune", defaultValue = "false")
    boolean prune;

    /** Move pruned bundles here (keeping their relative paths) instead of deleting them; implies prune. */
    @Parameter(property = "iafbt.archive")
    File archive;

    /** Only report what prune would do. Set to false, together with prune or archive, to change files. */
    @Parameter(property = "iafbt.dryRun", defaultValue = "true")
    boolean dryRun = true;

    @Override
    protected String goal() {
        return "rank";
    }

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        boolean pruning = prune || archive != null;
        if (pruning && isS3(store)) {
            throw new MojoFailureException("iafbt.prune and iafbt.archive prune a bundle folder; they do not delete"
                    + " from the s3-tiered store " + store.strip() + ". Rank without them.");
        }
        RankRequest request;
        try {
            request = RankRequest.builder().by(by).focus(focus).weights(weights).where(where).columns(columnList())
                    .ascending(ascending).limit(limit).keepBundlePath(pruning).build();
        } catch (QueryException e) {
            throw invalid(e);
        }
        IndexTarget file = readyIndex();
        boolean writes = pruning && !dryRun;
        try (BacktestIndex opened = writes ? openForWriting(file) : openForReading(file)) {
            RankRequest.RankResult result;
            try {
                result = request.run(opened);
            } catch (QueryException e) {
                throw invalid(e);
            }
            getLog().info(String.format(Locale.ROOT, "Top %d of %d indexed bundle(s) by %s, %s%s; index: %s",
                    result.rows().size(), opened.count(), result.orderedBy(), direction(ascending),
                    where == null || where.isBlank() ? "" : ", where " + where.strip(), file.display()));
            publish(opened, result.rows(), result.columns());
            if (pruning) {
                prune(opened, result.rows());
            }
        }
    }

    private void prune(BacktestIndex opened, List<LinkedHashMap<String, Object>> keep)
            throws MojoFailureException, MojoExecutionException {
        Log log = getLog();
        Path folder = bundleFolder();
        Path archiveDir = archive == null ? null : resolve(archive);
        PrunePlan plan;
        try {
            plan = PrunePlanner.plan(folder, keep, archiveDir);
        } catch (PruneException e) {
            throw new MojoFailureException("Refusing to prune " + folder + ": " + e.getMessage() + ". Nothing was"
                    + " changed. Rank an index whose bundle_path values are relative to that folder (rebuild it"
                    + " with 'mvn iafbt:index -Diafbt.bundles=" + bundles.getPath() + " -Diafbt.rebuild=true',"
                    + " without -Diafbt.absolutePaths), or point iafbt.bundles at the folder the index was built over.", e);
        }
        for (Path missing : plan.missingKept()) {
            log.warn("Shortlisted bundle " + missing + " has no file in " + plan.bundleFolder()
                    + " (a stale index row); refresh the index with 'mvn iafbt:index -Diafbt.pruneMissing=true'");
        }
        String where = plan.archives() ? "move to " + plan.archiveDir() : "delete";
        if (dryRun) {
            log.info(String.format(Locale.ROOT, "Dry run: would %s %d bundle(s) and keep %d in %s",
                    where, plan.remove().size(), plan.keep().size(), plan.bundleFolder()));
            plan.remove().forEach(p -> log.info("  would " + (plan.archives() ? "archive " : "delete ") + p));
            log.info("Dry run: nothing was changed. To prune for real, run again with -Diafbt.dryRun=false.");
            return;
        }
        PruneResult result;
        try {
            result = plan.execute(opened);
        } catch (PruneException e) {
            throw new MojoExecutionException("Prune of " + plan.bundleFolder() + " stopped: " + e.getMessage()
                    + ". The index no longer lists the bundles pruned before the failure.", e);
        }
        for (PruneResult.PrunedBundle b : result.pruned()) {
            Path relative = plan.bundleFolder().relativize(b.source());
            log.info(b.archivedTo() == null ? "  deleted " + relative : "  archived " + relative + " -> " + b.archivedTo());
        }
        log.info(String.format(Locale.ROOT, "Pruned %d bundle(s) (%s), kept %d; removed %d row(s) from index %s",
                result.pruned().size(), plan.archives() ? "moved to " + plan.archiveDir() : "deleted",
                result.kept(), result.rowsRemoved(), opened.location()));
    }
}
