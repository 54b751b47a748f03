package dev.iafbt.model;

import dev.iafbt.bundle.Bundle;
import dev.iafbt.bundle.DocList;
import dev.iafbt.bundle.DocMap;
import dev.iafbt.bundle.RawMsgpack;
import dev.iafbt.internal.bundle.Docs;
import dev.iafbt.internal.bundle.IsoDateTimes;
import dev.iafbt.internal.bundle.MsgpackDecoder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Base of the typed views: a map of the document tree plus where it sits (file and path), with
 * tolerant accessors. Every numeric field may arrive as an int or a float,
 * NaN and ±inf are ordinary values (item 5), and nil, missing and empty differ (item 6): an
 * accessor returns null for nil or missing and throws {@link ModelShapeException} only when the
 * shape makes the value unusable.
 */
abstract class DocView {
    final Bundle bundle;
    final DocMap map;
    final String path;

    DocView(Bundle bundle, DocMap map, String path) {
        this.bundle = bundle;
        this.map = map;
        this.path = path;
    }

    /** The underlying map; edits made through it are what a later save writes. */
    public DocMap raw() {
        return map;
    }

    /** Where this view sits in the document, e.g. {@code event_runs[0].backtest_metrics}. */
    public String path() {
        return path;
    }

    Object value(String key) {
        return bundle == null ? map.get(key) : bundle.resolve(map, key);
    }

    boolean has(String key) {
        return map.containsKey(key);
    }

    /** A number as a double: null when nil or missing; a numeric string (a Decimal) is parsed. */
    Double doubleOrNull(String key) {
        return DocNumbers.toDouble(value(key), locate(key, ""));
    }

    /** A number as a double, NaN when nil or missing. */
    double doubleOrNaN(String key) {
        Double value = doubleOrNull(key);
        return value == null ? Double.NaN : value;
    }

    Long longOrNull(String key) {
        return DocNumbers.toLong(value(key), locate(key, ""));
    }

    long longOr(String key, long fallback) {
        Long value = longOrNull(key);
        return value == null ? fallback : value;
    }

    String string(String key) {
        Object value = value(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw shape(key, "a string", value);
    }

    Boolean bool(String key) {
        Object value = value(key);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof Number n) {
            return n.longValue() != 0;
        }
        throw shape(key, "a boolean", value);
    }

    /** A datetime in any of the reference's forms; null when nil, missing, "" or unparseable. */
    Instant instant(String key) {
        return IsoDateTimes.parseOrNull(value(key));
    }

    /** A list; an explicit nil or a missing key reads as empty (the reference writes nil for []). */
    DocList list(String key) {
        Object value = value(key);
        if (value == null) {
            return new DocList(0);
        }
        if (value instanceof DocList list) {
            return list;
        }
        throw shape(key, "an array", value);
    }

    /** A map, or null when nil or missing. */
    DocMap mapOrNull(String key) {
        Object value = value(key);
        if (value == null || value instanceof DocMap) {
            return (DocMap) value;
        }
        throw shape(key, "a map", value);
    }

    /** Maps inside a list; elements of another shape are skipped, as the reference drops them. */
    <T> List<T> mapsIn(String key, ElementFactory<T> factory) {
        DocList list = list(key);
        List<T> result = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof DocMap element) {
                result.add(factory.create(bundle, element, where(key) + "[" + i + "]"));
            }
        }
        return result;
    }

    /**
     * {@code value} as a list still in its msgpack bytes (a bundle opened for a tear sheet or the
     * metrics), which a reader of a few fields decodes itself; null when it is decoded, empty or no list.
     */
    static RawMsgpack undecodedList(Object value) {
        return value instanceof RawMsgpack raw && raw.kind() == RawMsgpack.Kind.ARRAY && raw.length() > 0 ? raw : null;
    }

    /**
     * The first {@code limit} maps inside a list, and how many maps it holds. A list still
     * undecoded (a bundle opened for a tear sheet) stays so: only those maps are decoded, into
     * read-only views (edits through them are not what a save writes), the rest is only counted.
     */
    <T> Leading<T> leadingMapsIn(String key, ElementFactory<T> factory, int limit) {
        RawMsgpack raw = undecodedList(map.get(key));
        if (raw != null) {
            List<T> first = new ArrayList<>(Math.min(limit, raw.elementCount()));
            int total = MsgpackDecoder.decodeMaps(raw, file(), limit,
                    (index, element) -> first.add(factory.create(bundle, element, where(key) + "[" + index + "]")));
            return new Leading<>(first, total);
        }
        List<T> all = mapsIn(key, factory);
        return new Leading<>(all.subList(0, Math.min(limit, all.size())), all.size());
    }

    /**
     * Views of the maps inside a list that hold only the entries of {@code keys} (nil ones left
     * out): what a reader of a few fields of thousands of records needs. A list still undecoded
     * stays so and only those entries are decoded ({@link MsgpackDecoder#decodeFields}); a decoded
     * one gives its full views. Read-only, like {@link #leadingMapsIn}.
     */
    <T> List<T> mapsInWithFields(String key, String[] keys, ElementFactory<T> factory) {
        RawMsgpack raw = undecodedList(map.get(key));
        if (raw != null) {
            List<T> out = new ArrayList<>(raw.elementCount());
            MsgpackDecoder.decodeFields(raw, file(), keys, (index, values) -> {
                DocMap fields = new DocMap(keys.length);
                for (int k = 0; k < keys.length; k++) {
                    if (values[k] != null) {
                        fields.put(keys[k], values[k]);
                    }
                }
                out.add(factory.create(bundle, fields, where(key) + "[" + index + "]"));
            });
            return out;
        }
        return mapsIn(key, factory);
    }

    /** Either a map or the odd {@code "MetaData()"} string; never null. */
    Map<String, Object> metadataMap(String key) {
        Object value = value(key);
        return value instanceof DocMap m ? m : Map.of();
    }

    String where(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The bundle file this view was read from, as every error about it starts. */
    String file() {
        return bundle == null ? "document" : bundle.sourceName();
    }

    /**
     * The file and document path of a key (plus a suffix such as {@code [0]}), e.g.
     * {@code runs/a.iafbt: backtest_runs[3].backtest_metrics.risk_free_rate}: what every error
     * raised through a view starts with, so no accessor has to remember to say it.
     */
    Supplier<String> locate(String key, String suffix) {
        return () -> file() + ": " + where(key) + suffix;
    }

    ModelShapeException shape(String key, String expected, Object actual) {
        return new ModelShapeException(locate(key, "").get() + " must be " + expected + ", but is "
                + Docs.kindOf(actual));
    }

    @FunctionalInterface
    interface ElementFactory<T> {
        T create(Bundle bundle, DocMap map, String path);
    }
}
