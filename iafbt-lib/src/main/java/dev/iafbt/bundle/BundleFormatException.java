package dev.iafbt.bundle;

import dev.iafbt.IafbtException;

/**
 * A file is not a readable {@code .iafbt} bundle, or a document does not have the shape the
 * reader needs. The message always starts with the file (or "document" for in-memory input) and
 * says what is wrong, so it can be shown to a user as it is.
 */
public class BundleFormatException extends IafbtException {
    private static final long serialVersionUID = 1L;

    public BundleFormatException(String message) {
        super(message);
    }

    public BundleFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
