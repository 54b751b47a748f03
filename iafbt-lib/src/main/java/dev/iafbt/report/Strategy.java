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
 * What the report knows of every bundle, read summary-only: identity, parameters as text, the
 * summary metrics (fractions, as stored; copied, so that the bundle's document is not kept alive),
 * its index row (for ranking) and the four focus scores.
 */
record Strategy(Path file, String relative, String algorithmId, String tag, Map<String, String> parameters,
        Map<SummaryField, Double> summary, IndexRow row, Map<String, Double> scores) {

    static Strategy of(Path file, String relative, Backtest backtest) {
        Map<String, String> params = new TreeMap<>();
        backtest.parameters().forEach((k, v) -> params.put(k, v instanceof String s ? s : PythonJson.dumps(v)));
        Map<SummaryField, Double> summary = new EnumMap<>(SummaryField.class);
        backtest.summary().ifPresent(m -> summary.putAll(m.values()));
        return new Strategy(file, relative, backtest.algorithmId() == null ? "" : backtest.algorithmId(),
                backtest.tag() == null ? "" : backtest.tag(), params, summary,
                IndexRows.fromBacktest(backtest, relative, 0, 0), new TreeMap<>());
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
