package dev.iafbt.report;

import dev.iafbt.index.BacktestIndex;
import dev.iafbt.index.IndexSchema;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.rank.EvaluationFocus;
import dev.iafbt.rank.IndexQuery;
import dev.iafbt.rank.WeightedRanker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders the strategies exactly as {@code iafbt:rank} would: from an index with the reference's
 * schema (the one the report was asked to read, or a throw-away one filled from the bundles), the
 * rank package's {@link IndexQuery} (one metric) or {@link WeightedRanker} (focus score) orders
 * them and applies the same {@code where} filter. The four focus scores the ranking table shows
 * come from the same ranker, so the page and the goal never disagree.
 */
final class StrategyOrder {
    /**
     * The strategies that pass the filter, in report order, with the value each is ordered by
     * (its focus score, or the {@code by} metric; null when it has none).
     */
    record Ordered(List<Strategy> strategies, Map<String, Double> orderValues) {
        Double orderValue(Strategy s) {
            return orderValues.get(s.relative());
        }
    }

    private StrategyOrder() {
    }

    /**
     * Orders strategies read from bundles: by focus score, descending and unfiltered (the
     * defaults), in memory; otherwise through a temporary index, where the {@code where} filter and
     * the {@code by} metric's SQL order apply.
     */
    static Ordered order(List<Strategy> strategies, ReportOptions options) {
        return isPlainFocusOrder(options) ? inMemory(strategies, options) : throughTemporaryIndex(strategies, options);
    }

    /** The default order: a focus score, descending, every row (no {@code where}). */
    static boolean isPlainFocusOrder(ReportOptions options) {
        return (options.where() == null || options.where().isBlank()) && (options.by() == null || options.by().isBlank())
                && !options.ascending();
    }

    /**
     * The default order without an index: {@link WeightedRanker#rankRows} scores the rows exactly as
     * a ranking of the same rows in an index does (ties in the given order, as an index keeps
     * insertion order), so a folder's report needs no SQLite at all: in a fresh JVM loading its
     * driver and native library and filling a temporary index cost more than the ranking itself.
     */
    static Ordered inMemory(List<Strategy> strategies, ReportOptions options) {
        WeightedRanker.RowColumns rows = new WeightedRanker.RowColumns(strategies.stream().map(Strategy::row).toList());
        List<Strategy> out = List.of();
        for (EvaluationFocus focus : EvaluationFocus.values()) {
            List<WeightedRanker.Placed> placed = WeightedRanker.forFocus(focus).rankRows(rows);
            for (WeightedRanker.Placed p : placed) {
                strategies.get(p.index()).scores().put(focus.value(), p.score());
            }
            if (focus == options.focus()) {
                out = placed.stream().map(p -> strategies.get(p.index())).toList();
            }
        }
        Map<String, Double> values = new HashMap<>();
        for (Strategy s : out) {
            values.put(s.relative(), s.scores().get(options.focus().value()));
        }
        return new Ordered(out, values);
    }

    /** Orders strategies read from bundles through a temporary index of their rows. */
    static Ordered throughTemporaryIndex(List<Strategy> strategies, ReportOptions options) {
        Path dir;
        try {
            dir = Files.createTempDirectory("iafbt-report");
        } catch (IOException e) {
            throw new ReportException("cannot create a temporary folder for ranking: " + e, e);
        }
        try (SqliteIndex index = SqliteIndex.create(dir.resolve("rank.sqlite"))) {
            index.upsertAll(strategies.stream().map(Strategy::row).toList());
            return order(index, strategies, options);
        } finally {
            deleteQuietly(dir);
        }
    }

    /**
     * Orders {@code strategies}, whose rows {@code index} holds (keyed by {@code bundle_path}),
     * each given its four focus scores.
     */
    static Ordered order(BacktestIndex index, List<Strategy> strategies, ReportOptions options) {
        boolean byMetric = options.by() != null && !options.by().isBlank();
        Map<String, Strategy> byPath = new LinkedHashMap<>();
        List<Map<String, Object>> ordered = new ArrayList<>();
        boolean first = true;
        for (EvaluationFocus focus : EvaluationFocus.values()) {
            // the ordering focus is ranked in the asked direction once: its result is the order and its scores
            boolean orders = !byMetric && focus == options.focus();
            List<? extends Map<String, Object>> ranked = WeightedRanker.forFocus(focus)
                    .rank(index, filtered(options).ascending(orders && options.ascending()).build());
            if (first) {
                // a ranking holds every row that passes the filter, so the first one says which do
                Set<String> matching = new HashSet<>();
                ranked.forEach(row -> matching.add((String) row.get(IndexSchema.BUNDLE_PATH)));
                strategies.stream().filter(s -> matching.contains(s.relative())).forEach(s -> byPath.put(s.relative(), s));
                first = false;
            }
            for (Map<String, Object> row : ranked) {
                Strategy s = byPath.get((String) row.get(IndexSchema.BUNDLE_PATH));
                if (s != null) {
                    s.scores().put(focus.value(), ((Number) row.get(WeightedRanker.SCORE_KEY)).doubleValue());
                }
            }
            if (orders) {
                ordered.addAll(ranked);
            }
        }
        Map<String, Double> values = new HashMap<>();
        if (byMetric) {
            String by = options.by().strip();
            ordered.addAll(filtered(options).columns(IndexSchema.BUNDLE_PATH, by).sortBy(by)
                    .ascending(options.ascending()).build().run(index));
        }
        List<Strategy> out = new ArrayList<>();
        for (Map<String, Object> row : ordered) {
            Strategy s = byPath.remove((String) row.get(IndexSchema.BUNDLE_PATH));
            if (s != null) {
                out.add(s);
                values.put(s.relative(), byMetric ? metricValue(row) : s.scores().get(options.focus().value()));
            }
        }
        List<Strategy> rest = new ArrayList<>(byPath.values()); // not ranked: no value at all
        rest.sort(Comparator.comparing(Strategy::relative));
        out.addAll(rest);
        return new Ordered(out, values);
    }

    /** The {@code by} column's value: the row's one entry besides the path. */
    private static Double metricValue(Map<String, Object> row) {
        for (Map.Entry<String, Object> e : row.entrySet()) {
            if (!e.getKey().equals(IndexSchema.BUNDLE_PATH)) {
                return e.getValue() instanceof Number n ? n.doubleValue() : null;
            }
        }
        return null;
    }

    private static IndexQuery.Builder filtered(ReportOptions options) {
        IndexQuery.Builder query = IndexQuery.builder().columns(IndexSchema.BUNDLE_PATH);
        return options.where() == null || options.where().isBlank() ? query : query.where(options.where().strip());
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temp folder left behind is harmless; the report is already built
        }
    }
}
