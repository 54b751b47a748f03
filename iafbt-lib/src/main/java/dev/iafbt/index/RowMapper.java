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
    /** What a column is, decided once per result set rather than once per row and column. */
    private enum Kind {
        BUNDLE_PATH, ALGORITHM_ID, TAG, FRAMEWORK_VERSION, ENGINE_TYPE, RISK_FREE_RATE, NUMBER_OF_RUNS, PARAMETERS,
        STRATEGY_IDS, EXTRAS, SUMMARY_EXTRAS, MTIME, SIZE, SUMMARY, IGNORED
    }

    private final String location;
    private final String[] labels;
    private final Kind[] kinds;
    /** Per {@link Kind#SUMMARY} column its field, null for an unknown {@code summary_<x>} (a summary extra). */
    private final SummaryField[] fields;

    RowMapper(String location, ResultSetMetaData meta) throws SQLException {
        this.location = location;
        this.labels = new String[meta.getColumnCount()];
        this.kinds = new Kind[labels.length];
        this.fields = new SummaryField[labels.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = meta.getColumnLabel(i + 1);
            kinds[i] = kind(labels[i]);
            fields[i] = kinds[i] == Kind.SUMMARY ? SummaryField.byKey(labels[i]).orElse(null) : null;
        }
    }

    private static Kind kind(String column) {
        return switch (column) {
            case IndexSchema.BUNDLE_PATH -> Kind.BUNDLE_PATH;
            case IndexSchema.ALGORITHM_ID -> Kind.ALGORITHM_ID;
            case IndexSchema.TAG -> Kind.TAG;
            case IndexSchema.FRAMEWORK_VERSION -> Kind.FRAMEWORK_VERSION;
            case IndexSchema.ENGINE_TYPE -> Kind.ENGINE_TYPE;
            case IndexSchema.RISK_FREE_RATE -> Kind.RISK_FREE_RATE;
            case IndexSchema.NUMBER_OF_RUNS -> Kind.NUMBER_OF_RUNS;
            case IndexSchema.PARAMETERS_JSON -> Kind.PARAMETERS;
            case IndexSchema.STRATEGY_IDS_JSON -> Kind.STRATEGY_IDS;
            case IndexSchema.EXTRAS_JSON -> Kind.EXTRAS;
            case IndexSchema.SUMMARY_EXTRAS_JSON -> Kind.SUMMARY_EXTRAS;
            case IndexSchema.BUNDLE_MTIME_NS -> Kind.MTIME;
            case IndexSchema.BUNDLE_SIZE -> Kind.SIZE;
            default -> column.startsWith(SummaryField.COLUMN_PREFIX) ? Kind.SUMMARY : Kind.IGNORED;
        };
    }

    IndexRow map(ResultSet rs) throws SQLException {
        IndexRow.Builder b = IndexRow.builder();
        Long mtime = null;
        Long size = null;
        String bundlePath = rs.getString(IndexSchema.BUNDLE_PATH);
        for (int i = 0; i < labels.length; i++) {
            if (kinds[i] == Kind.IGNORED) {
                continue;
            }
            Object value = rs.getObject(i + 1);
            switch (kinds[i]) {
                case BUNDLE_PATH -> b.bundlePath(bundlePath);
                case ALGORITHM_ID -> b.algorithmId(text(value));
                case TAG -> b.tag(text(value));
                case FRAMEWORK_VERSION -> b.frameworkVersion(text(value));
                case ENGINE_TYPE -> b.engineType(text(value));
                case RISK_FREE_RATE -> b.riskFreeRate(value instanceof Number n ? n.doubleValue() : null);
                case NUMBER_OF_RUNS -> b.numberOfRuns(value instanceof Number n ? n.longValue() : 0);
                case PARAMETERS -> b.parameters(decodeObject(bundlePath, labels[i], value));
                case STRATEGY_IDS -> b.strategyIds(decodeArray(bundlePath, labels[i], value));
                case EXTRAS -> b.extras(decodeObject(bundlePath, labels[i], value));
                case SUMMARY_EXTRAS -> mergeSummaryExtras(b, value);
                case MTIME -> mtime = value instanceof Number n ? n.longValue() : null;
                case SIZE -> size = value instanceof Number n ? n.longValue() : null;
                default -> putSummary(b, labels[i], fields[i], value);
            }
        }
        return b.provenance(mtime, size).build();
    }

    private static void putSummary(IndexRow.Builder b, String column, SummaryField field, Object value) {
        if (value == null) {
            return;
        }
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
