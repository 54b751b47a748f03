package dev.iafbt.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeSet;

/** What a baseline rewrite changed, for the console: an update should never be a silent edit of a committed file. */
final class BaselineChanges {
    private static final int SHOWN = 10;

    private BaselineChanges() {
    }

    static String describe(BaselineSettings baseline, SortedMap<String, SortedMap<String, Double>> before,
                           Map<String, Map<String, Double>> after) {
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, Map<String, Double>> entry : after.entrySet()) {
            Map<String, Double> old = before.get(entry.getKey());
            if (old == null) {
                added.add(entry.getKey());
                continue;
            }
            for (String metric : new TreeSet<>(entry.getValue().keySet())) {
                Double was = old.get(metric);
                Double now = entry.getValue().get(metric);
                if (!old.containsKey(metric) || !Objects.equals(was, now)) {
                    changed.add(entry.getKey() + " " + metric + " " + show(was, old.containsKey(metric)) + " -> " + show(now, true));
                }
            }
        }
        List<String> removed = before.keySet().stream().filter(id -> !after.containsKey(id)).toList();
        StringBuilder text = new StringBuilder("Wrote baseline ").append(baseline.file()).append(": ")
                .append(after.size()).append(" algorithm id(s) x ").append(baseline.metrics().size()).append(" metric(s)");
        if (added.isEmpty() && changed.isEmpty() && removed.isEmpty()) {
            return text.append(", unchanged").toString();
        }
        section(text, "added", added);
        section(text, "changed", changed);
        section(text, "removed", removed);
        return text.append("\nReview the diff and commit it.").toString();
    }

    private static void section(StringBuilder text, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        text.append("\n  ").append(title).append(" (").append(items.size()).append("): ")
                .append(String.join(", ", items.subList(0, Math.min(SHOWN, items.size()))));
        if (items.size() > SHOWN) {
            text.append(", ... and ").append(items.size() - SHOWN).append(" more");
        }
    }

    private static String show(Double value, boolean present) {
        return !present ? "(none)" : value == null ? "missing" : MetricUnits.format(value);
    }
}
