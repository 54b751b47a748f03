package dev.iafbt.index;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A large batch upserted the fast way: its rows are streamed with {@code COPY … FROM STDIN} into a
 * session-private staging table, and one {@code INSERT … SELECT … ORDER BY} moves them into the
 * index with the batched statement's own {@code ON CONFLICT} clause. The batched multi-row
 * {@code VALUES} statement spends most of its time binding and parsing 68 parameters per row;
 * binary COPY ({@link PostgresCopyBinary}) sends each value as the server keeps it. The result is the same: the rows are taken in batch order, so a new row
 * and a replaced row each draw their order number in that order, as {@code INSERT OR REPLACE}
 * gives rowids.
 *
 * <p>The staging table is a temporary table ({@code ON COMMIT DELETE ROWS}), so concurrent writers
 * never see each other's rows and a rolled-back attempt leaves none behind. It is created in the
 * first transaction that needs it and kept for the session; a rolled-back creation is redone.
 * A role without the database's TEMPORARY privilege (granted to PUBLIC unless a DBA revoked it)
 * cannot create one: {@link #available()} says so, and its batches are bound instead.
 */
final class PostgresCopyUpsert {
    private static final String STAGING = "pg_temp.iafbt_upsert_staging";
    /** The row's position in its batch: the order the rows are moved in. */
    private static final String POSITION = "iafbt_position";

    static final String CREATE_STAGING_SQL = "CREATE TEMP TABLE IF NOT EXISTS " + STAGING + " ("
            + IndexSchema.columns().stream().map(c -> IndexSchema.quote(c.name()) + " " + PostgresSchema.valueType(c))
                    .collect(Collectors.joining(", "))
            + ", " + POSITION + " INTEGER NOT NULL) ON COMMIT DELETE ROWS";
    static final String COPY_SQL = "COPY " + STAGING + " FROM STDIN (FORMAT binary)";
    static final String MOVE_SQL = "INSERT INTO " + IndexSchema.QUOTED_TABLE + " (" + IndexUpsert.COLUMN_LIST
            + ") SELECT " + IndexUpsert.COLUMN_LIST + " FROM " + STAGING + " ORDER BY " + POSITION
            + PostgresDialect.REPLACE_ON_CONFLICT;

    private final Connection connection;
    /** Whether a committed transaction of this session created the staging table. */
    private boolean stagingCommitted;
    private boolean stagingCreatedInTransaction;
    /** Whether the role may create temporary tables; asked once, on first use. */
    private Boolean mayCreateTemporaryTables;

    PostgresCopyUpsert(Connection connection) {
        this.connection = connection;
    }

    /** False when the session may not create the staging table (no TEMPORARY privilege). */
    boolean available() throws SQLException {
        if (mayCreateTemporaryTables == null) {
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT has_database_privilege(current_database(), 'TEMPORARY')")) {
                mayCreateTemporaryTables = rs.next() && rs.getBoolean(1);
            }
        }
        return mayCreateTemporaryTables;
    }

    /**
     * Upserts {@code rows}, whose bundle paths are distinct ({@code ON CONFLICT} cannot touch a row
     * twice in one statement), inside the caller's transaction.
     */
    void write(List<IndexRow> rows) throws SQLException {
        byte[] data = PostgresCopyBinary.encode(rows);
        try (Statement st = connection.createStatement()) {
            if (!stagingCommitted) {
                st.execute(CREATE_STAGING_SQL);
                stagingCreatedInTransaction = true;
            }
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_SQL);
            try {
                copy.writeToCopy(data, 0, data.length);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            st.executeUpdate(MOVE_SQL);
        }
    }

    /** The caller's transaction committed: the staging table, if this created it, now stays. */
    void committed() {
        stagingCommitted |= stagingCreatedInTransaction;
        stagingCreatedInTransaction = false;
    }

    /** The caller's transaction rolled back: a staging table created in it is gone. */
    void rolledBack() {
        stagingCreatedInTransaction = false;
    }
}
