package dev.iafbt;

/**
 * Root of every exception iafbt throws on purpose. Subclasses name the file (or index, or store)
 * and what is wrong with it, so that a caller can show the message to a user as it is.
 */
public class IafbtException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IafbtException(String message) {
        super(message);
    }

    public IafbtException(String message, Throwable cause) {
        super(message, cause);
    }
}
