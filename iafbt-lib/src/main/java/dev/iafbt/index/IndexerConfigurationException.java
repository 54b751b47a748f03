package dev.iafbt.index;

import java.nio.file.Path;

/**
 * The indexer was pointed at the wrong thing: no work was done and no file was touched. The
 * {@link #problem()} lets a front end (a Maven goal, a CLI) phrase the fix in its own terms; the
 * message already says what to change in library terms.
 */
public final class IndexerConfigurationException extends IndexException {
    private static final long serialVersionUID = 1L;

    /** What is wrong. */
    public enum Problem {
        /** The bundle folder does not exist. */
        BUNDLES_MISSING,
        /** The bundle folder is a file. */
        BUNDLES_NOT_A_FOLDER,
        /** The index path is a folder. */
        INDEX_IS_A_FOLDER,
        /** The index file, or the folder it would go into, cannot be written. */
        INDEX_NOT_WRITABLE,
        /** The index path holds a non-empty file that is not an SQLite database. */
        INDEX_NOT_SQLITE,
        /** The folder or the index belongs to a tiered store, whose index the store keeps ({@link #path()} is its root). */
        TIERED_STORE
    }

    private final Problem problem;
    private final transient Path path;

    IndexerConfigurationException(Problem problem, Path path, String message) {
        super(message);
        this.problem = problem;
        this.path = path;
    }

    public Problem problem() {
        return problem;
    }

    /** The offending path (absolute). */
    public Path path() {
        return path;
    }
}
