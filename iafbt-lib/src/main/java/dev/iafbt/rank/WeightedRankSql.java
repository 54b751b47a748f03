package dev.iafbt.rank;

import dev.iafbt.index.BacktestIndex;
import dev.iafbt.index.IndexSchema;
import dev.iafbt.index.SqlDialect;
import dev.iafbt.model.SummaryField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SQL side of {@link WeightedRanker#rank}, in its three steps: the min/max pass over the
 * filtered rows, the score expression built from those ranges, and the shortlist — a top-K
 * scan that fetches only the rows whose rounded score can reach the limit. The work stays in the
 * database (the same statements on SQLite and PostgreSQL, the differing pieces from the
 * {@link SqlDialect}): two scans of the table, never every weighted value through JDBC.
 */
final class WeightedRankSql {
    /** The internal rowid alias of a candidate row; never part of a result. */
    static final String ROWID_KEY = "_iafbt_rowid";

    /**
     * Metrics that are +inf whenever their denominator is zero (no losses, no drawdown, no
     * downside): their range needs the finite-only predicate in practically every sweep.
     */
    private static final Set<String> MAY_BE_INFINITE = Set.of(SummaryField.PROFIT_FACTOR.column(),
            SummaryField.WIN_LOSS_RATIO.column(), SummaryField.CURRENT_WIN_LOSS_RATIO.column(),
            SummaryField.CALMAR_RATIO.column(), SummaryField.SORTINO_RATIO.column());

    /**
     * The filtered row count and the (min, max) of the counted values of each weighted column.
     *
     * @param clean per column: no ±inf or text, so a value counts exactly when it is not NULL
     */
    record Ranges(long rowCount, List<String> columns, List<Object> stats, boolean[] clean) {
        Object min(int i) {
            return stats.get(1 + 2 * i);
        }

        Object max(int i) {
            return stats.get(2 + 2 * i);
        }
    }

    /**
     * The raw score {@code Σ w·(v−min)/(max−min)} as SQL, with its bound doubles.
     *
     * @param finite every row's score is a finite number: each term lies in [−|w|, |w|] because a
     *               counted value lies in its column's range, unless a range or the sum of the
     *               weights overflows
     */
    record Score(String sql, List<Object> params, boolean finite) {
    }

    /** The extra rows the top-K sort returns beyond the limit, to see past ties at the cut-off. */
    private static final int SLACK = 32;
    /** Far below {@link Double#MAX_VALUE}: a sum of terms bounded by it cannot overflow. */
    private static final double SAFE_MAGNITUDE = 1e300;

    private final BacktestIndex index;
    private final SqlDialect dialect;
    private final String condition;
    private final String from;
    private final List<Object> filterParams;

    /** @param condition the query's WHERE condition, or null for every row */
    WeightedRankSql(BacktestIndex index, String condition, List<Object> filterParams) {
        this.index = index;
        this.dialect = index.dialect();
        this.condition = condition;
        this.from = " FROM " + IndexSchema.QUOTED_TABLE + (condition == null ? "" : " WHERE (" + condition + ")");
        this.filterParams = filterParams;
    }

    /**
     * Step 1: one aggregate query computes every (min, max). Plain MIN/MAX are exact unless the
     * column holds -inf (MIN is -inf) or +inf/text (MAX is +inf or text); the ratios that are
     * infinite whenever their denominator is zero get the finite-only predicate right away, any
     * other column only in a second pass when its plain result shows it is needed.
     */
    Ranges minMaxPass(List<String> columns) {
        StringBuilder aggregate = new StringBuilder("SELECT COUNT(*) AS n");
        for (int i = 0; i < columns.size(); i++) {
            aggregate.append(", ").append(MAY_BE_INFINITE.contains(columns.get(i))
                    ? finiteMinMax(columns.get(i), i) : plainMinMax(columns.get(i), i));
        }
        List<Object> stats = new ArrayList<>(index.selectReadOnly(aggregate + from, filterParams).get(0).values());
        long rowCount = ((Number) stats.get(0)).longValue();
        boolean[] clean = new boolean[columns.size()];
        if (rowCount == 0) {
            return new Ranges(0, columns, stats, clean);
        }
        StringBuilder again = new StringBuilder("SELECT COUNT(*) AS n");
        List<Integer> dirty = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (MAY_BE_INFINITE.contains(columns.get(i))) {
                continue; // exact already; its values stay tested one by one
            }
            clean[i] = isFinite(stats.get(1 + 2 * i)) && isFinite(stats.get(2 + 2 * i));
            if (!clean[i] && stats.get(1 + 2 * i) != null) {
                again.append(", ").append(finiteMinMax(columns.get(i), i));
                dirty.add(i);
            }
        }
        if (!dirty.isEmpty()) {
            LinkedHashMap<String, Object> exact = index.selectReadOnly(again + from, filterParams).get(0);
            for (int i : dirty) {
                stats.set(1 + 2 * i, exact.get("lo" + i));
                stats.set(2 + 2 * i, exact.get("hi" + i));
            }
        }
        return new Ranges(rowCount, columns, stats, clean);
    }

    /**
     * Step 2: the raw score as an expression over bound doubles, which SQLite evaluates in the
     * same IEEE order as {@link WeightedRanker#score}; columns without a range, or with
     * max == min, add 0. In a column without ±inf or text a value counts exactly when it is not
     * NULL, and NULL propagates through the arithmetic, so IFNULL(term, 0.0) skips it.
     */
    Score scoreExpression(Ranges ranges, Map<String, Double> columnWeights) {
        StringBuilder score = new StringBuilder("(0.0");
        List<Object> params = new ArrayList<>();
        List<String> columns = ranges.columns();
        double weightSum = 0;
        boolean rangesFinite = true;
        for (int i = 0; i < columns.size(); i++) {
            Object lo = ranges.min(i);
            Object hi = ranges.max(i);
            if (!isFinite(lo) || !isFinite(hi)) {
                continue;
            }
            double min = ((Number) lo).doubleValue();
            double max = ((Number) hi).doubleValue();
            if (max == min) {
                continue; // w · 0.0 changes no sum
            }
            String column = IndexSchema.quote(columns.get(i));
            String term = "? * ((" + column + " - ?) / ?)"; // REAL arithmetic: ? is a bound double
            score.append(ranges.clean()[i] ? " + COALESCE(" + term + ", 0.0)"
                    : " + CASE WHEN " + counted(columns.get(i)) + " THEN " + term + " ELSE 0.0 END");
            params.add(columnWeights.get(columns.get(i)));
            params.add(min);
            params.add(max - min);
            weightSum += Math.abs(columnWeights.get(columns.get(i)));
            rangesFinite &= Double.isFinite(max - min);
        }
        score.append(')');
        return new Score(score.toString(), params, rangesFinite && weightSum <= SAFE_MAGNITUDE);
    }

    /**
     * Step 3: the rows that can make the shortlist — a superset of the rows whose rounded score
     * reaches the N-th rounded score: every row whose raw score is within the rounding span of the
     * N-th raw score. Mostly one scan: the database's top-K sort returns the best K = N + slack
     * rows; when the K-th of them already falls outside the span, no row beyond them can reach
     * the shortlist. Only when more than the slack ties near the cut-off does a second scan fetch
     * every row within the span of that (now known) N-th score. Without a limit below the row
     * count, every filtered row. Each row carries its raw score under
     * {@link WeightedRanker#SCORE_KEY} and its rowid under {@link #ROWID_KEY}, in rowid order.
     * Only for a {@link Score#finite} score: no row's score is then NULL, NaN or ±inf, and no
     * step of it overflows (which PostgreSQL would refuse where SQLite goes on with ±inf).
     */
    List<LinkedHashMap<String, Object>> shortlist(Score score, List<String> projection, Integer limit,
            long rowCount, boolean ascending) {
        List<Object> params = new ArrayList<>(score.params());
        params.addAll(filterParams);
        String select = "SELECT " + projection.stream().map(c -> "t." + IndexSchema.quote(c)).collect(Collectors.joining(", "))
                + ", t." + dialect.rowOrder() + " AS " + IndexSchema.quote(ROWID_KEY) + ", " + score.sql() + " AS "
                + IndexSchema.quote(WeightedRanker.SCORE_KEY) + " FROM " + IndexSchema.QUOTED_TABLE + " t";
        String where = condition == null ? "" : " WHERE (" + condition + ")";
        if (limit == null || limit >= rowCount) {
            return index.selectReadOnly(select + where + " ORDER BY t." + dialect.rowOrder(), params);
        }
        long fetched = limit + Math.max(SLACK, limit / 4);
        List<LinkedHashMap<String, Object>> best = index.selectReadOnly(select + where + " ORDER BY "
                + IndexSchema.quote(WeightedRanker.SCORE_KEY) + (ascending ? " ASC" : " DESC") + " LIMIT " + fetched, params);
        double cutoff = rawScore(best.get(limit - 1));
        double span = 2e-6 + Math.abs(cutoff) * 1e-15; // far above the error of the raw score's rounding
        double bound = ascending ? cutoff + span : cutoff - span;
        List<LinkedHashMap<String, Object>> candidates;
        if (best.size() < fetched || (ascending ? rawScore(best.get(best.size() - 1)) > bound
                : rawScore(best.get(best.size() - 1)) < bound)) {
            candidates = new ArrayList<>();
            for (LinkedHashMap<String, Object> row : best) {
                double s = rawScore(row);
                if (ascending ? s <= bound : s >= bound) {
                    candidates.add(row);
                }
            }
            candidates.sort(Comparator.comparingLong(row -> ((Number) row.get(ROWID_KEY)).longValue()));
        } else {
            params.addAll(score.params()); // the WHERE repeats the score expression
            params.add(bound);
            candidates = index.selectReadOnly(select + (condition == null ? " WHERE " : where + " AND ") + score.sql()
                    + (ascending ? " <= ?" : " >= ?") + " ORDER BY t." + dialect.rowOrder(), params);
        }
        return candidates;
    }

    private static double rawScore(Map<String, Object> row) {
        return ((Number) row.get(WeightedRanker.SCORE_KEY)).doubleValue();
    }

    private static String plainMinMax(String column, int i) {
        String quoted = IndexSchema.quote(column);
        return "MIN(" + quoted + ") AS lo" + i + ", MAX(" + quoted + ") AS hi" + i;
    }

    /**
     * MIN/MAX over the finite numbers only: {@code 'text' > -9e999} is true but MIN prefers any
     * number to text, and {@code 'text' < 9e999} is false; a result that is still ±inf or text
     * means the column has no finite value.
     */
    private String finiteMinMax(String column, int i) {
        String quoted = IndexSchema.quote(column);
        return "MIN(CASE WHEN " + quoted + " > " + dialect.negativeInfinity() + " THEN " + quoted + " END) AS lo" + i
                + ", MAX(CASE WHEN " + quoted + " < " + dialect.positiveInfinity() + " THEN " + quoted + " END) AS hi" + i;
    }

    /** SQL for "the value counts": a finite number. NULL and text fail both comparisons, ±inf one. */
    private String counted(String column) {
        String quoted = IndexSchema.quote(column);
        return "(" + quoted + " > " + dialect.negativeInfinity() + " AND " + quoted + " < " + dialect.positiveInfinity() + ")";
    }

    private static boolean isFinite(Object value) {
        return value instanceof Number n && Double.isFinite(n.doubleValue());
    }
}
