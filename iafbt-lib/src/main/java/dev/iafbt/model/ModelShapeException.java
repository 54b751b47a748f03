package dev.iafbt.model;

import dev.iafbt.bundle.BundleFormatException;

/**
 * A bundle decodes, but a value the typed model needs has the wrong shape: a map where a list
 * must be, a string where a number must be. The message names the file and the document path.
 */
public class ModelShapeException extends BundleFormatException {
    private static final long serialVersionUID = 1L;

    public ModelShapeException(String message) {
        super(message);
    }
}
