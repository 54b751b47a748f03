package dev.iafbt.store;

import dev.iafbt.model.Backtest;

/** Copies one handle between stores: a full open, then a write that brings the OHLCV chunks along. */
final class StoreCopy {
    private StoreCopy() {
    }

    /** @return the handle in the destination */
    static String copy(BacktestStore source, String handle, BacktestStore destination) {
        Backtest backtest = source.open(handle, false);
        return destination.write(backtest, handle, source.ohlcvDirectory(handle));
    }
}
