package dev.iafbt.model;

import dev.iafbt.bundle.DocMap;

/**
 * Base of the builders: a template map in the reference's key order; setters replace values in
 * place, so the order never depends on the order of calls.
 */
abstract class MapBuilder<B extends MapBuilder<B>> {
    final DocMap map;

    MapBuilder(DocMap template) {
        this.map = template;
    }

    /** Sets a known key; an unknown key is refused, so a typo cannot produce a field nobody reads. */
    public B set(String key, Object value) {
        if (!map.containsKey(key)) {
            throw new IllegalArgumentException("'" + key + "' is not a field of " + kind() + "; known: " + map.keySet());
        }
        map.put(key, Values.normalize(value));
        return self();
    }

    /** Adds a key the reference does not write (its readers drop such keys; the summary's refuses them). */
    public B extra(String key, Object value) {
        map.put(key, Values.normalize(value));
        return self();
    }

    abstract String kind();

    @SuppressWarnings("unchecked")
    B self() {
        return (B) this;
    }
}
