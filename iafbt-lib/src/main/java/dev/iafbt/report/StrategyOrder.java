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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Orders the strategies exactly as {@code iafbt:rank} would: the rows go into a throw-away SQLite
 * index with the reference's schema, and the rank package's {@link IndexQuery} (one metric) or
 * {@link WeightedRanker} (focus score) orders them. The four focus scores the ranking table shows
 * come from the same ranker, so the page and the goal never disagree. Given the index the goals
 * use (a SQLite file or a PostgreSQL table), the ranking runs there instead, over exactly the
 * report's bundles ({@code bundle_path IN (…)}), so the min-max ranges and therefore the order are
 * the same as with the throw-away index.
 */
final class StrategyOrder {
    private StrategyOrder() {
    }

    /** More bound paths than this and the throw-away index is used (PostgreSQL binds at most 32,767). */
    static final int MAX_BOUND_PATHS = 30_000;

    /** The strategies in report order, each with its four focus scores filled in. */
    static List<Strategy> order(List<Strategy> strategies, ReportOptions options) {
        return order(strategies, options, null);
    }

    /** As {@link #order(List, ReportOptions)}, ranking in {@code shared} when it is not null. */
    static List<Strategy> order(List<Strategy> strategies, ReportOptions options, BacktestIndex shared) {
        if (shared == null || strategies.size() > MAX_BOUND_PATHS) {
            return orderInThrowAwayIndex(strategies, options);
        }
        String only = IndexSchema.BUNDLE_PATH + " IN (" + strategies.stream().map(s -> "?")
                .collect(Collectors.joining(", ")) + ")";
        Object[] paths = strategies.stream().map(Strategy::relative).toArray();
        return ranked(shared, strategies, options, () -> IndexQuery.builder().columns(IndexSchema.BUNDLE_PATH)
                .where(only, paths));
    }

    private static List<Strategy> orderInThrowAwayIndex(List<Strategy> strategies, ReportOptions options) {
        Path dir;
        try {
            dir = Files.createTempDirectory("iafbt-report");
        } catch (IOException e) {
            throw new ReportException("cannot create a temporary folder for ranking: " + e, e);
        }
        try (SqliteIndex index = SqliteIndex.create(dir.resolve("rank.sqlite"))) {
            index.upsertAll(strategies.stream().map(Strategy::row).toList());
            return ranked(index, strategies, options, StrategyOrder::pathsOnly);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** Orders {@code strategies} by ranking {@code index}; {@code pathsOnly} starts each query. */
    private static List<Strategy> ranked(BacktestIndex index, List<Strategy> strategies, ReportOptions options,
            Supplier<IndexQuery.Builder> pathsOnly) {
        Map<String, Strategy> byPath = new LinkedHashMap<>();
        strategies.forEach(s -> byPath.put(s.relative(), s));
        for (EvaluationFocus focus : EvaluationFocus.values()) {
            for (Map<String, Object> row : WeightedRanker.forFocus(focus).rank(index, pathsOnly.get().build())) {
                byPath.get((String) row.get(IndexSchema.BUNDLE_PATH)).scores().put(focus.value(),
                        ((Number) row.get(WeightedRanker.SCORE_KEY)).doubleValue());
            }
        }
        List<Map<String, Object>> ordered = new ArrayList<>();
        if (options.by() != null && !options.by().isBlank()) {
            ordered.addAll(pathsOnly.get().sortBy(options.by().strip()).ascending(options.ascending()).build().run(index));
        } else {
            ordered.addAll(WeightedRanker.forFocus(options.focus()).rank(index,
                    pathsOnly.get().ascending(options.ascending()).build()));
        }
        List<Strategy> out = new ArrayList<>();
        for (Map<String, Object> row : ordered) {
            Strategy s = byPath.remove((String) row.get(IndexSchema.BUNDLE_PATH));
            if (s != null) {
                out.add(s);
            }
        }
        List<Strategy> rest = new ArrayList<>(byPath.values()); // not ranked: no value at all
        rest.sort(Comparator.comparing(Strategy::relative));
        out.addAll(rest);
        return out;
    }

    private static IndexQuery.Builder pathsOnly() {
        return IndexQuery.builder().columns(IndexSchema.BUNDLE_PATH);
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
