package dev.iafbt.index;

import dev.iafbt.model.SummaryField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The reference's Tier-1 schema, exactly: one table
 * {@code "backtest_index"} with 13 identity columns followed by the 55 {@code summary_*} columns
 * in dataclass declaration order, two secondary indexes, WAL journal and {@code user_version} 2.
 * Sharing one index file with the Python tool depends on every name, type and the DDL text
 * matching, so this class is the single place they are spelled.
 */
public final class IndexSchema {
    public static final String TABLE = "backtest_index";
    public static final String QUOTED_TABLE = "\"" + TABLE + "\"";
    /** {@code SCHEMA_VERSION} of the reference; v1 lacked the two provenance columns. */
    public static final int SCHEMA_VERSION = 2;

    public static final String BUNDLE_PATH = "bundle_path";
    public static final String ALGORITHM_ID = "algorithm_id";
    public static final String TAG = "tag";
    public static final String FRAMEWORK_VERSION = "framework_version";
    public static final String ENGINE_TYPE = "engine_type";
    public static final String RISK_FREE_RATE = "risk_free_rate";
    public static final String NUMBER_OF_RUNS = "number_of_runs";
    public static final String PARAMETERS_JSON = "parameters_json";
    public static final String STRATEGY_IDS_JSON = "strategy_ids_json";
    public static final String EXTRAS_JSON = "extras_json";
    public static final String SUMMARY_EXTRAS_JSON = "summary_extras_json";
    public static final String BUNDLE_MTIME_NS = "bundle_mtime_ns";
    public static final String BUNDLE_SIZE = "bundle_size";

    /**
     * Columns an existing table must already have before additive migration may touch it: the
     * primary key cannot be added by {@code ALTER TABLE}, and the two secondary indexes need
     * {@code algorithm_id} and {@code tag}. A table without them is not a backtest index.
     */
    public static final List<String> REQUIRED_COLUMNS = List.of(BUNDLE_PATH, ALGORITHM_ID, TAG);

    private static final List<IndexColumn> COLUMNS;
    private static final Map<String, IndexColumn> BY_NAME;

    static {
        List<IndexColumn> columns = new ArrayList<>(List.of(
                new IndexColumn(BUNDLE_PATH, "TEXT PRIMARY KEY"),
                new IndexColumn(ALGORITHM_ID, "TEXT"),
                new IndexColumn(TAG, "TEXT"),
                new IndexColumn(FRAMEWORK_VERSION, "TEXT"),
                new IndexColumn(ENGINE_TYPE, "TEXT"),
                new IndexColumn(RISK_FREE_RATE, "REAL"),
                new IndexColumn(NUMBER_OF_RUNS, "INTEGER"),
                new IndexColumn(PARAMETERS_JSON, "TEXT"),
                new IndexColumn(STRATEGY_IDS_JSON, "TEXT"),
                new IndexColumn(EXTRAS_JSON, "TEXT"),
                new IndexColumn(SUMMARY_EXTRAS_JSON, "TEXT"),
                new IndexColumn(BUNDLE_MTIME_NS, "INTEGER"),
                new IndexColumn(BUNDLE_SIZE, "INTEGER")));
        for (SummaryField field : SummaryField.declarationOrder()) {
            columns.add(new IndexColumn(field.column(), field.isInteger() ? "INTEGER" : "REAL"));
        }
        COLUMNS = Collections.unmodifiableList(columns);
        Map<String, IndexColumn> byName = new LinkedHashMap<>();
        columns.forEach(c -> byName.put(c.name(), c));
        BY_NAME = Collections.unmodifiableMap(byName);
    }

    private IndexSchema() {
    }

    /** All 68 columns in physical order. */
    public static List<IndexColumn> columns() {
        return COLUMNS;
    }

    /** The 68 column names in physical order. */
    public static List<String> columnNames() {
        return List.copyOf(BY_NAME.keySet());
    }

    public static boolean isKnownColumn(String name) {
        return BY_NAME.containsKey(name);
    }

    public static IndexColumn column(String name) {
        IndexColumn column = BY_NAME.get(name);
        if (column == null) {
            throw new IllegalArgumentException("not a backtest_index column: " + name);
        }
        return column;
    }

    /** The table DDL as the reference generates it: every column name double-quoted. */
    public static String createTableSql() {
        return "CREATE TABLE IF NOT EXISTS " + QUOTED_TABLE + " ("
                + COLUMNS.stream().map(IndexColumn::definition).collect(Collectors.joining(", "))
                + ")";
    }

    /** The names of the two secondary indexes, in {@link #createIndexSqls()} order. */
    public static final List<String> INDEX_NAMES = List.of("idx_backtest_index_algorithm_id", "idx_backtest_index_tag");

    /**
     * The two secondary indexes; there is deliberately none on a summary column (the PostgreSQL
     * table adds its own for ranking: see {@code PostgresSchema}).
     */
    public static List<String> createIndexSqls() {
        return List.of(
                "CREATE INDEX IF NOT EXISTS " + INDEX_NAMES.get(0) + " ON " + QUOTED_TABLE
                        + "(algorithm_id)",
                "CREATE INDEX IF NOT EXISTS " + INDEX_NAMES.get(1) + " ON " + QUOTED_TABLE + "(tag)");
    }

    /** The additive migration statement for a column the file lacks. */
    public static String addColumnSql(IndexColumn column) {
        return "ALTER TABLE " + QUOTED_TABLE + " ADD COLUMN " + column.definition();
    }

    /** Pragmas issued on every create and open, in the reference's order. */
    public static List<String> connectionPragmas() {
        return List.of("PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL");
    }

    /** Double-quotes an identifier for SQL, doubling embedded quotes. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
