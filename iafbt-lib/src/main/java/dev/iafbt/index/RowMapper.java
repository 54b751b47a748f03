package dev.iafbt.index;

import dev.iafbt.model.SummaryField;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@code SELECT *} row into an {@link IndexRow}, as the reference's
 * {@code _record_to_row}: non-NULL {@code summary_*} columns become the
 * summary, {@code summary_extras_json} is merged in, number_of_runs NULL reads as 0, empty JSON
 * columns read as empty collections. Unlike the reference, an unknown non-NULL
 * {@code summary_<x>} column of a newer file becomes a summary extra instead of a TypeError, and
 * unknown non-summary columns are ignored as there.
 */
final class RowMapper {
    private final String location;
    private final String[] labels;

    RowMapper(String location, ResultSetMetaData meta) throws SQLException {
        this.location = location;
        this.labels = new String[meta.getColumnCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = meta.getColumnLabel(i + 1);
        }
    }

    IndexRow map(ResultSet rs) throws SQLException {
        IndexRow.Builder b = IndexRow.builder();
        Long mtime = null;
        Long size = null;
        String bundlePath = rs.getString(IndexSchema.BUNDLE_PATH);
        for (int i = 0; i < labels.length; i++) {
            String column = labels[i];
            Object value = rs.getObject(i + 1);
            switch (column) {
                case IndexSchema.BUNDLE_PATH -> b.bundlePath(bundlePath);
                case IndexSchema.ALGORITHM_ID -> b.algorithmId(text(value));
                case IndexSchema.TAG -> b.tag(text(value));
                case IndexSchema.FRAMEWORK_VERSION -> b.frameworkVersion(text(value));
                case IndexSchema.ENGINE_TYPE -> b.engineType(text(value));
                case IndexSchema.RISK_FREE_RATE -> b.riskFreeRate(value instanceof Number n ? n.doubleValue() : null);
                case IndexSchema.NUMBER_OF_RUNS -> b.numberOfRuns(value instanceof Number n ? n.longValue() : 0);
                case IndexSchema.PARAMETERS_JSON -> b.parameters(decodeObject(bundlePath, column, value));
                case IndexSchema.STRATEGY_IDS_JSON -> b.strategyIds(decodeArray(bundlePath, column, value));
                case IndexSchema.EXTRAS_JSON -> b.extras(decodeObject(bundlePath, column, value));
                case IndexSchema.SUMMARY_EXTRAS_JSON -> mergeSummaryExtras(b, value);
                case IndexSchema.BUNDLE_MTIME_NS -> mtime = value instanceof Number n ? n.longValue() : null;
                case IndexSchema.BUNDLE_SIZE -> size = value instanceof Number n ? n.longValue() : null;
                default -> putSummary(b, column, value);
            }
        }
        return b.provenance(mtime, size).build();
    }

    private static void putSummary(IndexRow.Builder b, String column, Object value) {
        if (value == null || !column.startsWith(SummaryField.COLUMN_PREFIX)) {
            return;
        }
        SummaryField field = SummaryField.byKey(column).orElse(null);
        Number number = SqliteNumbers.fromObject(value);
        if (field != null && number != null) {
            b.summary(field, number);
        } else {
            b.summaryExtra(column.substring(SummaryField.COLUMN_PREFIX.length()), value);
        }
    }

    /** A malformed summary_extras_json is ignored, as in the reference. */
    private static void mergeSummaryExtras(IndexRow.Builder b, Object value) {
        if (value == null) {
            return;
        }
        Map<String, Object> extras;
        try {
            extras = JsonColumns.decodeObject(value.toString());
        } catch (IllegalArgumentException e) {
            return;
        }
        extras.forEach((key, v) -> {
            SummaryField field = SummaryField.byKey(key).filter(f -> f.key().equals(key)).orElse(null);
            Number number = SqliteNumbers.fromObject(v);
            if (field != null && number != null) {
                b.summary(field, number);
            } else {
                b.summaryExtra(key, v);
            }
        });
    }

    private Map<String, Object> decodeObject(String bundlePath, String column, Object value) {
        try {
            return JsonColumns.decodeObject(text(value));
        } catch (IllegalArgumentException e) {
            throw malformed(bundlePath, column, e);
        }
    }

    private List<Object> decodeArray(String bundlePath, String column, Object value) {
        try {
            return JsonColumns.decodeArray(text(value));
        } catch (IllegalArgumentException e) {
            throw malformed(bundlePath, column, e);
        }
    }

    private IndexException malformed(String bundlePath, String column, IllegalArgumentException e) {
        return new IndexException(location + ": column " + column + " of row '" + bundlePath
                + "' is not valid JSON (" + e.getMessage() + "); re-index that bundle to rewrite it", e);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
