package dev.iafbt.report;

import dev.iafbt.IafbtException;

/** The report cannot be built or written: a missing or empty folder, a broken budget, an I/O failure. */
public class ReportException extends IafbtException {
    private static final long serialVersionUID = 1L;

    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
