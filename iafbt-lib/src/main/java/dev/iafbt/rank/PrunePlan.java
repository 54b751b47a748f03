package dev.iafbt.rank;

import dev.iafbt.index.BacktestIndex;
import java.nio.file.Path;
import java.util.List;

/**
 * What a prune would do, computed by {@link PrunePlanner}: the bundles kept and the bundles
 * removed (paths relative to the bundle folder, in the reference's visiting order), plus kept
 * shortlist entries whose file is missing. A dry run is this plan, reported; {@link #execute}
 * carries it out.
 *
 * @param bundleFolder the real path of the bundle folder
 * @param archiveDir   where removed bundles move to, or null when they are deleted
 * @param keep         bundles that stay
 * @param remove       bundles to delete or archive
 * @param missingKept  shortlisted bundle paths without a file (a stale index row); informational
 */
public record PrunePlan(Path bundleFolder, Path archiveDir, List<Path> keep, List<Path> remove,
        List<Path> missingKept) {

    public PrunePlan {
        keep = List.copyOf(keep);
        remove = List.copyOf(remove);
        missingKept = List.copyOf(missingKept);
    }

    /** True when removed bundles are moved to {@link #archiveDir()} rather than deleted. */
    public boolean archives() {
        return archiveDir != null;
    }

    /**
     * Deletes or archives every bundle in {@link #remove()}, then removes their rows from
     * {@code index} (null to leave any index alone). Archive moves never overwrite: a name taken
     * in the archive gets a numeric suffix ({@code x-1.iafbt}). On a failure the bundles already
     * handled are still removed from the index before the {@link PruneException} is thrown.
     */
    public PruneResult execute(BacktestIndex index) {
        return new PruneExecutor(this).run(index);
    }
}
