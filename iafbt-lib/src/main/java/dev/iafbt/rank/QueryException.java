package dev.iafbt.rank;

import dev.iafbt.IafbtException;

/**
 * A query or ranking request is invalid: an unknown column, a filter that is not a plain
 * condition, an unknown focus, a malformed weight. The message names the offending input and lists
 * what is accepted instead.
 */
public class QueryException extends IafbtException {
    private static final long serialVersionUID = 1L;

    public QueryException(String message) {
        super(message);
    }
}
