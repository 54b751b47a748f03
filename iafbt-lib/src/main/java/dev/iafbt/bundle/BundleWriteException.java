package dev.iafbt.bundle;

import dev.iafbt.IafbtException;

/**
 * A bundle could not be written (the folder is missing rights, the disk is full, the target is
 * a folder). The message names the file; any existing file at that path is left as it was.
 */
public class BundleWriteException extends IafbtException {
    private static final long serialVersionUID = 1L;

    public BundleWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
