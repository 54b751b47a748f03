package dev.iafbt.ohlcv;

import dev.iafbt.IafbtException;

/**
 * Something is wrong with an OHLCV side store, manifest or frame file; the message names the
 * file, entry or bundle and the problem.
 */
public class OhlcvException extends IafbtException {
    private static final long serialVersionUID = 1L;

    public OhlcvException(String message) {
        super(message);
    }

    public OhlcvException(String message, Throwable cause) {
        super(message, cause);
    }
}
