package dev.iafbt.check;

import dev.iafbt.IafbtException;

/** A baseline file that cannot be read, parsed or written; the message names the file (and line). */
public class BaselineException extends IafbtException {
    private static final long serialVersionUID = 1L;

    public BaselineException(String message) {
        super(message);
    }

    public BaselineException(String message, Throwable cause) {
        super(message, cause);
    }
}
