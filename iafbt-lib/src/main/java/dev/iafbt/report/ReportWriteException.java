package dev.iafbt.report;

/**
 * The report was built but could not be written (a full disk, a read-only or missing folder).
 * The message names the file and keeps the system's reason ("No space left on device"); any
 * earlier report at that path is unchanged.
 */
public class ReportWriteException extends ReportException {
    private static final long serialVersionUID = 1L;

    public ReportWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
