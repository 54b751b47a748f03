package dev.iafbt.ohlcv;

/**
 * A chunk's bytes no longer hash to its name: the file was changed or damaged after it was
 * written. The message names the file, the expected and the actual SHA-256.
 */
public class OhlcvHashMismatchException extends OhlcvException {
    private static final long serialVersionUID = 1L;

    public OhlcvHashMismatchException(String message) {
        super(message);
    }

    public OhlcvHashMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
