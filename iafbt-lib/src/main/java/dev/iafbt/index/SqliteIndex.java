package dev.iafbt.index;

import dev.iafbt.internal.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

/**
 * The Tier-1 SQLite index, file-compatible with the reference's {@code SqliteBacktestIndex}
 *: same table, columns, DDL, pragmas and value storage, so the Java and the
 * Python tools can share one {@code index.sqlite}. One instance owns one connection; WAL lets many
 * readers work beside one writer, and a 10 s busy timeout rides out short write locks.
 *
 * <p>Differences from the reference, all on the side of safety: a new index is built and filled
 * beside the old one ({@link #stage}) and renamed over it only when complete ({@link #publish}),
 * removing the old file's stale {@code -wal}/{@code -shm}; batches are written in one transaction with their provenance; reading tolerates extra
 * {@code summary_*} columns of newer files; failures are {@link IndexException}s naming the file.
 */
public final class SqliteIndex implements AutoCloseable {
    /** How long a statement waits for another connection's write lock before failing. */
    public static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final Path file;
    private final Connection connection;
    private final List<String> columns;
    /** Where a staged index really is until {@link #publish()} puts it at {@link #file}; else null. */
    private final Path staging;
    /** Held while {@link #staging} exists, so the next rebuild can tell it from a killed one's. */
    private StagingLock stagingLock;
    private boolean published;

    private SqliteIndex(Path file, Connection connection, Path staging) throws SQLException {
        this.file = file;
        this.connection = connection;
        this.columns = List.copyOf(SchemaInitializer.tableColumns(connection));
        this.staging = staging;
    }

    /**
     * Creates an empty index at {@code path}, replacing whatever file is there: {@link #stage}
     * then {@link #publish}, so a failure leaves the old index intact.
     */
    public static SqliteIndex create(Path path) {
        try (SqliteIndex staged = stage(path)) {
            staged.publish();
        }
        return open(path);
    }

    /**
     * A new, empty index that will replace the one at {@code path}, built in a temporary file
     * beside it ({@code .<name>.<hex>.tmp}). Fill it, then {@link #publish()} it: until then the
     * old index stays as it was for every reader, and a crash leaves it whole plus temp files,
     * which the next {@code stage} of the same index removes (see {@link #removeOrphanedTemps}).
     * Closing without publishing deletes it.
     */
    public static SqliteIndex stage(Path path) {
        Path target = path.toAbsolutePath();
        rejectDirectory(target);
        createFolderOf(target);
        removeOrphanedTemps(target);
        Path temp = AtomicFiles.tempBeside(target);
        StagingLock lock = StagingLock.acquire(temp, target); // before SQLite creates the temp file
        try {
            SqliteIndex staged = connected(target, temp, temp, false, c -> SchemaInitializer.initialise(c, temp));
            staged.stagingLock = lock;
            return staged;
        } catch (RuntimeException e) {
            lock.close(); // connected() deleted the temp file already
            throw e;
        }
    }

    /**
     * Removes the temp files that killed rebuilds of the index at {@code path} left beside it and
     * that no living process is still filling; returns the files removed. {@link #stage} does this
     * itself; an incremental run calls it to clean up after a killed rebuild as well.
     */
    public static List<Path> removeOrphanedTemps(Path path) {
        return OrphanIndexTemps.removeFor(path, Instant.now());
    }

    /**
     * Puts a staged index in place of the old one: closes it (the last close checkpoints and
     * removes its {@code -wal}), removes the old file's stale {@code -wal}/{@code -shm} so SQLite
     * cannot replay them into the new file (the reference leaves them), then renames it over the
     * old file atomically. This instance is closed afterwards.
     */
    public void publish() {
        if (staging == null || published) {
            throw new IllegalStateException(file + " is not a staged index, or was published already");
        }
        try {
            connection.close();
            deleteJournals(file);
            AtomicFiles.replace(staging, file);
            published = true;
        } catch (SQLException e) {
            throw failure(file, "finish", e);
        } catch (IOException e) {
            throw new IndexException("cannot put the new index in place of " + file + ": " + e, e);
        } finally {
            if (!published) {
                deleteQuietly(staging);
            }
            releaseStagingLock();
        }
    }

    /**
     * Opens the index at {@code path}, creating the file when missing and migrating an older one
     * by adding the columns it lacks at the end. A file that is not SQLite, or whose table
     * lacks {@code bundle_path}/{@code algorithm_id}/{@code tag}, is refused with an
     * {@link IndexException} that says so.
     */
    public static SqliteIndex open(Path path) {
        Path target = path.toAbsolutePath();
        rejectDirectory(target);
        createFolderOf(target);
        return connected(target, target, null, false, c -> SchemaInitializer.initialise(c, target));
    }

    private static void createFolderOf(Path target) {
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new IndexException("cannot create the folder of index " + target + ": " + e, e);
        }
    }

    /**
     * Opens an existing index for reading only: the file is opened with SQLite's read-only flag,
     * and nothing that writes runs — no journal-mode pragma, no migration, no {@code user_version}
     * stamp — so reading a file the Python tool shares leaves its bytes as they were. Writes
     * through this instance ({@link #upsertAll}, {@link #remove}) fail with an
     * {@link IndexException}. A missing file, a file that is not SQLite, or a table without
     * {@code bundle_path}/{@code algorithm_id}/{@code tag} is refused with a message saying so.
     */
    public static SqliteIndex openReadOnly(Path path) {
        Path target = path.toAbsolutePath();
        rejectDirectory(target);
        if (!Files.isRegularFile(target)) {
            throw new IndexException("no index at " + target + "; build it first (for example with"
                    + " Indexer.builder(folder).output(path).build().run())");
        }
        return connected(target, target, null, true,
                c -> SchemaInitializer.requireColumns(SchemaInitializer.tableColumns(c), target));
    }

    @FunctionalInterface
    private interface ConnectionCheck {
        void accept(Connection connection) throws SQLException;
    }

    /**
     * A connection to {@code db} (the index at {@code target} itself, or its {@code staging} file)
     * that passed {@code check}; errors name {@code target}, and when anything fails the connection
     * is closed and a staging file deleted.
     */
    private static SqliteIndex connected(Path target, Path db, Path staging, boolean readOnly,
                                         ConnectionCheck check) {
        Connection c = null;
        try {
            c = connect(db, readOnly);
            check.accept(c);
            return new SqliteIndex(target, c, staging);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            if (staging != null) {
                deleteQuietly(staging);
            }
            if (e instanceof IndexException ie) {
                throw ie;
            }
            throw e instanceof SQLException sql ? failure(target, "open", sql)
                    : new IndexException("cannot open index " + target + ": " + e, e);
        }
    }

    /** The absolute path of the index file. */
    public Path path() {
        return file;
    }

    /** The table's column names in physical order, including columns of newer schema versions. */
    public List<String> columns() {
        return columns;
    }

    /** Inserts or replaces one row (keyed by bundle_path) in its own transaction. */
    public void upsert(IndexRow row) {
        upsertAll(List.of(row));
    }

    /**
     * Inserts or replaces every row in one transaction with one prepared statement; returns the
     * number of rows written. Unlike the reference's {@code upsert_many}, each row's provenance is
     * written and every row's summary is kept. Every bundle_path is checked before writing.
     */
    public int upsertAll(Iterable<IndexRow> rows) {
        List<IndexRow> batch = new ArrayList<>();
        for (IndexRow row : rows) {
            if (row.bundlePath() == null || row.bundlePath().isEmpty()) {
                throw new IndexException("cannot upsert into " + file + ": a row has no bundle_path ("
                        + row + "); bundle_path is the primary key, set it on every row");
            }
            batch.add(row);
        }
        if (batch.isEmpty()) {
            return 0;
        }
        inTransaction("upsert rows into", () -> {
            try (PreparedStatement ps = connection.prepareStatement(RowBinder.UPSERT_SQL)) {
                for (IndexRow row : batch) {
                    RowBinder.bind(ps, row);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        return batch.size();
    }

    /** Deletes the rows of these bundle paths in one transaction; returns how many existed. */
    public int remove(Collection<String> bundlePaths) {
        int[] removed = {0};
        inTransaction("remove rows from", () -> {
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

    /** True when a row exists and its provenance equals exactly this mtime and size. */
    public boolean isUpToDate(String bundlePath, long mtimeNs, long size) {
        Provenance stored = query("read provenance from", "SELECT bundle_mtime_ns, bundle_size FROM "
                + IndexSchema.QUOTED_TABLE + " WHERE bundle_path = ?", List.of(bundlePath), rs ->
                rs.next() ? provenanceOf(rs, 1) : null);
        return stored != null && stored.matches(mtimeNs, size);
    }

    /** Every row's provenance in one query, for an incremental indexer to compare in memory. */
    public Map<String, Provenance> provenance() {
        return query("read provenance from", "SELECT bundle_path, bundle_mtime_ns, bundle_size FROM "
                + IndexSchema.QUOTED_TABLE + " ORDER BY rowid", List.of(), rs -> {
                    Map<String, Provenance> map = new HashMap<>();
                    while (rs.next()) {
                        map.put(rs.getString(1), provenanceOf(rs, 2));
                    }
                    return map;
                });
    }

    /** Every bundle_path, in row (insertion) order. */
    public List<String> bundlePaths() {
        return query("list bundle paths of", "SELECT bundle_path FROM " + IndexSchema.QUOTED_TABLE
                + " ORDER BY rowid", List.of(), rs -> {
                    List<String> paths = new ArrayList<>();
                    while (rs.next()) {
                        paths.add(rs.getString(1));
                    }
                    return paths;
                });
    }

    public long count() {
        return query("count rows of", "SELECT COUNT(*) FROM " + IndexSchema.QUOTED_TABLE, List.of(),
                rs -> rs.next() ? rs.getLong(1) : 0L);
    }

    /**
     * Streams every row in insertion (rowid) order, as the reference's {@code iter_rows}. The
     * stream holds an open statement: close it (try-with-resources) when not fully consumed.
     */
    public Stream<IndexRow> iterRows() {
        String sql = "SELECT * FROM " + IndexSchema.QUOTED_TABLE + " ORDER BY rowid";
        try {
            PreparedStatement ps = connection.prepareStatement(sql);
            ResultSet rs = ps.executeQuery();
            RowMapper mapper = new RowMapper(file, rs.getMetaData());
            return ResultSetSpliterator.stream(rs, mapper::map, () -> {
                rs.close();
                ps.close();
            }, e -> failure(file, "read rows of", e));
        } catch (SQLException e) {
            throw failure(file, "read rows of", e);
        }
    }

    /** All rows in insertion order. */
    public List<IndexRow> rows() {
        try (Stream<IndexRow> rows = iterRows()) {
            return rows.toList();
        }
    }

    /**
     * Runs one SELECT with {@code PRAGMA query_only=ON}, so that even a statement that slipped
     * past the caller's validation cannot change the file; returns each row as a map from column
     * label to value (Long, Double, String, byte[] or null). Used by {@code dev.iafbt.rank}.
     */
    public List<LinkedHashMap<String, Object>> selectReadOnly(String sql, List<?> params) {
        try (Statement guard = connection.createStatement()) {
            guard.execute("PRAGMA query_only=ON");
            try {
                return query("query", sql, params, rs -> {
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
                });
            } finally {
                guard.execute("PRAGMA query_only=OFF");
            }
        } catch (SQLException e) {
            throw failure(file, "query", e);
        }
    }

    /** Closes the connection; with WAL, the last close checkpoints and removes the -wal file. */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure(file, "close", e);
        } finally {
            if (staging != null && !published) {
                deleteQuietly(staging); // never published: the old index stays the index
            }
            releaseStagingLock();
        }
    }

    /** After the temp file is renamed or deleted; idempotent. */
    private void releaseStagingLock() {
        if (stagingLock != null) {
            stagingLock.close();
            stagingLock = null;
        }
    }

    // ---- plumbing ----

    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException;
    }

    @FunctionalInterface
    private interface ResultReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private void inTransaction(String action, SqlWork work) {
        try {
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                TransactionUndo.undo(connection, true, e);
                throw e;
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw failure(file, action, e);
        }
    }

    private <T> T query(String action, String sql, List<?> params, ResultReader<T> reader) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw failure(file, action, e);
        }
    }

    /** The (mtime_ns, size) pair at columns {@code first} and {@code first + 1}; NULLs stay null. */
    private static Provenance provenanceOf(ResultSet rs, int first) throws SQLException {
        long mtime = rs.getLong(first);
        Long mtimeOrNull = rs.wasNull() ? null : mtime;
        long size = rs.getLong(first + 1);
        return new Provenance(mtimeOrNull, rs.wasNull() ? null : size);
    }

    private static Connection connect(Path path, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        return config.createConnection("jdbc:sqlite:" + path);
    }

    static IndexException failure(Path path, String action, SQLException e) {
        int code = e.getErrorCode();
        if (code == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return new IndexException(path + " is not an SQLite database — delete it or pass a"
                    + " different index path", e);
        }
        if (code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return new IndexException("cannot " + action + " index " + path + ": another process held"
                    + " its write lock for more than " + BUSY_TIMEOUT_MILLIS / 1000 + " s; retry when"
                    + " the other indexer or store has finished", e);
        }
        if (code == SQLiteErrorCode.SQLITE_FULL.code) {
            return new IndexException("cannot " + action + " index " + path + ": the disk is full (" + e.getMessage()
                    + "); the index is as it was before this change: free space on the disk holding " + path.getParent()
                    + " and run again", e);
        }
        return new IndexException("cannot " + action + " index " + path + ": " + e.getMessage(), e);
    }

    private static void rejectDirectory(Path target) {
        if (Files.isDirectory(target)) {
            throw new IndexException(target + " is a directory, not an index file; pass the path"
                    + " of the .sqlite file (for example " + target.resolve("index.sqlite") + ")");
        }
    }

    private static void deleteJournals(Path db) throws IOException {
        Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-wal"));
        Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-shm"));
    }

    private static void deleteQuietly(Path db) {
        try {
            Files.deleteIfExists(db);
            deleteJournals(db);
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-journal"));
        } catch (IOException ignored) {
            // best effort: the next rebuild removes a leftover temp file (OrphanIndexTemps)
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing; the original error is the one worth reporting
            }
        }
    }
}
