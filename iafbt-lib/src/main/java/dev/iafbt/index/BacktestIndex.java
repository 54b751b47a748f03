package dev.iafbt.index;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Tier-1 index, whatever holds it: a SQLite file ({@link SqliteIndex}, the reference's own
 * format) or a table on a PostgreSQL server shared by a team ({@link PostgresIndex}). The same
 * table, columns and values on both; every difference in SQL is the {@link #dialect()}'s. Open one
 * from a location string with {@link Indexes#open}.
 *
 * <p>Rows are keyed by {@code bundle_path}: relative to the bundle folder by default, so the same
 * folder indexed on two machines (or mounted at two paths) gives the same keys. Row order is
 * insertion order, a replaced row moving last, as in the reference.
 */
public interface BacktestIndex extends AutoCloseable {

    /** Where the index is, for messages: the file path, or the JDBC URL without any password. */
    String location();

    /** The SQL differences of this backend; queries are built with it. */
    SqlDialect dialect();

    /** The reference table's column names in physical order (a backend's own columns excluded). */
    List<String> columns();

    /**
     * The columns whose values an index keeps in order, so that a column's lowest and highest
     * value (over all rows) are read from the index's two ends rather than by a scan. None on
     * SQLite: the file keeps the reference's schema, which has no index on a summary column;
     * on PostgreSQL the summary columns the ranking presets weight (see {@link PostgresIndex}).
     */
    default Set<String> orderedColumns() {
        return Set.of();
    }

    /** Inserts or replaces one row (keyed by bundle_path) in its own transaction. */
    default void upsert(IndexRow row) {
        upsertAll(List.of(row));
    }

    /** Inserts or replaces every row in one transaction, in order; returns the number written. */
    int upsertAll(Iterable<IndexRow> rows);

    /** Deletes the rows of these bundle paths in one transaction; returns how many existed. */
    int remove(Collection<String> bundlePaths);

    /** True when a row exists and its provenance equals exactly this mtime and size. */
    boolean isUpToDate(String bundlePath, long mtimeNs, long size);

    /** Every row's provenance in one query, for an incremental indexer to compare in memory. */
    Map<String, Provenance> provenance();

    /** Every bundle_path, in row (insertion) order. */
    List<String> bundlePaths();

    long count();

    /** Streams every row in insertion order; close the stream when not fully consumed. */
    Stream<IndexRow> iterRows();

    /** All rows in insertion order. */
    default List<IndexRow> rows() {
        try (Stream<IndexRow> rows = iterRows()) {
            return rows.toList();
        }
    }

    /**
     * Runs one SELECT in a read-only session, so even a statement that slipped past the caller's
     * validation cannot change anything; each row maps column label to value (Long for integers,
     * Double, String, or null). Used by {@code dev.iafbt.rank}.
     */
    List<LinkedHashMap<String, Object>> selectReadOnly(String sql, List<?> params);

    /**
     * Records metrics audits in iafbt's side table (created on first use; the reference's table is
     * not touched), replacing earlier records of the same bundle paths, in one transaction.
     */
    void recordMetricsAudits(Collection<MetricsAuditRecord> records);

    /**
     * Every recorded metrics audit by bundle_path; empty when none was ever recorded (the index
     * then has no side table). A record applies only while its file provenance matches the row's.
     */
    Map<String, MetricsAuditRecord> metricsAudits();

    @Override
    void close();
}
