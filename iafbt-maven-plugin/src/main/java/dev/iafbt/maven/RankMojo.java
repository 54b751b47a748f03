package dev.iafbt.maven;

import dev.iafbt.index.IndexSchema;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.rank.EvaluationFocus;
import dev.iafbt.rank.IndexQuery;
import dev.iafbt.rank.PruneException;
import dev.iafbt.rank.PrunePlan;
import dev.iafbt.rank.PrunePlanner;
import dev.iafbt.rank.PruneResult;
import dev.iafbt.rank.QueryException;
import dev.iafbt.rank.RankWeights;
import dev.iafbt.rank.WeightedRanker;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Ranks the indexed backtests, the reference's {@code iaf rank} (index-stores.md §2.3): by one
 * metric ({@code by}), or by a weighted score over several ({@code focus} preset and/or custom
 * {@code weights}, min-max normalised, the reference's {@code rank_index(focus=, weights=)}). Logs
 * the shortlist and writes {@code <outputDirectory>/rank.csv} and {@code rank.json}.
 *
 * <p>Optionally prunes the bundle folder to the shortlist (§2.4): {@code prune} (or an
 * {@code archive} folder) plans it, and it is only a <em>dry run</em> unless
 * {@code dryRun=false} is set as well. Unsafe plans (a shortlist without paths, a kept path outside
 * the bundle folder, e.g. an index with absolute paths of another folder) are refused before any
 * file is touched; archive moves never overwrite; the index rows of pruned bundles are removed.
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
    int limit;

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
        String metric = ListMojo.blankToNull(by);
        boolean weighted = ListMojo.blankToNull(focus) != null || ListMojo.blankToNull(weights) != null;
        if (metric != null && weighted) {
            throw new MojoFailureException("Set either iafbt.by (rank by one metric) or iafbt.focus/iafbt.weights"
                    + " (rank by a weighted score), not both; by=" + metric + ", focus=" + focus + ", weights=" + weights);
        }
        if (metric == null && !weighted) {
            throw new MojoFailureException("iafbt:rank needs what to rank by: set -Diafbt.by=sharpe_ratio (one metric),"
                    + " or a weighted score with -Diafbt.focus=balanced|profit|frequency|risk_adjusted"
                    + " and/or -Diafbt.weights=sharpe_ratio=2,max_drawdown=-1");
        }
        boolean pruning = prune || archive != null;
        Path file = indexFile();
        Log log = getLog();
        try (SqliteIndex opened = openIndex(file)) {
            List<LinkedHashMap<String, Object>> rows;
            List<String> shown;
            String how;
            try {
                List<String> requested = columnList();
                if (requested.isEmpty()) {
                    requested = new ArrayList<>(IndexQuery.DEFAULT_RANK_COLUMNS);
                }
                if (pruning && !requested.contains(IndexSchema.BUNDLE_PATH)) {
                    requested = new ArrayList<>(requested);
                    requested.add(IndexSchema.BUNDLE_PATH); // prune keeps bundles by path
                }
                IndexQuery.Builder builder = IndexQuery.builder().ascending(ascending).limit(limit)
                        .columns(requested).where(where);
                if (weighted) {
                    EvaluationFocus preset = ListMojo.blankToNull(focus) == null ? null : EvaluationFocus.parse(focus);
                    Map<String, Double> custom = RankWeights.parse(weights);
                    WeightedRanker ranker = WeightedRanker.forFocus(preset, custom);
                    IndexQuery query = builder.build();
                    rows = ranker.rank(opened, query);
                    List<String> fallback = new ArrayList<>(query.projection(opened));
                    fallback.add(WeightedRanker.SCORE_KEY);
                    shown = shownColumns(rows, fallback);
                    how = "weighted score (" + (preset == null ? EvaluationFocus.BALANCED : preset).value()
                            + (custom.isEmpty() ? "" : " + " + weights.strip()) + ")";
                } else {
                    IndexQuery query = builder.sortBy(metric).build();
                    rows = query.run(opened);
                    shown = shownColumns(rows, query.projection(opened));
                    how = metric;
                }
            } catch (QueryException e) {
                throw invalid(e);
            }
            log.info(String.format(Locale.ROOT, "Top %d of %d indexed bundle(s) by %s, %s%s; index: %s",
                    rows.size(), opened.count(), how, direction(ascending),
                    where == null || where.isBlank() ? "" : ", where " + where.strip(), file));
            publish(rows, shown);
            if (pruning) {
                prune(opened, rows);
            }
        }
    }

    private void prune(SqliteIndex opened, List<LinkedHashMap<String, Object>> keep)
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
                result.kept(), result.rowsRemoved(), opened.path()));
    }
}
