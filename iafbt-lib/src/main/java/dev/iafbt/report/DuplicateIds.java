package dev.iafbt.report;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sweeps often write many bundles under one algorithm id (a parameter grid run by one strategy
 * class): 960 rows then read alike. The report says so, once, and points at the Bundle column
 * that tells them apart.
 */
final class DuplicateIds {
    private DuplicateIds() {
    }

    /** Empty when every algorithm id is unique; otherwise how many ids repeat, over how many bundles. */
    static String warning(List<Strategy> strategies) {
        Map<String, Integer> counts = new HashMap<>();
        strategies.forEach(s -> counts.merge(s.algorithmId(), 1, Integer::sum));
        int ids = 0;
        int bundles = 0;
        for (int n : counts.values()) {
            if (n > 1) {
                ids++;
                bundles += n;
            }
        }
        if (ids == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%d algorithm id%s appear%s in more than one bundle (%d bundles in all);"
                + " the Bundle column tells them apart", ids, ids == 1 ? "" : "s", ids == 1 ? "s" : "", bundles);
    }
}
