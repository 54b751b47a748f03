package dev.iafbt.report;

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

/**
 * Orders the strategies exactly as {@code iafbt:rank} would: the rows go into a throw-away SQLite
 * index with the reference's schema, and the rank package's {@link IndexQuery} (one metric) or
 * {@link WeightedRanker} (focus score) orders them. The four focus scores the ranking table shows
 * come from the same ranker, so the page and the goal never disagree.
 */
final class StrategyOrder {
    private StrategyOrder() {
    }

    /** The strategies in report order, each with its four focus scores filled in. */
    static List<Strategy> order(List<Strategy> strategies, ReportOptions options) {
        Path dir;
        try {
            dir = Files.createTempDirectory("iafbt-report");
        } catch (IOException e) {
            throw new ReportException("cannot create a temporary folder for ranking: " + e, e);
        }
        Map<String, Strategy> byPath = new LinkedHashMap<>();
        strategies.forEach(s -> byPath.put(s.relative(), s));
        try (SqliteIndex index = SqliteIndex.create(dir.resolve("rank.sqlite"))) {
            index.upsertAll(strategies.stream().map(Strategy::row).toList());
            for (EvaluationFocus focus : EvaluationFocus.values()) {
                for (Map<String, Object> row : WeightedRanker.forFocus(focus).rank(index, pathsOnly().build())) {
                    byPath.get((String) row.get(IndexSchema.BUNDLE_PATH)).scores().put(focus.value(),
                            ((Number) row.get(WeightedRanker.SCORE_KEY)).doubleValue());
                }
            }
            List<Map<String, Object>> ordered = new ArrayList<>();
            if (options.by() != null && !options.by().isBlank()) {
                ordered.addAll(pathsOnly().sortBy(options.by().strip()).ascending(options.ascending()).build().run(index));
            } else {
                ordered.addAll(WeightedRanker.forFocus(options.focus()).rank(index,
                        pathsOnly().ascending(options.ascending()).build()));
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
        } finally {
            deleteQuietly(dir);
        }
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
