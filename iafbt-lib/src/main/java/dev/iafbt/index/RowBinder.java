package dev.iafbt.index;

import dev.iafbt.model.SummaryField;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Binds an {@link IndexRow} to the upsert statement over the 68 known columns, with the
 * reference's storage rules: NaN as NULL (SQLite cannot store it),
 * ±inf as REAL, integers as INTEGER, empty JSON values as NULL.
 */
final class RowBinder {
    /** One value extractor per column, in column order, resolved once instead of per row. */
    private static final List<Function<IndexRow, Object>> EXTRACTORS = IndexSchema.columns().stream()
            .map(c -> extractor(c.name())).toList();
    private static final List<String> COLUMN_NAMES = IndexSchema.columnNames();
    private static final Map<String, Function<IndexRow, Object>> BY_COLUMN = byColumn();

    private RowBinder() {
    }

    static void bind(PreparedStatement ps, IndexRow row) throws SQLException {
        for (int i = 0; i < EXTRACTORS.size(); i++) {
            bindValue(ps, i + 1, storedValue(row, i));
        }
    }

    /**
     * The value of column {@code column} (physical order, 0-based) as it is stored: null for
     * null and for NaN, which SQLite cannot store; every other value as extracted. Every writer
     * (this binder, and PostgreSQL's COPY) stores what this returns.
     */
    static Object storedValue(IndexRow row, int column) {
        Object value = EXTRACTORS.get(column).apply(row);
        return value instanceof Double d && d.isNaN() ? null : value;
    }

    /** The row's value per column, as bound (NaN still NaN: a reader of the map skips it as SQLite's NULL). */
    static LinkedHashMap<String, Object> columnValues(IndexRow row) {
        LinkedHashMap<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < EXTRACTORS.size(); i++) {
            values.put(COLUMN_NAMES.get(i), EXTRACTORS.get(i).apply(row));
        }
        return values;
    }

    /** The row's value of one column, as {@link #columnValues} holds it; null for a column the schema lacks. */
    static Object columnValue(IndexRow row, String column) {
        Function<IndexRow, Object> extractor = BY_COLUMN.get(column);
        return extractor == null ? null : extractor.apply(row);
    }

    /** What {@link #columnValue} reads for {@code column}, resolved once; null for a column the schema lacks. */
    static Function<IndexRow, Object> columnReader(String column) {
        return BY_COLUMN.get(column);
    }

    private static Map<String, Function<IndexRow, Object>> byColumn() {
        Map<String, Function<IndexRow, Object>> out = new HashMap<>();
        for (int i = 0; i < COLUMN_NAMES.size(); i++) {
            out.put(COLUMN_NAMES.get(i), EXTRACTORS.get(i));
        }
        return Map.copyOf(out);
    }

    private static Function<IndexRow, Object> extractor(String column) {
        switch (column) {
            case IndexSchema.BUNDLE_PATH: return IndexRow::bundlePath;
            case IndexSchema.ALGORITHM_ID: return IndexRow::algorithmId;
            case IndexSchema.TAG: return IndexRow::tag;
            case IndexSchema.FRAMEWORK_VERSION: return IndexRow::frameworkVersion;
            case IndexSchema.ENGINE_TYPE: return IndexRow::engineType;
            case IndexSchema.RISK_FREE_RATE: return IndexRow::riskFreeRate;
            case IndexSchema.NUMBER_OF_RUNS: return IndexRow::numberOfRuns;
            case IndexSchema.PARAMETERS_JSON: return row -> JsonColumns.encode(row.parameters());
            case IndexSchema.STRATEGY_IDS_JSON: return row -> JsonColumns.encode(row.strategyIds());
            case IndexSchema.EXTRAS_JSON: return row -> JsonColumns.encode(row.extras());
            case IndexSchema.SUMMARY_EXTRAS_JSON: return row -> JsonColumns.encode(row.summaryExtras());
            case IndexSchema.BUNDLE_MTIME_NS: return IndexRow::bundleMtimeNs;
            case IndexSchema.BUNDLE_SIZE: return IndexRow::bundleSize;
            default:
                SummaryField field = SummaryField.byKey(column).orElseThrow();
                return row -> row.summary(field);
        }
    }

    private static void bindValue(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NULL);
        } else if (value instanceof Double d) {
            ps.setDouble(index, d);
        } else if (value instanceof Long l) {
            ps.setLong(index, l);
        } else {
            ps.setString(index, value.toString());
        }
    }
}
