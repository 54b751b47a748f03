package dev.iafbt.model;

import dev.iafbt.IafbtException;

/**
 * A backtest being built lacks a value the Python reference needs to read it whole: it would
 * silently drop the element (an order without a side, say, and with it the trade that holds it).
 * The message names the element's document path and the missing keys.
 */
public class IncompleteBacktestException extends IafbtException {
    private static final long serialVersionUID = 1L;

    public IncompleteBacktestException(String message) {
        super(message);
    }
}
