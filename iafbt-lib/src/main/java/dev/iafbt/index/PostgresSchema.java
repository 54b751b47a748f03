package dev.iafbt.index;

import dev.iafbt.model.SummaryField;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The reference's table on PostgreSQL: the same table, column names and order, types mapped
 * ({@code TEXT} with byte-order collation so text sorts and compares as in SQLite,
 * {@code REAL} → {@code DOUBLE PRECISION}, {@code INTEGER} → {@code BIGINT}), the JSON columns as
 * text (byte-identical to what SQLite returns), the same two secondary indexes, additive
 * migration, plus the {@link PostgresDialect#ORDER_COLUMN} that stands in for SQLite's rowid.
 * SQLite's {@code user_version} is kept in a one-row table, {@value #VERSION_TABLE}.
 *
 * <p>Unlike the reference's file, the table also gets one btree index per {@link #RANKED_FIELDS
 * ranked column}: a weighted rank normalises each weighted column by its lowest and highest value,
 * and PostgreSQL reads those from an index's two ends in microseconds where the SQLite file (whose
 * schema stays the reference's) scans every row. The rows, and every answer, stay the same. They
 * are built after rows were written ({@link #createRankedIndexes}), not with the table: kept up to
 * date row by row, 21 indexes made a cold index of 12,500 rows pay 4–6× the server time of its
 * inserts; built once after them, about 1–2×.
 *
 * <p>Many machines may open a new schema at the same moment; the whole initialisation runs in one
 * transaction under an advisory lock, so exactly one of them creates the table.
 */
final class PostgresSchema {
    static final String VERSION_TABLE = "backtest_index_user_version";
    /** The unique index on {@link PostgresDialect#ORDER_COLUMN}. */
    private static final String ORDER_INDEX = "idx_backtest_index_iafbt_order";
    /**
     * The summary columns an {@code EvaluationFocus} preset weights (the union of the four presets;
     * {@code PostgresRankIndexesTest} holds the two lists together): each gets an index, so the
     * min/max pass of a weighted rank without a filter reads index ends instead of a million rows.
     * Each costs every later writer one index entry per row, so columns no preset weights get none.
     */
    static final List<SummaryField> RANKED_FIELDS = List.of(SummaryField.TOTAL_NET_GAIN,
            SummaryField.TOTAL_NET_GAIN_PERCENTAGE, SummaryField.CAGR, SummaryField.AVERAGE_TRADE_RETURN_PERCENTAGE,
            SummaryField.AVERAGE_TRADE_GAIN_PERCENTAGE, SummaryField.AVERAGE_TRADE_LOSS_PERCENTAGE,
            SummaryField.AVERAGE_TRADE_DURATION, SummaryField.SHARPE_RATIO, SummaryField.SORTINO_RATIO,
            SummaryField.CALMAR_RATIO, SummaryField.PROFIT_FACTOR, SummaryField.MAX_DRAWDOWN,
            SummaryField.MAX_DRAWDOWN_DURATION, SummaryField.ANNUAL_VOLATILITY, SummaryField.WIN_RATE,
            SummaryField.WIN_LOSS_RATIO, SummaryField.NUMBER_OF_TRADES, SummaryField.EXPOSURE_RATIO,
            SummaryField.TRADES_PER_YEAR, SummaryField.CONSISTENCY_SCORE, SummaryField.STABILITY_SCORE);
    /** An arbitrary constant naming the advisory lock the initialisation takes. */
    private static final long INIT_LOCK = 0x1afb7_1dL;

    private PostgresSchema() {
    }

    static String columnType(IndexColumn column) {
        return valueType(column) + (column.sqlType().endsWith(" PRIMARY KEY") ? " PRIMARY KEY" : "");
    }

    /** The column's PostgreSQL type without its constraint, as a staging table declares it. */
    static String valueType(IndexColumn column) {
        return switch (column.sqlType()) {
            case "TEXT PRIMARY KEY", "TEXT" -> "TEXT COLLATE \"C\"";
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

    /**
     * Creates or migrates the table in the connection's current schema (created when named).
     * An index that is already complete is left alone without taking the lock or issuing any DDL:
     * three catalog reads instead of a dozen statements, which an incremental run on a table
     * that many writers share would otherwise pay (and queue for) on every open.
     */
    static void initialise(Connection connection, String schema) throws SQLException {
        if (isComplete(connection)) {
            return;
        }
        underInitLock(connection, st -> {
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
            st.execute("CREATE UNIQUE INDEX IF NOT EXISTS " + ORDER_INDEX + " ON "
                    + IndexSchema.QUOTED_TABLE + "(" + IndexSchema.quote(PostgresDialect.ORDER_COLUMN) + ")");
            st.execute("CREATE TABLE IF NOT EXISTS " + VERSION_TABLE + " (user_version INTEGER NOT NULL)");
            int version = userVersion(connection);
            if (version < 0) {
                st.execute("INSERT INTO " + VERSION_TABLE + " (user_version) VALUES (" + IndexSchema.SCHEMA_VERSION + ")");
            } else if (version < IndexSchema.SCHEMA_VERSION) {
                st.execute("UPDATE " + VERSION_TABLE + " SET user_version = " + IndexSchema.SCHEMA_VERSION);
            } // a newer version is kept, as the SQLite index keeps a newer user_version
        });
    }

    /**
     * Builds the {@link #RANKED_FIELDS ranked columns'} indexes that are missing, in one
     * transaction under the initialisation lock, so that writers closing at the same moment build
     * each once. Called when a writer is done: a sorted build after a bulk load costs a fraction of
     * keeping 21 indexes up to date row by row. On a table of a million rows it takes about 25 s,
     * once.
     *
     * @param present the columns that already lead an index ({@link #indexedColumns})
     */
    static void createRankedIndexes(Connection connection, Set<String> present) throws SQLException {
        underInitLock(connection, st -> {
            for (SummaryField field : RANKED_FIELDS) {
                if (!present.contains(field.column())) {
                    st.execute("CREATE INDEX IF NOT EXISTS " + rankedIndexName(field) + " ON "
                            + IndexSchema.QUOTED_TABLE + "(" + IndexSchema.quote(field.column()) + ")");
                }
            }
        });
    }

    /** Schema work given the statement that {@link #underInitLock} opened. */
    @FunctionalInterface
    private interface LockedWork {
        void run(Statement st) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction holding the advisory lock that every writer's schema
     * work takes, so machines starting or closing at once do it one after another; a failure
     * rolls all of it back.
     */
    private static void underInitLock(Connection connection, LockedWork work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute("SELECT pg_advisory_xact_lock(" + INIT_LOCK + ")");
            work.run(st);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * True when the table holds at least {@code rows} rows: stops reading at that many, so asking
     * of a million-row table costs no more than asking of one with {@code rows}.
     */
    static boolean holdsAtLeast(Connection connection, int rows) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM " + IndexSchema.QUOTED_TABLE + " OFFSET " + (rows - 1) + " LIMIT 1")) {
            return rs.next();
        }
    }

    /** True when every {@link #RANKED_FIELDS ranked column} leads an index. */
    static boolean hasRankedIndexes(Set<String> indexedColumns) {
        return RANKED_FIELDS.stream().allMatch(field -> indexedColumns.contains(field.column()));
    }

    /** {@code idx_backtest_index_summary_…}: at most 58 characters, within PostgreSQL's 63. */
    static String rankedIndexName(SummaryField field) {
        return "idx_" + IndexSchema.TABLE + "_" + field.column();
    }

    /**
     * The columns that lead a valid, complete btree index of the table, whatever created it:
     * their lowest and highest values are read from the index's ends. Read from the catalog, so a
     * table that a read-only open did not migrate (or whose indexes someone dropped) is ranked by
     * a scan as before, never by a probe per column that would itself scan.
     */
    static Set<String> indexedColumns(Connection connection) throws SQLException {
        return Set.copyOf(namesOfTable(connection, "SELECT a.attname FROM pg_catalog.pg_index i"
                + " JOIN pg_catalog.pg_class c ON c.oid = i.indrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid"
                + " JOIN pg_catalog.pg_am am ON am.oid = ic.relam"
                + " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]"
                + " WHERE n.nspname = current_schema() AND c.relname = ? AND am.amname = 'btree'"
                + " AND i.indisvalid AND i.indpred IS NULL AND i.indexprs IS NULL"));
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

    /** Every column, index, the sequence and the version table present, and the version current. */
    private static boolean isComplete(Connection connection) throws SQLException {
        List<String> columns = tableColumns(connection);
        if (!columns.containsAll(IndexSchema.columnNames()) || !columns.contains(PostgresDialect.ORDER_COLUMN)) {
            return false;
        }
        List<String> relations = new ArrayList<>(IndexSchema.INDEX_NAMES);
        relations.addAll(List.of(ORDER_INDEX, PostgresDialect.ORDER_SEQUENCE, VERSION_TABLE));
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM pg_catalog.pg_class c"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = current_schema() AND c.relname = ANY (?)")) {
            ps.setArray(1, connection.createArrayOf("text", relations.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getInt(1) != relations.size()) {
                    return false;
                }
            }
        }
        return userVersion(connection) >= IndexSchema.SCHEMA_VERSION;
    }

    /**
     * The table's columns in physical order, the order column included; empty when there is no
     * table. Read from {@code pg_catalog}: the same query on {@code information_schema} took
     * 12–48 ms, a tenth of an incremental run.
     */
    static List<String> tableColumns(Connection connection) throws SQLException {
        return namesOfTable(connection, "SELECT a.attname FROM pg_catalog.pg_attribute a"
                + " JOIN pg_catalog.pg_class c ON c.oid = a.attrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = current_schema() AND c.relname = ? AND c.relkind IN ('r', 'p')"
                + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum");
    }

    /** The first column of a catalog query whose one parameter is the index table's name, in order. */
    private static List<String> namesOfTable(Connection connection, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
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
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM pg_catalog.pg_class c"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = current_schema() AND c.relname = ? AND c.relkind IN ('r', 'p')")) {
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
