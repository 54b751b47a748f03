package dev.iafbt.store.object;

import dev.iafbt.store.StoreException;

/** An object-storage request failed; the message names the object URI and what went wrong (never a secret). */
public class ObjectStorageException extends StoreException {
    private static final long serialVersionUID = 1L;

    public ObjectStorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public ObjectStorageException(String message) {
        super(message);
    }
}
