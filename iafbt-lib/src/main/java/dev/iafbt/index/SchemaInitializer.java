package dev.iafbt.index;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a connection's file to the reference schema, as {@code _init_schema} plus
 * {@code _migrate} do: pragmas, table, additive migration, the two
 * indexes, {@code user_version}. Three deliberate differences, each safer than the reference:
 * a table without the required columns is refused with a clear message before anything is
 * changed; missing columns are added <em>before</em> the indexes are created (so a v1 file never
 * fails half-way); and a file stamped with a newer {@code user_version} keeps it instead of being
 * silently downgraded to 2.
 */
final class SchemaInitializer {
    private SchemaInitializer() {
    }

    /** Runs the whole sequence in one transaction (after the pragmas, which cannot be in one). */
    static void initialise(Connection connection, Path file) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String pragma : IndexSchema.connectionPragmas()) {
                st.execute(pragma);
            }
        }
        List<String> existing = tableColumns(connection);
        if (!existing.isEmpty()) {
            requireColumns(existing, file);
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute(IndexSchema.createTableSql());
            for (IndexColumn column : IndexSchema.columns()) {
                if (!existing.isEmpty() && !existing.contains(column.name())) {
                    st.execute(IndexSchema.addColumnSql(column)); // appended at the physical end
                }
            }
            for (String sql : IndexSchema.createIndexSqls()) {
                st.execute(sql);
            }
            if (userVersion(st) < IndexSchema.SCHEMA_VERSION) {
                st.execute("PRAGMA user_version = " + IndexSchema.SCHEMA_VERSION);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            TransactionUndo.undo(connection, autoCommit, e);
            throw e;
        }
        connection.setAutoCommit(autoCommit);
    }

    /** Column names of the table in physical order; empty when the table does not exist. */
    static List<String> tableColumns(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA table_info(" + IndexSchema.QUOTED_TABLE + ")")) {
            while (rs.next()) {
                names.add(rs.getString("name"));
            }
        }
        return names;
    }

    /** Refuses a table without the columns every index has (an empty list: no table at all). */
    static void requireColumns(List<String> existing, Object file) {
        if (existing.isEmpty()) {
            throw new IndexException(file + " has no " + IndexSchema.TABLE + " table, so it is not a"
                    + " backtest index written by iafbt or the Python reference; pass the index file"
                    + " written by the indexer");
        }
        List<String> missing = new ArrayList<>(IndexSchema.REQUIRED_COLUMNS);
        missing.removeAll(existing);
        if (!missing.isEmpty()) {
            throw new IndexException(file + ": table " + IndexSchema.TABLE + " lacks the required"
                    + " column(s) " + missing + ", so it is not a backtest index written by iafbt or"
                    + " the Python reference; delete the file or pass a different index path");
        }
    }

    private static int userVersion(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
