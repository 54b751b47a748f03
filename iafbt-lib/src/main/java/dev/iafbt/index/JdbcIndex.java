package dev.iafbt.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What both backends do the same way over JDBC: every read and write of the index, with the
 * dialect's SQL where it differs. A subclass owns how the connection is made, guarded read-only,
 * and how a driver's error becomes a message.
 */
abstract sealed class JdbcIndex implements BacktestIndex permits SqliteIndex, PostgresIndex {
    /** A deadlock or serialization failure is retried this often before it is reported. */
    private static final int MAX_ATTEMPTS = 5;
    /** Rows fetched per round trip while streaming, so a million-row index never sits in memory. */
    static final int STREAM_FETCH_SIZE = 1000;

    final Connection connection;
    private final SqlDialect dialect;
    private final List<String> columns;

    JdbcIndex(Connection connection, SqlDialect dialect, List<String> columns) {
        this.connection = connection;
        this.dialect = dialect;
        this.columns = List.copyOf(columns);
    }

    @Override
    public final SqlDialect dialect() {
        return dialect;
    }

    @Override
    public final List<String> columns() {
        return columns;
    }

    /** Turns a driver error into an {@link IndexException} naming this index and the action. */
    abstract IndexException failure(String action, SQLException e);

    /** Makes the connection refuse writes until {@link #endReadOnly()}. */
    abstract void beginReadOnly() throws SQLException;

    abstract void endReadOnly() throws SQLException;

    /** Prepares the connection for a streamed read of many rows; {@link #endStream()} undoes it. */
    void beginStream() throws SQLException {
    }

    void endStream() throws SQLException {
    }

    /** True for an error that a second attempt of the same transaction may not meet (a deadlock). */
    boolean retryable(SQLException e) {
        return false;
    }

    /**
     * Inserts or replaces every row in one transaction, written by {@link #writeRows}. Unlike the
     * reference's {@code upsert_many}, each row's provenance is written and every row's summary is
     * kept. Every bundle_path is checked before writing.
     */
    @Override
    public int upsertAll(Iterable<IndexRow> rows) {
        List<IndexRow> batch = new ArrayList<>();
        for (IndexRow row : rows) {
            if (row.bundlePath() == null || row.bundlePath().isEmpty()) {
                throw new IndexException("cannot upsert into " + location() + ": a row has no bundle_path ("
                        + row + "); bundle_path is the primary key, set it on every row");
            }
            batch.add(row);
        }
        if (batch.isEmpty()) {
            return 0;
        }
        inTransaction("upsert rows into", () -> writeRows(batch));
        return batch.size();
    }

    /**
     * Writes {@code rows} inside the upsert's transaction (run again when it is retried): the
     * dialect's upsert statement, bound once per row and sent as one batch.
     */
    void writeRows(List<IndexRow> rows) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(dialect.upsertSql())) {
            for (IndexRow row : rows) {
                RowBinder.bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public int remove(Collection<String> bundlePaths) {
        int[] removed = {0};
        inTransaction("remove rows from", () -> {
            removed[0] = 0;
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM "
                    + IndexSchema.QUOTED_TABLE + " WHERE bundle_path = ?")) {
                for (String bundlePath : bundlePaths) {
                    ps.setString(1, bundlePath);
                    removed[0] += ps.executeUpdate();
                }
            }
        });
        return removed[0];
    }

    @Override
    public boolean isUpToDate(String bundlePath, long mtimeNs, long size) {
        Provenance stored = query("read provenance from", "SELECT bundle_mtime_ns, bundle_size FROM "
                + IndexSchema.QUOTED_TABLE + " WHERE bundle_path = ?", List.of(bundlePath), rs ->
                rs.next() ? provenanceOf(rs, 1) : null);
        return stored != null && stored.matches(mtimeNs, size);
    }

    @Override
    public Map<String, Provenance> provenance() {
        return query("read provenance from", "SELECT bundle_path, bundle_mtime_ns, bundle_size FROM "
                + IndexSchema.QUOTED_TABLE + " ORDER BY " + dialect.rowOrder(), List.of(), rs -> {
                    Map<String, Provenance> map = new HashMap<>();
                    while (rs.next()) {
                        map.put(rs.getString(1), provenanceOf(rs, 2));
                    }
                    return map;
                });
    }

    @Override
    public List<String> bundlePaths() {
        return query("list bundle paths of", "SELECT bundle_path FROM " + IndexSchema.QUOTED_TABLE
                + " ORDER BY " + dialect.rowOrder(), List.of(), rs -> {
                    List<String> paths = new ArrayList<>();
                    while (rs.next()) {
                        paths.add(rs.getString(1));
                    }
                    return paths;
                });
    }

    @Override
    public long count() {
        return query("count rows of", "SELECT COUNT(*) FROM " + IndexSchema.QUOTED_TABLE, List.of(),
                rs -> rs.next() ? rs.getLong(1) : 0L);
    }

    /**
     * Streams every row in insertion order, as the reference's {@code iter_rows}. The stream holds
     * an open statement: close it (try-with-resources) when not fully consumed.
     */
    @Override
    public Stream<IndexRow> iterRows() {
        String sql = "SELECT * FROM " + IndexSchema.QUOTED_TABLE + " ORDER BY " + dialect.rowOrder();
        try {
            beginStream();
            PreparedStatement ps = connection.prepareStatement(sql);
            ps.setFetchSize(STREAM_FETCH_SIZE);
            ResultSet rs = ps.executeQuery();
            RowMapper mapper = new RowMapper(location(), rs.getMetaData());
            return ResultSetSpliterator.stream(rs, mapper::map, () -> {
                try {
                    rs.close();
                    ps.close();
                } finally {
                    endStream();
                }
            }, e -> failure("read rows of", e));
        } catch (SQLException e) {
            try {
                endStream();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw failure("read rows of", e);
        }
    }

    @Override
    public List<LinkedHashMap<String, Object>> selectReadOnly(String sql, List<?> params) {
        try {
            beginReadOnly();
            try {
                return query("query", sql, params, JdbcIndex::readAll);
            } finally {
                endReadOnly();
            }
        } catch (SQLException e) {
            throw failure("query", e);
        }
    }

    private static List<LinkedHashMap<String, Object>> readAll(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int n = meta.getColumnCount();
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = meta.getColumnLabel(i + 1);
        }
        List<LinkedHashMap<String, Object>> out = new ArrayList<>();
        while (rs.next()) {
            LinkedHashMap<String, Object> row = new LinkedHashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                Object value = rs.getObject(i + 1);
                row.put(labels[i], value instanceof Number num ? SqliteNumbers.normalise(num) : value);
            }
            out.add(row);
        }
        return out;
    }

    @Override
    public void recordMetricsAudits(Collection<MetricsAuditRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        inTransaction("record metrics audits in", () -> {
            try (Statement st = connection.createStatement()) {
                st.execute(MetricsAuditTable.CREATE);
            }
            try (PreparedStatement ps = connection.prepareStatement(MetricsAuditTable.UPSERT)) {
                for (MetricsAuditRecord r : records) {
                    ps.setString(1, r.bundlePath());
                    ps.setLong(2, r.mtimeNs());
                    ps.setLong(3, r.size());
                    if (r.staleValues() == null) {
                        ps.setNull(4, Types.INTEGER);
                    } else {
                        ps.setInt(4, r.staleValues());
                    }
                    ps.setString(5, r.detail());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    @Override
    public Map<String, MetricsAuditRecord> metricsAudits() {
        boolean exists = query("read the metrics audits of", dialect.tableExistsSql(), List.of(MetricsAuditTable.TABLE),
                ResultSet::next);
        if (!exists) {
            return Map.of();
        }
        return query("read the metrics audits of", MetricsAuditTable.SELECT, List.of(), rs -> {
            Map<String, MetricsAuditRecord> out = new HashMap<>();
            while (rs.next()) {
                int stale = rs.getInt(4);
                Integer staleValues = rs.wasNull() ? null : stale;
                out.put(rs.getString(1), new MetricsAuditRecord(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        staleValues, rs.getString(5)));
            }
            return out;
        });
    }

    // ---- plumbing ----

    @FunctionalInterface
    interface SqlWork {
        void run() throws SQLException;
    }

    @FunctionalInterface
    interface ResultReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction, again from the start when {@link #retryable} says so.
     * A failure that is not retried is undone with {@link TransactionUndo}, so its cause stays the
     * error even when the rollback itself fails (SQLite after a full disk).
     */
    void inTransaction(String action, SqlWork work) {
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            for (int attempt = 1; ; attempt++) {
                try {
                    work.run();
                    connection.commit();
                    connection.setAutoCommit(autoCommit);
                    return;
                } catch (SQLException e) {
                    if (attempt < MAX_ATTEMPTS && retryable(e)) {
                        connection.rollback();
                        continue;
                    }
                    TransactionUndo.undo(connection, autoCommit, e);
                    throw e;
                } catch (RuntimeException e) {
                    TransactionUndo.undo(connection, autoCommit, e);
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw failure(action, e);
        }
    }

    <T> T query(String action, String sql, List<?> params, ResultReader<T> reader) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw failure(action, e);
        }
    }

    /** The (mtime_ns, size) pair at columns {@code first} and {@code first + 1}; NULLs stay null. */
    private static Provenance provenanceOf(ResultSet rs, int first) throws SQLException {
        long mtime = rs.getLong(first);
        Long mtimeOrNull = rs.wasNull() ? null : mtime;
        long size = rs.getLong(first + 1);
        return new Provenance(mtimeOrNull, rs.wasNull() ? null : size);
    }

    static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing; the original error is the one worth reporting
            }
        }
    }
}
