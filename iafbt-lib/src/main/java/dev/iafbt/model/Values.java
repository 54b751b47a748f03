package dev.iafbt.model;

import dev.iafbt.bundle.DocList;
import dev.iafbt.bundle.DocMap;
import dev.iafbt.internal.bundle.IsoDateTimes;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Turns values a builder caller passes into the tree kinds the reference would write: Java ints
 * become msgpack ints, floats become float64, instants become ISO-Z strings, maps and collections
 * become {@link DocMap}/{@link DocList} recursively.
 */
final class Values {
    private Values() {
    }

    static Object normalize(Object value) {
        if (value == null || value instanceof String || value instanceof Long || value instanceof Double
                || value instanceof Boolean || value instanceof DocMap || value instanceof DocList
                || value instanceof byte[]) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof Instant instant) {
            return IsoDateTimes.formatUtc(instant);
        }
        if (value instanceof Map<?, ?> map) {
            DocMap out = new DocMap(map.size());
            map.forEach((k, v) -> out.put(String.valueOf(k), normalize(v)));
            return out;
        }
        if (value instanceof Collection<?> collection) {
            DocList out = new DocList(collection.size());
            collection.forEach(v -> out.add(normalize(v)));
            return out;
        }
        return value; // the encoder's default hook converts the rest as the reference does
    }
}
