package dev.iafbt.rank;

import dev.iafbt.index.BacktestIndex;
import dev.iafbt.index.IndexSchema;
import dev.iafbt.index.SqlDialect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A read query over the Tier-1 index: the reference's {@code list_index} and single-metric
 * {@code rank_index}. Sort by any column (bare metric names get the
 * {@code summary_} prefix), NULLs last in either direction, optional limit, column projection and
 * an optional raw SQL filter.
 *
 * <p>Stricter than the reference, on purpose: unknown sort, filter and projection columns are
 * errors listing the valid names (the reference sorts by a constant or prints empty cells); the
 * filter is validated token by token ({@link FilterValidator}) and then runs with
 * {@code PRAGMA query_only=ON} as a second guard; a negative limit is refused (SQLite would read
 * it as "no limit"); and ties are broken by insertion order so results are deterministic.
 * Projection names also accept bare metric names. Values are returned as SQLite stores them:
 * Long, Double (±inf included), String or null; the {@code *_json} columns as JSON text.
 */
public final class IndexQuery {
    /** The reference's {@code DEFAULT_LIST_COLUMNS}. */
    public static final List<String> DEFAULT_LIST_COLUMNS = List.of("algorithm_id", "tag",
            "summary_sharpe_ratio", "summary_total_net_gain_percentage", "summary_max_drawdown",
            "summary_number_of_trades", "bundle_path");
    /** The reference's {@code DEFAULT_RANK_COLUMNS}. */
    public static final List<String> DEFAULT_RANK_COLUMNS = List.of("algorithm_id", "tag",
            "summary_sharpe_ratio", "summary_sortino_ratio", "summary_calmar_ratio",
            "summary_total_net_gain_percentage", "summary_max_drawdown", "bundle_path");

    private final String sortBy;
    private final boolean ascending;
    private final Integer limit;
    private final List<String> columns;
    private final boolean allColumns;
    private final String where;
    private final List<Object> parameters;

    private IndexQuery(Builder b) {
        sortBy = b.sortBy;
        ascending = b.ascending;
        limit = b.limit;
        columns = List.copyOf(b.columns);
        allColumns = b.allColumns;
        where = b.where;
        parameters = Collections.unmodifiableList(new ArrayList<>(b.parameters));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.sortBy = sortBy;
        b.ascending = ascending;
        b.limit = limit;
        b.columns.addAll(columns);
        b.allColumns = allColumns;
        b.where = where;
        b.parameters.addAll(parameters);
        return b;
    }

    /** The sort column as given, or null for insertion order. */
    public String sortBy() {
        return sortBy;
    }

    public boolean ascending() {
        return ascending;
    }

    /** The row limit, or null for all rows. */
    public Integer limit() {
        return limit;
    }

    /** The projection as given; empty means {@link #DEFAULT_LIST_COLUMNS} (or every column). */
    public List<String> columns() {
        return columns;
    }

    public String where() {
        return where;
    }

    /** Runs the query; each row maps projected column name to value, in projection order. */
    public List<LinkedHashMap<String, Object>> run(BacktestIndex index) {
        Compiled compiled = compile(index.columns(), index.dialect());
        return index.selectReadOnly(compiled.sql(), parameters);
    }

    /**
     * The table columns each result row holds, in order, as {@link #run} would project them; for
     * writing a header when the result is empty. Unknown names are refused as in {@link #run}.
     */
    public List<String> projection(BacktestIndex index) {
        return projection(index.columns());
    }

    /** The projected table columns, resolved against the table. */
    List<String> projection(List<String> tableColumns) {
        if (allColumns) {
            return tableColumns;
        }
        ColumnResolver resolver = new ColumnResolver(tableColumns);
        List<String> requested = columns.isEmpty() ? DEFAULT_LIST_COLUMNS : columns;
        LinkedHashSet<String> resolved = new LinkedHashSet<>();
        for (String name : requested) {
            resolved.add(resolver.resolve(name.strip(), "projection"));
        }
        return List.copyOf(resolved);
    }

    record Compiled(String sql, List<String> projection) {
    }

    Compiled compile(List<String> tableColumns, SqlDialect dialect) {
        ColumnResolver resolver = new ColumnResolver(tableColumns);
        List<String> projection = projection(tableColumns);
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(projection.stream().map(IndexSchema::quote).collect(Collectors.joining(", ")))
                .append(" FROM ").append(IndexSchema.QUOTED_TABLE);
        String condition = condition(resolver, dialect);
        if (condition != null) {
            sql.append(" WHERE (").append(condition).append(')');
        }
        sql.append(" ORDER BY ");
        if (sortBy != null) {
            String quoted = IndexSchema.quote(resolver.resolve(sortBy.strip(), "sort"));
            // NULLs last in either direction, as the reference
            sql.append(dialect.orderNullsLast(quoted, ascending)).append(", ");
        }
        sql.append(dialect.rowOrder());
        if (limit != null) {
            sql.append(" LIMIT ").append(limit);
        }
        return new Compiled(sql.toString(), projection);
    }

    /**
     * The validated filter as SQL (to be wrapped in parentheses), or null when there is none; its
     * {@code ?} placeholders bind {@link #parameters()} in order.
     */
    String condition(ColumnResolver resolver, SqlDialect dialect) {
        if (where != null) {
            FilterValidator.ValidatedFilter filter = FilterValidator.validate(where, resolver, dialect);
            if (filter.parameterCount() != parameters.size()) {
                throw new QueryException("filter \"" + where + "\" has " + filter.parameterCount()
                        + " '?' placeholder(s) but " + parameters.size() + " parameter(s) were given");
            }
            return filter.sql();
        }
        if (!parameters.isEmpty()) {
            throw new QueryException(parameters.size() + " parameter(s) given without a filter that uses them");
        }
        return null;
    }

    /** The values bound to the filter's {@code ?} placeholders. */
    List<Object> parameters() {
        return parameters;
    }

    /** Mutable builder. */
    public static final class Builder {
        private String sortBy;
        private boolean ascending;
        private Integer limit;
        private final List<String> columns = new ArrayList<>();
        private boolean allColumns;
        private String where;
        private final List<Object> parameters = new ArrayList<>();

        private Builder() {
        }

        /** Sort column or metric ({@code sharpe_ratio} or {@code summary_sharpe_ratio}); null for none. */
        public Builder sortBy(String column) {
            sortBy = column;
            return this;
        }

        /** Ascending instead of the default descending order. */
        public Builder ascending(boolean value) {
            ascending = value;
            return this;
        }

        /** At most {@code n} rows (n ≥ 0); null for all. */
        public Builder limit(Integer n) {
            if (n != null && n < 0) {
                throw new QueryException("limit must be 0 or more, got " + n
                        + "; leave it unset to return every row");
            }
            limit = n;
            return this;
        }

        /** The projection; empty restores the default. */
        public Builder columns(List<String> names) {
            columns.clear();
            columns.addAll(names);
            allColumns = false;
            return this;
        }

        public Builder columns(String... names) {
            return columns(List.of(names));
        }

        /** Projects every column of the table, in physical order. */
        public Builder allColumns() {
            columns.clear();
            allColumns = true;
            return this;
        }

        /**
         * A SQL condition without the {@code WHERE} keyword, e.g.
         * {@code summary_number_of_trades > 50 AND tag = ?}; {@code ?} placeholders bind
         * {@code params} in order. Null for no filter.
         */
        public Builder where(String condition, Object... params) {
            where = condition == null || condition.isBlank() ? null : condition;
            parameters.clear();
            parameters.addAll(Arrays.asList(params));
            return this;
        }

        public IndexQuery build() {
            return new IndexQuery(this);
        }
    }
}
