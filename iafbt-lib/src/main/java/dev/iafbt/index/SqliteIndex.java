package dev.iafbt.index;

import dev.iafbt.internal.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
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
public final class SqliteIndex extends JdbcIndex {
    /** How long a statement waits for another connection's write lock before failing. */
    public static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final Path file;
    /** Where a staged index really is until {@link #publish()} puts it at {@link #file}; else null. */
    private final Path staging;
    /** Held while {@link #staging} exists, so the next rebuild can tell it from a killed one's. */
    private StagingLock stagingLock;
    private boolean published;

    private SqliteIndex(Path file, Connection connection, Path staging) throws SQLException {
        super(connection, SqlDialect.SQLITE, SchemaInitializer.tableColumns(connection));
        this.file = file;
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

    /** The file path, absolute. */
    @Override
    public String location() {
        return file.toString();
    }

    @Override
    IndexException failure(String action, SQLException e) {
        return failure(file, action, e);
    }

    /** Runs one SELECT with {@code PRAGMA query_only=ON}: the file cannot change through it. */
    @Override
    void beginReadOnly() throws SQLException {
        try (Statement guard = connection.createStatement()) {
            guard.execute("PRAGMA query_only=ON");
        }
    }

    @Override
    void endReadOnly() throws SQLException {
        try (Statement guard = connection.createStatement()) {
            guard.execute("PRAGMA query_only=OFF");
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

    private static Connection connect(Path path, boolean readOnly) throws SQLException {
        SqliteNativeLibrary.load();
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
}
