package dev.iafbt.index;

import java.util.Optional;

/**
 * Every way the SQL of the Tier-1 index differs between SQLite and PostgreSQL, in one place: the
 * callers (the index itself, {@code IndexQuery}, the weighted ranker, the filter grammar) write
 * one query and ask the dialect only for the pieces that differ. Both dialects store NaN as NULL
 * and ±inf as a number (SQLite cannot store NaN, and the PostgreSQL index keeps what the SQLite
 * index keeps so that rankings are identical), text compares by code point, and NULLs sort last.
 */
public interface SqlDialect {
    /** The file format the reference writes and reads. */
    SqlDialect SQLITE = new SqliteDialect();
    /** A shared server; see {@link PostgresIndex}. */
    SqlDialect POSTGRES = new PostgresDialect();

    /** A short name for messages: {@code SQLite} or {@code PostgreSQL}. */
    String name();

    /**
     * The expression that orders rows by insertion, as SQLite's {@code rowid}: a replaced row
     * moves to the end (the reference upserts with {@code INSERT OR REPLACE}), so ties in a
     * ranking fall the same way on both backends.
     */
    String rowOrder();

    /** Double-quotes an identifier, doubling embedded quotes (the same in both dialects). */
    default String quote(String identifier) {
        return IndexSchema.quote(identifier);
    }

    /** A literal for +inf that compares with a double column. */
    String positiveInfinity();

    /** A literal for -inf that compares with a double column. */
    String negativeInfinity();

    /** {@code ORDER BY} terms for a column with NULLs last in either direction, as the reference. */
    default String orderNullsLast(String quotedColumn, boolean ascending) {
        return quotedColumn + " IS NULL, " + quotedColumn + (ascending ? " ASC" : " DESC");
    }

    /** The statement that inserts a row or replaces the row with the same {@code bundle_path}. */
    String upsertSql();

    /**
     * The name this dialect calls a filter function by, given its name in the filter grammar (the
     * SQLite one); empty when it has no equivalent with the same results.
     */
    Optional<String> filterFunction(String name);

    /** The same for a filter keyword (upper case); empty when it has no faithful equivalent. */
    Optional<String> filterKeyword(String keyword);

    /** The same for an operator; empty when it has none. */
    Optional<String> filterOperator(String operator);

    /** A numeric literal of the filter grammar as this dialect reads it. */
    String filterNumber(String literal);

    /**
     * A query with one parameter, a table name, that returns a row when that table exists where
     * the index table is (the side tables iafbt adds are created only when first written).
     */
    String tableExistsSql();
}
