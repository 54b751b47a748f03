package dev.iafbt.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The reference's table on PostgreSQL: the same table, column names and order, types mapped
 * ({@code TEXT} with byte-order collation so text sorts and compares as in SQLite,
 * {@code REAL} → {@code DOUBLE PRECISION}, {@code INTEGER} → {@code BIGINT}), the JSON columns as
 * text (byte-identical to what SQLite returns), the same two secondary indexes, additive
 * migration, plus the {@link PostgresDialect#ORDER_COLUMN} that stands in for SQLite's rowid.
 * SQLite's {@code user_version} is kept in a one-row table, {@value #VERSION_TABLE}.
 *
 * <p>Many machines may open a new schema at the same moment; the whole initialisation runs in one
 * transaction under an advisory lock, so exactly one of them creates the table.
 */
final class PostgresSchema {
    static final String VERSION_TABLE = "backtest_index_user_version";
    /** An arbitrary constant naming the advisory lock the initialisation takes. */
    private static final long INIT_LOCK = 0x1afb7_1dL;

    private PostgresSchema() {
    }

    static String columnType(IndexColumn column) {
        return switch (column.sqlType()) {
            case "TEXT PRIMARY KEY" -> "TEXT COLLATE \"C\" PRIMARY KEY";
            case "TEXT" -> "TEXT COLLATE \"C\"";
            case "REAL" -> "DOUBLE PRECISION";
            case "INTEGER" -> "BIGINT";
            default -> throw new IllegalStateException("no PostgreSQL type for " + column);
        };
    }

    private static String definition(IndexColumn column) {
        return IndexSchema.quote(column.name()) + " " + columnType(column);
    }

    static String createTableSql() {
        return "CREATE TABLE IF NOT EXISTS " + IndexSchema.QUOTED_TABLE + " ("
                + IndexSchema.columns().stream().map(PostgresSchema::definition).collect(Collectors.joining(", "))
                + ", " + IndexSchema.quote(PostgresDialect.ORDER_COLUMN) + " BIGINT NOT NULL DEFAULT nextval('"
                + PostgresDialect.ORDER_SEQUENCE + "'))";
    }

    /** Creates or migrates the table in the connection's current schema (created when named). */
    static void initialise(Connection connection, String schema) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute("SELECT pg_advisory_xact_lock(" + INIT_LOCK + ")");
            if (schema != null && !schema.isBlank()) {
                st.execute("CREATE SCHEMA IF NOT EXISTS " + IndexSchema.quote(schema));
            }
            List<String> existing = tableColumns(connection);
            if (!existing.isEmpty()) {
                SchemaInitializer.requireColumns(existing, IndexSchema.TABLE + " in " + schemaName(schema));
            }
            st.execute("CREATE SEQUENCE IF NOT EXISTS " + PostgresDialect.ORDER_SEQUENCE);
            st.execute(createTableSql());
            for (IndexColumn column : IndexSchema.columns()) {
                if (!existing.isEmpty() && !existing.contains(column.name())) {
                    st.execute("ALTER TABLE " + IndexSchema.QUOTED_TABLE + " ADD COLUMN " + definition(column));
                }
            }
            if (!existing.isEmpty() && !existing.contains(PostgresDialect.ORDER_COLUMN)) {
                st.execute("ALTER TABLE " + IndexSchema.QUOTED_TABLE + " ADD COLUMN "
                        + IndexSchema.quote(PostgresDialect.ORDER_COLUMN) + " BIGINT NOT NULL DEFAULT nextval('"
                        + PostgresDialect.ORDER_SEQUENCE + "')");
            }
            for (String sql : IndexSchema.createIndexSqls()) {
                st.execute(sql);
            }
            st.execute("CREATE UNIQUE INDEX IF NOT EXISTS idx_backtest_index_iafbt_order ON "
                    + IndexSchema.QUOTED_TABLE + "(" + IndexSchema.quote(PostgresDialect.ORDER_COLUMN) + ")");
            st.execute("CREATE TABLE IF NOT EXISTS " + VERSION_TABLE + " (user_version INTEGER NOT NULL)");
            int version = userVersion(connection);
            if (version < 0) {
                st.execute("INSERT INTO " + VERSION_TABLE + " (user_version) VALUES (" + IndexSchema.SCHEMA_VERSION + ")");
            } else if (version < IndexSchema.SCHEMA_VERSION) {
                st.execute("UPDATE " + VERSION_TABLE + " SET user_version = " + IndexSchema.SCHEMA_VERSION);
            } // a newer version is kept, as the SQLite index keeps a newer user_version
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The stored schema version; -1 when there is none yet. */
    static int userVersion(Connection connection) throws SQLException {
        if (!tableExists(connection, VERSION_TABLE)) {
            return -1;
        }
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT user_version FROM " + VERSION_TABLE)) {
            return rs.next() ? rs.getInt(1) : -1;
        }
    }

    /** The table's columns in physical order, the order column included; empty when there is no table. */
    static List<String> tableColumns(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
            ps.setString(1, IndexSchema.TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM information_schema.tables"
                + " WHERE table_schema = current_schema() AND table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String schemaName(String schema) {
        return "schema " + (schema == null ? "public" : schema);
    }
}
