package dev.iafbt.model;

import dev.iafbt.bundle.DocList;
import dev.iafbt.bundle.DocMap;
import dev.iafbt.internal.parquet.MetricBlobCodec;
import java.util.List;

/**
 * Moves the eight metric series of every run into Parquet blobs under the reference's rules
 *: a series is extracted when it is a non-empty list whose every entry is a
 * {@code [value, datetime]} pair with a convertible timestamp and a numeric value; one bad entry
 * keeps the whole series inline, and so does an empty one. Keys are
 * {@code runs/<i>/metrics/<field>.parquet}, inserted run by run in field order.
 *
 * <p>One deliberate difference: a series with a nil value stays inline. The reference writes a
 * Parquet null there, which its own reader then crashes on; inline, the value at least survives.
 */
final class BlobExtractor {
    record Result(DocList runs, DocMap blobs) {
    }

    private BlobExtractor() {
    }

    static Result extract(List<?> runs) {
        DocList outRuns = new DocList(runs.size());
        DocMap blobs = new DocMap();
        for (int i = 0; i < runs.size(); i++) {
            Object run = runs.get(i);
            if (!(run instanceof DocMap runMap) || !(runMap.get("backtest_metrics") instanceof DocMap metrics)) {
                outRuns.add(run);
                continue;
            }
            DocMap metricsCopy = null;
            for (String field : MetricSeries.BLOB_FIELDS) {
                MetricSeries series = extractable(metrics.get(field));
                if (series == null) {
                    continue;
                }
                String key = "runs/" + i + "/metrics/" + field + ".parquet";
                blobs.put(key, MetricBlobCodec.write(series.epochMillis(), series.values()));
                if (metricsCopy == null) {
                    metricsCopy = new DocMap(metrics);
                }
                metricsCopy.put(field, new DocMap(1).with(BlobResolver.REF_KEY, key));
            }
            if (metricsCopy == null) {
                outRuns.add(runMap);
            } else {
                DocMap runCopy = new DocMap(runMap);
                runCopy.put("backtest_metrics", metricsCopy);
                outRuns.add(runCopy);
            }
        }
        return new Result(outRuns, blobs);
    }

    /**
     * The series as columns when the reference would extract it, otherwise null: the same parse
     * the reader uses, with nil values refused (see the class comment).
     */
    static MetricSeries extractable(Object value) {
        if (!(value instanceof List<?> pairs) || pairs.isEmpty()) {
            return null;
        }
        try {
            return InlineSeries.parse(pairs, "", "", false);
        } catch (ModelShapeException e) {
            return null;
        }
    }
}
