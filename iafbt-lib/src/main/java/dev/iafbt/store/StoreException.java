package dev.iafbt.store;

import dev.iafbt.IafbtException;

/** A store operation failed; the message names the store root, the handle and the problem. */
public class StoreException extends IafbtException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
