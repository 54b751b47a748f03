package dev.iafbt.index;

/**
 * iafbt's side table of metrics audits, in the same database as the reference's
 * {@code backtest_index} but outside it, so that table stays column for column the reference's
 * (the Python tool reads it and ignores other tables). Created on the first write only: an index
 * nobody audited has no such table, and is byte for byte what the reference would build. Keyed by
 * {@code bundle_path}, like the index rows; the SQL is the same on SQLite and PostgreSQL.
 */
final class MetricsAuditTable {
    static final String TABLE = "iafbt_metrics_audit";

    static final String CREATE = "CREATE TABLE IF NOT EXISTS " + TABLE + " (bundle_path TEXT PRIMARY KEY,"
            + " file_mtime_ns BIGINT NOT NULL, file_size BIGINT NOT NULL, stale_values INTEGER, detail TEXT NOT NULL)";

    static final String UPSERT = "INSERT INTO " + TABLE + " (bundle_path, file_mtime_ns, file_size, stale_values, detail)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (bundle_path) DO UPDATE SET file_mtime_ns = excluded.file_mtime_ns,"
            + " file_size = excluded.file_size, stale_values = excluded.stale_values, detail = excluded.detail";

    static final String SELECT = "SELECT bundle_path, file_mtime_ns, file_size, stale_values, detail FROM " + TABLE;

    private MetricsAuditTable() {
    }
}
