package dev.iafbt.rank;

import dev.iafbt.IafbtException;

/** Pruning was refused as unsafe, or a move/delete failed; the message names the folder or file. */
public class PruneException extends IafbtException {
    private static final long serialVersionUID = 1L;

    public PruneException(String message) {
        super(message);
    }

    public PruneException(String message, Throwable cause) {
        super(message, cause);
    }
}
