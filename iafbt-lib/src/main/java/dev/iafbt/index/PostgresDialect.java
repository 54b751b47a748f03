package dev.iafbt.index;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * PostgreSQL's SQL for the same index. PostgreSQL has no {@code rowid}, so the table carries one
 * extra column, {@link #ORDER_COLUMN}, drawn from a sequence on every insert <em>and</em> every
 * replace, exactly as SQLite's {@code INSERT OR REPLACE} gives a replaced row a new rowid.
 *
 * <p>The filter grammar stays SQLite's (what users already write for the reference); here it is
 * rendered so that it selects the same rows: {@code LIKE} becomes {@code ILIKE} (SQLite's
 * {@code LIKE} ignores ASCII case), {@code ==} becomes {@code =}, {@code ifnull} and {@code instr}
 * become {@code coalesce} and {@code strpos}, {@code CAST(… AS REAL)} becomes double precision, a
 * hex literal becomes decimal. What has no equivalent with the same results ({@code GLOB},
 * {@code COLLATE NOCASE/BINARY/RTRIM}, {@code CAST(… AS INTEGER)} (SQLite truncates, PostgreSQL
 * rounds), {@code round} (half away from zero against half even), {@code typeof}, scalar
 * {@code min}/{@code max}, {@code json_extract}) is refused by name, never run differently.
 */
final class PostgresDialect implements SqlDialect {
    /** The insertion-order column PostgreSQL needs in place of SQLite's rowid. */
    static final String ORDER_COLUMN = "_iafbt_order";
    /** The sequence {@link #ORDER_COLUMN} is drawn from. */
    static final String ORDER_SEQUENCE = "backtest_index_iafbt_order_seq";
    /**
     * The tail both upserts end with, the batched {@code VALUES} one and {@link PostgresCopyUpsert}'s
     * {@code INSERT … SELECT}: a row whose bundle_path exists replaces every column and draws a new
     * order number.
     */
    static final String REPLACE_ON_CONFLICT = " ON CONFLICT (" + IndexSchema.quote(IndexSchema.BUNDLE_PATH)
            + ") DO UPDATE SET " + IndexSchema.columnNames().stream()
                    .filter(c -> !c.equals(IndexSchema.BUNDLE_PATH))
                    .map(c -> IndexSchema.quote(c) + " = EXCLUDED." + IndexSchema.quote(c))
                    .collect(Collectors.joining(", "))
            + ", " + IndexSchema.quote(ORDER_COLUMN) + " = nextval('" + ORDER_SEQUENCE + "')";

    private static final Map<String, String> FUNCTIONS = Map.of(
            "abs", "abs", "coalesce", "coalesce", "ifnull", "coalesce", "nullif", "nullif",
            "lower", "lower", "upper", "upper", "length", "length", "trim", "trim",
            "substr", "substr", "instr", "strpos");
    private static final Map<String, String> RENAMED_KEYWORDS = Map.of(
            "LIKE", "ILIKE", "REAL", "DOUBLE PRECISION");
    /** INTEGER: SQLite's CAST(1.85 AS INTEGER) truncates to 1, PostgreSQL's rounds to 2. */
    private static final Set<String> REFUSED_KEYWORDS = Set.of(
            "GLOB", "COLLATE", "NOCASE", "BINARY", "RTRIM", "INTEGER");

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public String rowOrder() {
        return quote(ORDER_COLUMN);
    }

    @Override
    public String positiveInfinity() {
        return "'Infinity'::float8";
    }

    @Override
    public String negativeInfinity() {
        return "'-Infinity'::float8";
    }

    /**
     * {@code ON CONFLICT … DO UPDATE} replaces every column and draws a new order number, so a
     * re-indexed bundle behaves as SQLite's {@code INSERT OR REPLACE}: same values, moved last.
     */
    @Override
    public String upsertSql() {
        return IndexUpsert.sql("INSERT INTO", REPLACE_ON_CONFLICT);
    }

    @Override
    public Optional<String> filterFunction(String name) {
        return Optional.ofNullable(FUNCTIONS.get(name));
    }

    @Override
    public Optional<String> filterKeyword(String keyword) {
        if (REFUSED_KEYWORDS.contains(keyword)) {
            return Optional.empty();
        }
        return Optional.of(RENAMED_KEYWORDS.getOrDefault(keyword, keyword));
    }

    @Override
    public Optional<String> filterOperator(String operator) {
        return Optional.of("==".equals(operator) ? "=" : operator);
    }

    /** PostgreSQL before 16 does not read {@code 0x…}; the decimal value is the same number. */
    @Override
    public String filterNumber(String literal) {
        if (literal.startsWith("0x") || literal.startsWith("0X")) {
            return new BigInteger(literal.substring(2), 16).toString();
        }
        return literal;
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public String tableExistsSql() {
        return "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?";
    }
}
