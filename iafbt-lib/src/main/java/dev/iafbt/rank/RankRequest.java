package dev.iafbt.rank;

import dev.iafbt.index.IndexSchema;
import dev.iafbt.index.BacktestIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One ranking of the index, as the {@code rank} goal runs it: by one metric ({@link Builder#by}),
 * or by a weighted score ({@link Builder#focus} and/or {@link Builder#weights}) — exactly one of the
 * two — with an optional filter, projection, direction and shortlist length.
 *
 * <pre>{@code
 * RankResult top = RankRequest.builder().focus("risk_adjusted").limit(5).build().run(index);
 * top.writeFiles(Path.of("target/iafbt"), "rank");   // rank.csv and rank.json, as the goal writes them
 * }</pre>
 *
 * <p>{@link Builder#keepBundlePath} makes sure every ranked row carries {@code bundle_path}, which
 * pruning to the shortlist needs, whatever projection was asked for.
 */
public final class RankRequest {
    private final String by;
    private final EvaluationFocus focus;
    private final Map<String, Double> weights;
    private final String weightsText;
    private final IndexQuery query;

    private RankRequest(Builder b) {
        by = blankToNull(b.by);
        weightsText = blankToNull(b.weights);
        boolean weighted = b.focus != null || weightsText != null;
        if (by != null && weighted) {
            throw new QueryException("rank either by one metric or by a weighted score, not both; got by="
                    + by + ", focus=" + b.focus + ", weights=" + b.weights);
        }
        if (by == null && !weighted) {
            throw new QueryException("nothing to rank by: give one metric (by, e.g. sharpe_ratio), or a"
                    + " weighted score (focus balanced|profit|frequency|risk_adjusted and/or weights such as"
                    + " sharpe_ratio=2,max_drawdown=-1)");
        }
        focus = b.focus == null ? null : EvaluationFocus.parse(b.focus);
        weights = RankWeights.parse(weightsText);
        List<String> columns = b.columns.isEmpty() ? new ArrayList<>(IndexQuery.DEFAULT_RANK_COLUMNS)
                : new ArrayList<>(b.columns);
        if (b.keepBundlePath && !columns.contains(IndexSchema.BUNDLE_PATH)) {
            columns.add(IndexSchema.BUNDLE_PATH);
        }
        IndexQuery.Builder q = IndexQuery.builder().ascending(b.ascending).limit(b.limit).columns(columns)
                .where(b.where);
        query = (by == null ? q : q.sortBy(by)).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True for a weighted score, false for one metric. */
    public boolean weighted() {
        return by == null;
    }

    /** The query (filter, projection, direction, limit) the ranking runs. */
    public IndexQuery query() {
        return query;
    }

    /** What the rows are ordered by, for a log line: {@code sharpe_ratio} or {@code weighted score (balanced)}. */
    public String orderedBy() {
        if (!weighted()) {
            return by;
        }
        return "weighted score (" + (focus == null ? EvaluationFocus.BALANCED : focus).value()
                + (weights.isEmpty() ? "" : " + " + weightsText) + ")";
    }

    /**
     * Ranks the index. Unknown columns, a malformed filter or weight are {@link QueryException}s
     * naming the input and what is accepted.
     */
    public RankResult run(BacktestIndex index) {
        List<LinkedHashMap<String, Object>> rows;
        List<String> fallback;
        if (weighted()) {
            rows = WeightedRanker.forFocus(focus, weights).rank(index, query);
            fallback = new ArrayList<>(query.projection(index));
            fallback.add(WeightedRanker.SCORE_KEY);
        } else {
            rows = query.run(index);
            fallback = query.projection(index);
        }
        return new RankResult(rows, rows.isEmpty() ? List.copyOf(fallback) : List.copyOf(rows.get(0).keySet()),
                orderedBy());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The rows of a ranking, their columns in order, and what they are ordered by. */
    public record RankResult(List<LinkedHashMap<String, Object>> rows, List<String> columns, String orderedBy) {
        /** Writes {@code <dir>/<name>.csv} and {@code <name>.json} ({@link ResultFiles}); returns both paths. */
        public List<Path> writeFiles(Path dir, String name) throws IOException {
            return ResultFiles.write(dir, name, rows, columns);
        }
    }

    /** Mutable builder; blank strings count as unset. */
    public static final class Builder {
        private String by;
        private String focus;
        private String weights;
        private String where;
        private final List<String> columns = new ArrayList<>();
        private boolean ascending;
        private Integer limit = 10;
        private boolean keepBundlePath;

        private Builder() {
        }

        /** Rank by this metric or column ({@code sharpe_ratio} or {@code summary_sharpe_ratio}). */
        public Builder by(String metric) {
            by = metric;
            return this;
        }

        /** A weighted preset by name: {@code balanced}, {@code profit}, {@code frequency}, {@code risk_adjusted}. */
        public Builder focus(String preset) {
            focus = blankToNull(preset);
            return this;
        }

        /** Custom weights, {@code metric=weight,...}, merged onto the focus (BALANCED when unset). */
        public Builder weights(String spec) {
            weights = spec;
            return this;
        }

        /** A SQL condition without {@code WHERE}; validated, run read-only. */
        public Builder where(String condition) {
            where = condition;
            return this;
        }

        /** The columns to show; empty for {@link IndexQuery#DEFAULT_RANK_COLUMNS}. */
        public Builder columns(List<String> names) {
            columns.clear();
            names.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).forEach(columns::add);
            return this;
        }

        /** Lowest first instead of highest first. */
        public Builder ascending(boolean value) {
            ascending = value;
            return this;
        }

        /** The length of the shortlist (default 10); null for every row. */
        public Builder limit(Integer n) {
            limit = n;
            return this;
        }

        /** Add {@code bundle_path} to the columns when missing (pruning keeps bundles by path). */
        public Builder keepBundlePath(boolean value) {
            keepBundlePath = value;
            return this;
        }

        /** @throws QueryException when both or neither of by and focus/weights are set, or a value is malformed */
        public RankRequest build() {
            return new RankRequest(this);
        }
    }
}
