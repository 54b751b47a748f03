package dev.iafbt.index;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Undoes a failed transaction so that its cause stays the error. After SQLITE_FULL or an I/O
 * error SQLite has already rolled the transaction back, so the rollback, and the commit that
 * leaving manual-commit mode runs, fail with "no transaction is active"; thrown, those errors
 * replaced the full disk in the message. They are kept as suppressed exceptions of the cause.
 */
final class TransactionUndo {
    private TransactionUndo() {
    }

    static void undo(Connection connection, boolean autoCommit, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
