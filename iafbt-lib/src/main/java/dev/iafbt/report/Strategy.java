package dev.iafbt.report;

import dev.iafbt.index.IndexRow;
import dev.iafbt.index.IndexRows;
import dev.iafbt.internal.json.PythonJson;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.SummaryField;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the report knows of every bundle, from its index row alone: identity, parameters as text,
 * the summary metrics (fractions, as stored), the row itself (for ranking) and the four focus
 * scores. The row comes from a bundle read summary-only, from an index file or from a store; the
 * report opens {@code file} only for a tear sheet.
 *
 * @param file     the bundle file, or null when it is not known (the row names a missing bundle)
 * @param relative the row's {@code bundle_path}: relative to the folder, or a store's handle
 */
record Strategy(Path file, String relative, String algorithmId, String tag, Map<String, String> parameters,
        Map<SummaryField, Double> summary, IndexRow row, Map<String, Double> scores) {

    static Strategy of(Path file, String relative, Backtest backtest) {
        return of(file, IndexRows.fromBacktest(backtest, relative, 0, 0));
    }

    static Strategy of(Path file, IndexRow row) {
        Map<String, String> params = new TreeMap<>();
        row.parameters().forEach((k, v) -> params.put(k, v instanceof String s ? s : PythonJson.dumps(v)));
        Map<SummaryField, Double> summary = new EnumMap<>(SummaryField.class);
        row.summaryValues().forEach((k, v) -> {
            if (v != null) {
                summary.put(k, v.doubleValue());
            }
        });
        return new Strategy(file, row.bundlePath(), row.algorithmId() == null ? "" : row.algorithmId(),
                row.tag() == null ? "" : row.tag(), params, summary, row, new TreeMap<>());
    }

    Double metric(SummaryField field) {
        return summary.get(field);
    }

    /** The parameters as one line, {@code k=v k=v}, for display and for the page's filter. */
    String parameterText() {
        StringBuilder out = new StringBuilder();
        parameters.forEach((k, v) -> out.append(out.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return out.toString();
    }
}
