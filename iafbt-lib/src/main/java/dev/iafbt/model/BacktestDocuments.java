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

    /** {@code Backtest.to_dict()} of a bundle, with blob references turned back into pair lists. */
    static DocMap toBacktestDict(Backtest backtest) {
        DocList runs = new DocList();
        for (BacktestRun run : backtest.runs()) {
            runs.add(inlineSeries(backtest, run));
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

    /** A shallow copy of the run whose metrics hold inline pair lists instead of blob references. */
    private static DocMap inlineSeries(Backtest backtest, BacktestRun run) {
        BacktestMetrics metrics = run.metrics();
        if (metrics == null || MetricSeries.BLOB_FIELDS.stream().noneMatch(f -> metrics.blobKey(f).isPresent())) {
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
        DocMap runCopy = new DocMap(run.raw());
        runCopy.put("backtest_metrics", metricsCopy);
        return runCopy;
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
