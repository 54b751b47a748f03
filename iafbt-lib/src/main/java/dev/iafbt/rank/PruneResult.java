package dev.iafbt.rank;

import java.nio.file.Path;
import java.util.List;

/**
 * What an executed {@link PrunePlan} did.
 *
 * @param kept        how many bundles stayed
 * @param pruned      each removed bundle: its former path and its archive destination (null when deleted)
 * @param rowsRemoved how many index rows were removed for them
 */
public record PruneResult(int kept, List<PrunedBundle> pruned, int rowsRemoved) {

    public PruneResult {
        pruned = List.copyOf(pruned);
    }

    /** One removed bundle; {@code archivedTo} is null when it was deleted. */
    public record PrunedBundle(Path source, Path archivedTo) {
    }
}
