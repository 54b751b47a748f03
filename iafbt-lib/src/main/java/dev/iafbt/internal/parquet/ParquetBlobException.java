package dev.iafbt.internal.parquet;

import dev.iafbt.IafbtException;

/**
 * A Parquet payload (a metric blob inside a bundle, or any other Parquet bytes this package reads
 * or writes) is not readable or does not have the expected shape. The message always starts with
 * the source the caller named (for example
 * {@code "bundle x.iafbt, blob runs/0/metrics/equity_curve.parquet"}) and then says what is wrong,
 * so it can be shown to a user as it is; the library exception, if any, is kept as the cause.
 */
public class ParquetBlobException extends IafbtException {
    private static final long serialVersionUID = 1L;

    public ParquetBlobException(String message) {
        super(message);
    }

    public ParquetBlobException(String message, Throwable cause) {
        super(message, cause);
    }
}
