package dev.iafbt.model;

import dev.iafbt.bundle.DocList;
import dev.iafbt.bundle.DocMap;
import java.util.List;

/**
 * The reference's document shapes and the conversions between them: the flat
 * {@code Backtest.to_dict()} map, the v1 document and the v2 envelope
 * with its metric blobs.
 */
final class BacktestDocuments {
    private BacktestDocuments() {
    }

    /**
     * {@code Backtest.to_dict()} of a bundle, with blob references turned back into pair lists.
     * With {@code asReloaded}, the year labels of {@code best_year}/{@code worst_year} are written
     * date-only, as the reference writes them after reading a bundle (it parses them to dates).
     */
    static DocMap toBacktestDict(Backtest backtest, boolean asReloaded) {
        DocList runs = new DocList();
        for (BacktestRun run : backtest.runs()) {
            runs.add(inlineSeries(backtest, run, asReloaded));
        }
        DocMap summary = backtest.mapOrNull(backtest.summaryKey());
        DocList tests = backtest.permutationTests();
        return new DocMap(10)
                .with("backtest_runs", runs.isEmpty() ? null : runs)
                .with("backtest_summary", summary)
                .with("backtest_permutation_tests", tests.isEmpty() ? null : tests)
                .with("metadata", backtest.value("metadata"))
                .with("risk_free_rate", backtest.value("risk_free_rate"))
                .with("strategy_ids", backtest.has("strategy_ids") ? backtest.value("strategy_ids") : new DocList())
                .with("algorithm_id", backtest.value("algorithm_id"))
                .with("parameters", backtest.has("parameters") ? backtest.value("parameters") : new DocMap())
                .with("tag", backtest.value("tag"))
                .with("engine_type", backtest.value("engine_type"));
    }

    /** The v1 document: {@code {format_version: 1, backtest, ohlcv?}}. */
    static DocMap toV1Document(DocMap backtestDict, DocMap ohlcv) {
        DocMap document = new DocMap(3).with("format_version", 1L).with("backtest", backtestDict);
        if (ohlcv != null) {
            document.put("ohlcv", ohlcv);
        }
        return document;
    }

    /**
     * The v2 envelope in the reference's key order, series extracted to blobs. With
     * {@code summaryFirst} the summary slot moves ahead of the runs slot, so a reader that only
     * wants the summary can stop early; the reference looks keys up by name, so it still reads it.
     */
    static DocMap toV2Envelope(DocMap dict, DocMap ohlcv, boolean summaryFirst) {
        Object engine = dict.get("engine_type");
        EngineType route = EngineType.route(engine);
        List<?> runs = dict.get("backtest_runs") instanceof List<?> list ? list : List.of();
        BlobExtractor.Result extracted = BlobExtractor.extract(runs);
        List<?> tests = dict.get("backtest_permutation_tests") instanceof List<?> list ? list : List.of();

        DocMap envelope = new DocMap(13)
                .with("format_version", 2L)
                .with("engine_type", engine)
                .with("algorithm_id", dict.get("algorithm_id"))
                .with("metadata", orElse(dict.get("metadata"), new DocMap()))
                .with("risk_free_rate", dict.get("risk_free_rate"))
                .with("strategy_ids", orElse(dict.get("strategy_ids"), new DocList()))
                .with("parameters", orElse(dict.get("parameters"), new DocMap()))
                .with("tag", dict.get("tag"))
                .with("backtest_permutation_tests", tests.isEmpty() ? null : tests);
        if (summaryFirst) {
            envelope.put(route.summaryKey(), dict.get("backtest_summary"));
        }
        envelope.put(route.runsKey(), extracted.runs().isEmpty() ? null : extracted.runs());
        if (!summaryFirst) {
            envelope.put(route.summaryKey(), dict.get("backtest_summary"));
        }
        if (!extracted.blobs().isEmpty()) {
            envelope.put("blobs", extracted.blobs());
        }
        if (ohlcv != null) {
            envelope.put("ohlcv", ohlcv);
        }
        return envelope;
    }

    /**
     * A shallow copy of the run whose metrics hold inline pair lists instead of blob references
     * (and, {@code asReloaded}, date-only year labels); the run itself when nothing changes.
     */
    private static DocMap inlineSeries(Backtest backtest, BacktestRun run, boolean asReloaded) {
        BacktestMetrics metrics = run.metrics();
        boolean yearsToShorten = asReloaded && metrics != null
                && YEAR_PAIRS.stream().anyMatch(key -> yearLabel(metrics.raw().get(key)) != null);
        if (metrics == null || !yearsToShorten
                && MetricSeries.BLOB_FIELDS.stream().noneMatch(f -> metrics.blobKey(f).isPresent())) {
            return run.raw();
        }
        DocMap metricsCopy = new DocMap(metrics.raw());
        for (String field : MetricSeries.BLOB_FIELDS) {
            metrics.blobKey(field).ifPresent(key -> {
                DocList pairs = backtest.resolveBlob(key, metrics.where(field)).toPairList();
                if ("yearly_returns".equals(field)) {
                    dateOnly(pairs); // the reference reads yearly labels back as dates
                }
                metricsCopy.put(field, pairs);
            });
        }
        if (yearsToShorten) {
            for (String key : YEAR_PAIRS) {
                String label = yearLabel(metricsCopy.get(key));
                if (label != null) {
                    DocList pair = new DocList((DocList) metricsCopy.get(key));
                    pair.set(1, label.substring(0, 10));
                    metricsCopy.put(key, pair);
                }
            }
        }
        DocMap runCopy = new DocMap(run.raw());
        runCopy.put("backtest_metrics", metricsCopy);
        return runCopy;
    }

    /** The {@code [value, "YYYY-01-01T00:00:00"]} pairs the reference reads back as dates. */
    private static final List<String> YEAR_PAIRS = List.of("best_year", "worst_year");

    /** The datetime label of a year pair when it has a time part to drop, else null. */
    private static String yearLabel(Object value) {
        return value instanceof DocList pair && pair.size() == 2 && pair.get(1) instanceof String label
                && label.length() > 10 && label.charAt(10) == 'T' ? label : null;
    }

    private static void dateOnly(DocList pairs) {
        for (Object pair : pairs) {
            DocList p = (DocList) pair;
            p.set(1, ((String) p.get(1)).substring(0, 10));
        }
    }

    private static Object orElse(Object value, Object fallback) {
        return value == null ? fallback : value;
    }
}
