package dev.iafbt.model;

import dev.iafbt.bundle.Bundle;
import dev.iafbt.bundle.DocList;
import dev.iafbt.bundle.DocMap;
import dev.iafbt.internal.bundle.Docs;
import dev.iafbt.internal.bundle.IsoDateTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        return DocNumbers.toDouble(value(key), () -> where(key));
    }

    /** A number as a double, NaN when nil or missing. */
    double doubleOrNaN(String key) {
        Double value = doubleOrNull(key);
        return value == null ? Double.NaN : value;
    }

    Long longOrNull(String key) {
        return DocNumbers.toLong(value(key), () -> where(key));
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

    /** Either a map or the odd {@code "MetaData()"} string; never null. */
    Map<String, Object> metadataMap(String key) {
        Object value = value(key);
        return value instanceof DocMap m ? m : Map.of();
    }

    String where(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    ModelShapeException shape(String key, String expected, Object actual) {
        String file = bundle == null ? "document" : bundle.sourceName();
        return new ModelShapeException(file + ": " + where(key) + " must be " + expected + ", but is "
                + Docs.kindOf(actual));
    }

    @FunctionalInterface
    interface ElementFactory<T> {
        T create(Bundle bundle, DocMap map, String path);
    }
}
