package dev.iafbt.index;

import dev.iafbt.IafbtException;

/** A Tier-1 index file cannot be opened, migrated, read or written; the message names the file. */
public class IndexException extends IafbtException {
    private static final long serialVersionUID = 1L;

    public IndexException(String message) {
        super(message);
    }

    public IndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
