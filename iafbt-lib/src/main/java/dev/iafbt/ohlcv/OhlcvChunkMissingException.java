package dev.iafbt.ohlcv;

/**
 * A chunk the manifest (or the caller) names is not in the side store, typically because a bundle
 * was copied without its {@code ohlcv/} folder. The message names the bundle when known, the
 * manifest key and the path where the file was expected.
 */
public class OhlcvChunkMissingException extends OhlcvException {
    private static final long serialVersionUID = 1L;

    public OhlcvChunkMissingException(String message) {
        super(message);
    }

    public OhlcvChunkMissingException(String message, Throwable cause) {
        super(message, cause);
    }
}
