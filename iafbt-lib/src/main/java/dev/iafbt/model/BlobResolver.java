package dev.iafbt.model;

import dev.iafbt.bundle.Bundle;
import dev.iafbt.bundle.BundleFormatException;
import dev.iafbt.bundle.DocMap;
import dev.iafbt.internal.bundle.Docs;
import dev.iafbt.internal.parquet.MetricBlobCodec;
import dev.iafbt.internal.parquet.ParquetBlobException;
import dev.iafbt.internal.parquet.SeriesColumns;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves {@code {"@blob": key}} references against the v2 {@code blobs} map and decodes each
 * Parquet blob at most once per bundle. The blob bytes themselves stay in the tree untouched, so
 * a save writes them back verbatim (Parquet re-encoding is not byte-stable).
 */
final class BlobResolver {
    static final String REF_KEY = "@blob";

    private final Bundle bundle;
    private final Map<String, MetricSeries> decoded = new ConcurrentHashMap<>();

    BlobResolver(Bundle bundle) {
        this.bundle = bundle;
    }

    MetricSeries series(String key, String where) {
        MetricSeries cached = decoded.get(key);
        if (cached != null) {
            return cached;
        }
        MetricSeries series = decode(key, where);
        decoded.put(key, series);
        return series;
    }

    /**
     * Decodes every referenced blob now (a full open), so later reads are plain array access. The
     * blobs are independent Parquet files, so they decode in parallel.
     */
    void decodeAll(Map<String, String> whereByKey) {
        whereByKey.entrySet().parallelStream().forEach(ref -> series(ref.getKey(), ref.getValue()));
    }

    byte[] bytes(String key, String where) {
        Object blobs = bundle.resolve(bundle.document(), "blobs");
        if (!(blobs instanceof DocMap map)) {
            throw new BundleFormatException(bundle.sourceName() + ": " + where + " refers to blob '" + key
                    + "', but the bundle has " + (blobs == null ? "no blobs map" : "blobs as " + Docs.kindOf(blobs)));
        }
        Object bytes = map.get(key);
        if (!(bytes instanceof byte[] data)) {
            throw new BundleFormatException(bundle.sourceName() + ": " + where + " refers to blob '" + key
                    + "', which is " + (bytes == null && !map.containsKey(key) ? "missing from the blobs map"
                    : Docs.kindOf(bytes) + " instead of binary Parquet data"));
        }
        return data;
    }

    /** An unreadable blob is the bundle's fault: callers see the API's exception, the codec's is the cause. */
    private MetricSeries decode(String key, String where) {
        SeriesColumns columns;
        try {
            columns = MetricBlobCodec.read(bytes(key, where), bundle.sourceName() + ", blob " + key);
        } catch (ParquetBlobException e) {
            throw new BundleFormatException(e.getMessage(), e);
        }
        return MetricSeries.wrap(columns.epochMillis(), columns.values());
    }
}
