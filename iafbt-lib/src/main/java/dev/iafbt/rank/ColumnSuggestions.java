package dev.iafbt.rank;

import dev.iafbt.index.IndexSchema;
import dev.iafbt.model.SummaryField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What to tell a user who named a column the index does not have: the closest names they could
 * have meant, and the names worth listing. Only user-facing names are offered — bare metric names
 * ({@code sharpe_ratio}) and the identity columns — never the bookkeeping columns
 * ({@code bundle_mtime_ns}, {@code bundle_size}) or the JSON blobs, which are still accepted when
 * named exactly.
 */
public final class ColumnSuggestions {
    /** Identity columns a user sorts, filters or shows by; the rest of the identity block is internal. */
    private static final List<String> IDENTITY = List.of(IndexSchema.ALGORITHM_ID, IndexSchema.TAG,
            IndexSchema.BUNDLE_PATH, IndexSchema.FRAMEWORK_VERSION, IndexSchema.ENGINE_TYPE,
            IndexSchema.RISK_FREE_RATE, IndexSchema.NUMBER_OF_RUNS);
    private static final Set<String> INTERNAL = Set.of(IndexSchema.BUNDLE_MTIME_NS, IndexSchema.BUNDLE_SIZE,
            IndexSchema.SUMMARY_EXTRAS_JSON);
    private static final int MAX_SUGGESTIONS = 3;

    private ColumnSuggestions() {
    }

    /** The user-facing names of a table: bare metric names in table order, then identity columns. */
    static List<String> userFacing(List<String> tableColumns) {
        List<String> metrics = new ArrayList<>();
        for (String column : tableColumns) {
            if (column.startsWith(SummaryField.COLUMN_PREFIX) && !INTERNAL.contains(column)) {
                metrics.add(column.substring(SummaryField.COLUMN_PREFIX.length()));
            }
        }
        IDENTITY.stream().filter(tableColumns::contains).forEach(metrics::add);
        return metrics;
    }

    /**
     * Up to three names close to {@code name}: those that contain it (or that it contains), then
     * those within a small edit distance, nearest first.
     */
    public static List<String> closest(String name, List<String> candidates) {
        String wanted = bare(name);
        int budget = Math.max(2, wanted.length() / 3);
        record Scored(String name, int score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (String candidate : candidates) {
            int score;
            if (!wanted.isEmpty() && (candidate.contains(wanted) || wanted.contains(candidate))) {
                score = Math.abs(candidate.length() - wanted.length()) / 4; // containment: near by nature
            } else {
                int distance = editDistance(wanted, candidate);
                if (distance > budget) {
                    continue;
                }
                score = distance;
            }
            scored.add(new Scored(candidate, score));
        }
        return scored.stream().sorted(Comparator.comparingInt(Scored::score)).limit(MAX_SUGGESTIONS)
                .map(Scored::name).toList();
    }

    /** The message for an unknown column; {@code role} says where it was used. */
    static String unknownColumn(String name, String role, List<String> tableColumns) {
        List<String> names = userFacing(tableColumns);
        List<String> close = closest(name, names);
        StringBuilder message = new StringBuilder("unknown ").append(role).append(" column '").append(name).append('\'');
        if (close.isEmpty()) {
            message.append("; valid names: ");
        } else {
            message.append("; did you mean ").append(String.join(" or ", close)).append("? Valid names: ");
        }
        return message.append(String.join(", ", names)).toString();
    }

    private static String bare(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith(SummaryField.COLUMN_PREFIX) ? lower.substring(SummaryField.COLUMN_PREFIX.length()) : lower;
    }

    /** Levenshtein distance, two rows. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
