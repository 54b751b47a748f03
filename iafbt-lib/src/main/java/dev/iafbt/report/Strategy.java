package dev.iafbt.report;

import dev.iafbt.index.IndexRow;
import dev.iafbt.index.IndexRows;
import dev.iafbt.internal.json.PythonJson;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.SummaryField;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the report knows of every bundle, from its index row alone: identity, parameters as text,
 * the summary metrics (fractions, as stored), the row itself (for ranking), the four focus scores,
 * and notes on the texts that were too long to show whole (identity and parameters are held as
 * shown, {@link DisplayText#clip clipped}). The row comes from a bundle read summary-only, from an
 * index file or from a store; the report opens {@code file} only for a tear sheet.
 *
 * @param file     the bundle file, or null when it is not known (the row names a missing bundle)
 * @param relative the row's {@code bundle_path}: relative to the folder, or a store's handle
 */
record Strategy(Path file, String relative, String algorithmId, String tag, Map<String, String> parameters,
        Map<SummaryField, Double> summary, IndexRow row, Map<String, Double> scores, List<String> notes) {

    static Strategy of(Path file, String relative, Backtest backtest) {
        return of(file, IndexRows.fromBacktest(backtest, relative, 0, 0));
    }

    static Strategy of(Path file, IndexRow row) {
        String relative = row.bundlePath();
        List<String> notes = new ArrayList<>();
        Map<String, String> params = new TreeMap<>();
        row.parameters().forEach((k, v) -> {
            String key = DisplayText.clip(k, () -> relative + ": a parameter name", notes);
            params.put(key, DisplayText.clip(v instanceof String s ? s : PythonJson.dumps(v),
                    () -> relative + ": parameter " + key, notes));
        });
        Map<SummaryField, Double> summary = new EnumMap<>(SummaryField.class);
        row.summaryValues().forEach((k, v) -> {
            if (v != null) {
                summary.put(k, v.doubleValue());
            }
        });
        return new Strategy(file, relative, DisplayText.clip(row.algorithmId(), () -> relative + ": the algorithm id", notes),
                DisplayText.clip(row.tag(), () -> relative + ": the tag", notes), params, summary, row, new TreeMap<>(),
                List.copyOf(notes));
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
