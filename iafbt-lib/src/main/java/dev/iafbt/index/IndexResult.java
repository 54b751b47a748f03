package dev.iafbt.index;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What an indexing run did.
 *
 * @param index     the absolute path of the index file; null for a PostgreSQL index
 * @param indexed   bundles read and written as rows (new or changed)
 * @param unchanged bundles skipped because their mtime and size matched their row
 * @param removed   rows dropped because their bundle no longer exists (only with prune-missing)
 * @param failures  bundles that could not be read, in walk order; their old rows were kept
 * @param rebuilt   whether the index was created from scratch
 * @param elapsed   wall-clock time of the run
 * @param location  where the index is: the file path, or the JDBC URL without password
 */
public record IndexResult(Path index, long indexed, long unchanged, long removed,
        List<IndexFailure> failures, boolean rebuilt, Duration elapsed, String location) {

    public IndexResult {
        failures = List.copyOf(failures);
    }

    /** The result of a run on a SQLite file: its location is its path. */
    public IndexResult(Path index, long indexed, long unchanged, long removed, List<IndexFailure> failures,
            boolean rebuilt, Duration elapsed) {
        this(index, indexed, unchanged, removed, failures, rebuilt, elapsed, String.valueOf(index));
    }

    public long failed() {
        return failures.size();
    }

    /** Bundles found by the walk: indexed, unchanged and failed. */
    public long scanned() {
        return indexed + unchanged + failures.size();
    }

    /** One line: counts, the index path and the time, e.g. for a log. */
    public String summary() {
        return String.format(Locale.ROOT,
                "%d indexed, %d unchanged, %d removed, %d failed in %.2f s; index: %s",
                indexed, unchanged, removed, failed(), elapsed.toNanos() / 1e9, location);
    }
}
