package dev.iafbt.check;

import dev.iafbt.IafbtException;

/** A baseline file that cannot be read, parsed or written; the message names the file (and line). */
public class BaselineException extends IafbtException {
    private static final long serialVersionUID = 1L;

    /** @param message names the file and the problem */
    public BaselineException(String message) {
        super(message);
    }

    /**
     * @param message names the file and the problem
     * @param cause the I/O or parse error behind it
     */
    public BaselineException(String message, Throwable cause) {
        super(message, cause);
    }
}
