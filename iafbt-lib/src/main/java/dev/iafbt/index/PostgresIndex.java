package dev.iafbt.index;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The Tier-1 index as a table on a PostgreSQL server, for a team whose sweeps run on many
 * machines: the reference's table and columns (see {@link PostgresSchema}), the same rows and the
 * same answers as the SQLite index, and any number of writers at once — rows are upserted with
 * {@code INSERT … ON CONFLICT … DO UPDATE} in batched transactions, and a transaction that meets
 * a deadlock with another writer is rolled back and run again, so no row is lost.
 *
 * <p>Open it with a URL such as {@code jdbc:postgresql://db:5432/research?currentSchema=sweeps};
 * the schema is created on first use. Credentials come from {@link IndexCredentials}; a failed
 * connection names host, port, database and user, never a password.
 */
public final class PostgresIndex extends JdbcIndex {
    /**
     * From this many rows on a batch goes through {@link PostgresCopyUpsert}; below, the batched
     * statement is faster: a copied batch pays a fixed 3–6 ms (two more round trips, and emptying
     * the staging table at commit) where one bound row costs about 0.1 ms. Measured on 2 loaded
     * cores: 32 rows 2.6–4.1 ms bound against 5.5–8.7 ms copied, 128 rows 16–21 against 13–17,
     * 500 rows 35–67 against 22–40.
     */
    static final int COPY_MIN_ROWS = 100;

    /**
     * A writer builds the ranked columns' indexes only once the table holds this many rows. Below
     * it, a weighted rank's min/max scan costs a few tens of milliseconds (about 45 ms for 50,000
     * rows), less than what 21 indexes would add to every cold index and every later row written.
     */
    public static final int RANKED_INDEX_MIN_ROWS = 50_000;

    /** SQLSTATE of a statement the role may not run (here: CREATE INDEX on another's table). */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private final PostgresUrl url;
    private final PostgresCopyUpsert copyUpsert;
    /** What each read-only transaction starts with; see {@link #beginReadOnly}. */
    private final String readOnlySetup;
    /** {@link #orderedColumns()}, read from the catalog on first use. */
    private Set<String> orderedColumns;
    /** Rows were written through this connection: {@link #close} builds missing ranked indexes. */
    private boolean wrote;

    private PostgresIndex(PostgresUrl url, Connection connection, List<String> columns) throws SQLException {
        super(connection, SqlDialect.POSTGRES, columns.stream()
                .filter(c -> !c.equals(PostgresDialect.ORDER_COLUMN)).toList());
        this.url = url;
        this.copyUpsert = new PostgresCopyUpsert(connection);
        this.readOnlySetup = connection.getMetaData().getDatabaseMajorVersion() >= 11
                ? "SET TRANSACTION READ ONLY; SET LOCAL jit = off" : "SET TRANSACTION READ ONLY";
    }

    /** True for a {@code jdbc:postgresql:} location. */
    public static boolean isPostgresUrl(String location) {
        return PostgresUrl.isPostgres(location);
    }

    /** Opens (creating or migrating the table when needed) the index at {@code jdbcUrl}. */
    public static PostgresIndex open(String jdbcUrl, IndexCredentials credentials) {
        PostgresUrl url = PostgresUrl.parse(jdbcUrl);
        Connection c = connect(url, credentials);
        try {
            PostgresSchema.initialise(c, url.schema());
            return new PostgresIndex(url, c, PostgresSchema.tableColumns(c));
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e instanceof IndexException ie ? ie : e instanceof SQLException sql
                    ? failure(url, "open", sql) : new IndexException("cannot open index " + url.display() + ": " + e, e);
        }
    }

    /**
     * Opens an existing index for reading: nothing is created or migrated, and the session is
     * read-only, so writes fail. No table at the URL is an {@link IndexException} saying so.
     */
    public static PostgresIndex openReadOnly(String jdbcUrl, IndexCredentials credentials) {
        PostgresUrl url = PostgresUrl.parse(jdbcUrl);
        Connection c = connect(url, credentials);
        try {
            c.setReadOnly(true);
            List<String> columns = PostgresSchema.tableColumns(c);
            if (columns.isEmpty()) {
                throw new IndexException("no index at " + url.display() + ": there is no " + IndexSchema.TABLE
                        + " table in schema " + (url.schema() == null ? "public" : url.schema())
                        + "; build it first with iafbt:index -Diafbt.index=" + url.display());
            }
            SchemaInitializer.requireColumns(columns, url.display());
            return new PostgresIndex(url, c, columns);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e instanceof IndexException ie ? ie : e instanceof SQLException sql
                    ? failure(url, "open", sql) : new IndexException("cannot open index " + url.display() + ": " + e, e);
        }
    }

    /**
     * Keeps track of the session's staging table: created in a transaction, it exists afterwards
     * only when that transaction committed. Notes that rows were written, for {@link #close}.
     */
    @Override
    public int upsertAll(Iterable<IndexRow> rows) {
        try {
            int written = super.upsertAll(rows);
            copyUpsert.committed();
            wrote |= written > 0;
            return written;
        } catch (RuntimeException e) {
            copyUpsert.rolledBack();
            throw e;
        }
    }

    /**
     * One row per bundle_path, the last one given, in the place it was given last: what SQLite's
     * {@code INSERT OR REPLACE} leaves of the same batch, and all that {@code ON CONFLICT} accepts
     * (it cannot touch a row twice in one statement). Large batches are copied, small ones bound.
     */
    @Override
    void writeRows(List<IndexRow> rows) throws SQLException {
        List<IndexRow> distinct = lastOfEachPath(rows);
        if (distinct.size() >= COPY_MIN_ROWS && copyUpsert.available()) {
            copyUpsert.write(distinct);
        } else {
            super.writeRows(distinct);
        }
    }

    private static List<IndexRow> lastOfEachPath(List<IndexRow> rows) {
        Map<String, IndexRow> byPath = new LinkedHashMap<>(rows.size() * 2);
        for (IndexRow row : rows) {
            byPath.remove(row.bundlePath()); // a later duplicate takes the later place
            byPath.put(row.bundlePath(), row);
        }
        return byPath.size() == rows.size() ? rows : new ArrayList<>(byPath.values());
    }

    /** The JDBC URL without any password. */
    @Override
    public String location() {
        return url.display();
    }

    /**
     * The columns leading a btree index of the table: the ranked summary columns that
     * {@link PostgresSchema} indexes once a writer has closed, and the key columns. Read once per
     * open index.
     */
    @Override
    public Set<String> orderedColumns() {
        if (orderedColumns == null) {
            try {
                orderedColumns = PostgresSchema.indexedColumns(connection);
            } catch (SQLException e) {
                throw failure("read the indexes of", e);
            }
        }
        return orderedColumns;
    }

    /** The schema version kept in place of SQLite's {@code user_version}. */
    public int userVersion() {
        try {
            return PostgresSchema.userVersion(connection);
        } catch (SQLException e) {
            throw failure("read the schema version of", e);
        }
    }

    @Override
    IndexException failure(String action, SQLException e) {
        return failure(url, action, e);
    }

    /**
     * A batch failure's own message repeats the whole statement with every value; the server's
     * error is the next exception in the chain, and that is what the message shows.
     */
    private static IndexException failure(PostgresUrl url, String action, SQLException e) {
        SQLException cause = e.getNextException() != null ? e.getNextException() : e;
        return new IndexException("cannot " + action + " index " + url.display() + ": " + cause.getMessage(), e);
    }

    /**
     * A read-only transaction, rolled back afterwards: nothing a query does can stay. JIT
     * compilation is off in it (PostgreSQL 11+): the index's queries are plain scans, and on a
     * server built with LLVM each large one spent 150–330 ms compiling (EXPLAIN ANALYZE, one
     * million rows) — a third of what a weighted rank costs in all.
     */
    @Override
    void beginReadOnly() throws SQLException {
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute(readOnlySetup);
        }
    }

    @Override
    void endReadOnly() throws SQLException {
        connection.rollback();
        connection.setAutoCommit(true);
    }

    /**
     * The driver streams a result in {@code fetchSize} pieces only inside a transaction; outside
     * one it reads every row into memory first.
     */
    @Override
    void beginStream() throws SQLException {
        connection.setAutoCommit(false);
    }

    @Override
    void endStream() throws SQLException {
        connection.rollback();
        connection.setAutoCommit(true);
    }

    /** Deadlock (40P01) or serialization failure (40001) between concurrent writers. */
    @Override
    boolean retryable(SQLException e) {
        String state = e.getSQLState();
        if (state == null && e.getNextException() != null) {
            state = e.getNextException().getSQLState();
        }
        return "40P01".equals(state) || "40001".equals(state);
    }

    private boolean holdsAtLeast(int rows) {
        try {
            return PostgresSchema.holdsAtLeast(connection, rows);
        } catch (SQLException e) {
            throw failure("count the rows of", e);
        }
    }

    /**
     * Builds the indexes of the ranked summary columns that the table lacks now, as a writer does
     * when it closes (see {@link PostgresSchema#createRankedIndexes}); nothing when all are there.
     * For a table whose rows were kept from before the indexes existed, and nothing writes.
     */
    public void indexRankedColumns() {
        try {
            Set<String> present = PostgresSchema.indexedColumns(connection);
            if (!PostgresSchema.hasRankedIndexes(present)) {
                PostgresSchema.createRankedIndexes(connection, present);
                orderedColumns = null; // read again on next use
            }
        } catch (SQLException e) {
            throw failure("index the ranked columns of", e);
        }
    }

    /**
     * Closes the connection; a writer first builds the ranked columns' indexes that the table
     * lacks once it holds {@value #RANKED_INDEX_MIN_ROWS} rows or more (see
     * {@link PostgresSchema#createRankedIndexes}): after its rows, so the load that crosses the
     * threshold pays one sorted build instead of 21 index entries per row. A role without the right to create
     * an index leaves them to another writer; ranking is as exact without them, only slower.
     */
    @Override
    public void close() {
        if (wrote) {
            try {
                if (holdsAtLeast(RANKED_INDEX_MIN_ROWS)) {
                    indexRankedColumns();
                }
            } catch (IndexException e) {
                if (!(e.getCause() instanceof SQLException sql && INSUFFICIENT_PRIVILEGE.equals(sql.getSQLState()))) {
                    closeQuietly(connection);
                    throw e;
                }
            }
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }

    private static Connection connect(PostgresUrl url, IndexCredentials credentials) {
        IndexCredentials who = (credentials == null ? IndexCredentials.NONE : credentials).orEnvironment();
        Properties props = new Properties();
        if (who.user() != null) {
            props.setProperty("user", who.user());
        }
        if (who.password() != null) {
            props.setProperty("password", who.password());
        }
        props.setProperty("reWriteBatchedInserts", "true");
        props.setProperty("ApplicationName", "iafbt");
        try {
            return DriverManager.getConnection(url.url(), props);
        } catch (SQLException e) {
            // the driver's message names the cause (refused, authentication failed, no database),
            // never the password; say where it tried, and nothing more
            throw new IndexException("cannot connect to the PostgreSQL index (" + url.who(who.user()) + "): "
                    + e.getMessage() + ". Check the server, and the credentials (the <server> named by iafbt.serverId"
                    + " in settings.xml, PGPASSWORD or ~/.pgpass)", e);
        }
    }
}
