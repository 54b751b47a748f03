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
 * {@link SqlDialect}): two scans of the table, or one where the ranges are read from index ends
 * (PostgreSQL without a filter), never every weighted value through JDBC.
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
     * @param rowCount the filtered row count, or (when no scan was needed) the count up to
     *                 {@code limit + 1}: either tells whether there are no rows and whether there
     *                 are more than the limit, all a ranking asks
     * @param clean    per column: no ±inf or text, so a value counts exactly when it is not NULL
     */
    record Ranges(long rowCount, List<String> columns, List<Object> stats, boolean[] clean) {
        /** (min, max) by column, for the columns with a finite range, as {@link WeightedRanker#score} finds them. */
        Map<String, double[]> finite() {
            Map<String, double[]> finite = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                if (isFinite(min(i)) && isFinite(max(i))) {
                    finite.put(columns.get(i), new double[] {((Number) min(i)).doubleValue(), ((Number) max(i)).doubleValue()});
                }
            }
            return finite;
        }

        Object min(int i) {
            return stats.get(1 + 2 * i);
        }

        Object max(int i) {
            return stats.get(2 + 2 * i);
        }
    }

    /**
     * The score the database ranks by, as SQL with its bound doubles (see {@link #scoreExpression}).
     *
     * @param finite    every row's exact score is a finite number and no step of the expression
     *                  overflows: each term lies in [−|w|, |w|] because a counted value lies in its
     *                  column's range, unless a range or the sum of the weights overflows
     * @param error     how far the ranking score may be from the exact score plus the constant
     * @param weightSum Σ|w| over the terms: a bound on the exact score's magnitude
     */
    record Score(String sql, List<Object> params, boolean finite, double error, double weightSum) {
        /**
         * How far below (above, ascending) the N-th ranking score a row may rank and still round
         * to the N-th rounded exact score: the rounding to 6 decimals moves a score by at most
         * 5e-7, the error of the ranking score counts twice (in the row and in the N-th score).
         */
        double span() {
            return 2e-6 + weightSum * 1e-15 + 2 * error;
        }
    }

    /** The extra rows the top-K sort returns beyond the limit, to see past ties at the cut-off. */
    private static final int SLACK = 32;
    /** The largest error of the fast ranking score that is used: far below the rounding span. */
    private static final double MAX_FAST_ERROR = 1e-7;
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
     * Step 1: one query computes the row count and every (min, max). Plain MIN/MAX are exact
     * unless the column holds -inf (MIN is -inf) or +inf, NaN or text (MAX is one of them); the
     * ratios that are infinite whenever their denominator is zero get the finite-only predicate
     * right away, any other column only in a second pass when its plain result shows it is needed.
     *
     * <p>Without a filter, a column that an index keeps in order ({@link BacktestIndex#orderedColumns},
     * PostgreSQL) is read from the index's two ends instead: a scalar subquery per bound, which
     * PostgreSQL answers with one index probe ({@code ORDER BY c LIMIT 1}, NULLs skipped); in the
     * second pass with the finite-only predicate as the probe's range ({@code c > -inf}, and
     * {@code c < +inf}, which also excludes NaN, sorted above +inf). When every weighted column is
     * indexed, no row is scanned: the count then stops at {@code limit + 1} rows (a count of a
     * million rows would be the one scan left; see {@link Ranges#rowCount}). With a filter the
     * probes could not stop at the first index entry, so every column is aggregated in one scan.
     *
     * @param limit the ranking's limit, null for none
     */
    Ranges minMaxPass(List<String> columns, Integer limit) {
        Set<String> atIndexEnds = condition == null ? index.orderedColumns() : Set.of();
        boolean scan = condition != null || !atIndexEnds.containsAll(columns);
        List<String> aggregates = new ArrayList<>(List.of(scan ? "COUNT(*) AS n" : "(SELECT COUNT(*) FROM (SELECT 1"
                + from + " LIMIT " + ((limit == null ? 0L : limit) + 1) + ") k) AS n"));
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            aggregates.add(atIndexEnds.contains(column) ? indexEnds(column, i, false)
                    : MAY_BE_INFINITE.contains(column) ? finiteMinMax(column, i) : plainMinMax(column, i));
        }
        List<Object> stats = new ArrayList<>(index.selectReadOnly("SELECT " + String.join(", ", aggregates)
                + (scan ? from : ""), scan ? filterParams : List.of()).get(0).values());
        long rowCount = ((Number) stats.get(0)).longValue();
        boolean[] clean = new boolean[columns.size()];
        if (rowCount == 0) {
            return new Ranges(0, columns, stats, clean);
        }
        List<String> again = new ArrayList<>();
        boolean scanAgain = false;
        List<Integer> dirty = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            boolean probed = atIndexEnds.contains(column);
            if (!probed && MAY_BE_INFINITE.contains(column)) {
                continue; // exact already; its values stay tested one by one
            }
            clean[i] = isFinite(stats.get(1 + 2 * i)) && isFinite(stats.get(2 + 2 * i));
            if (!clean[i] && stats.get(1 + 2 * i) != null) {
                again.add(probed ? indexEnds(column, i, true) : finiteMinMax(column, i));
                scanAgain |= !probed;
                dirty.add(i);
            }
        }
        if (!dirty.isEmpty()) { // probes alone need no FROM: no scan, no count
            LinkedHashMap<String, Object> exact = index.selectReadOnly("SELECT " + String.join(", ", again)
                    + (scanAgain ? from : ""), scanAgain ? filterParams : List.of()).get(0);
            for (int i : dirty) {
                stats.set(1 + 2 * i, exact.get("lo" + i));
                stats.set(2 + 2 * i, exact.get("hi" + i));
            }
        }
        return new Ranges(rowCount, columns, stats, clean);
    }

    /**
     * Step 2: the score the database ranks by, as an expression over bound doubles; columns
     * without a range, or with max == min, add nothing. Each counted value v of a column with
     * range [m, M] adds {@code v·a} with {@code a = w/(M−m)}, any other row adds {@code m·a}: that
     * is the score {@code Σ w·(v−m)/(M−m)} plus one constant for all rows, so it orders the rows
     * alike, at two operations per column instead of four. It differs from the exact score (which
     * Java computes for the fetched rows) by at most {@link Score#error}; when that bound is not
     * tiny (a range far narrower than its values' magnitude), the exact expression is used, in
     * the same IEEE order as {@link WeightedRanker#score}, so its error is 0. In a column without
     * ±inf or text a value counts exactly when it is not NULL, and NULL propagates through the
     * arithmetic, so COALESCE picks the constant.
     *
     * @param mayApproximate false for the exact expression whatever the bound (every row fetched)
     */
    Score scoreExpression(Ranges ranges, Map<String, Double> columnWeights, boolean mayApproximate) {
        List<String> columns = ranges.columns();
        List<Integer> terms = new ArrayList<>();
        double weightSum = 0;
        double magnitude = 0; // Σ |w|·(1 + max(|m|, |M|)/(M − m)): bounds every partial sum of the fast form
        boolean rangesFinite = true;
        for (int i = 0; i < columns.size(); i++) {
            if (!isFinite(ranges.min(i)) || !isFinite(ranges.max(i))) {
                continue;
            }
            double min = ((Number) ranges.min(i)).doubleValue();
            double max = ((Number) ranges.max(i)).doubleValue();
            if (max == min) {
                continue; // w · 0.0 changes no sum
            }
            double w = Math.abs(columnWeights.get(columns.get(i)));
            weightSum += w;
            magnitude += w * (1 + Math.max(Math.abs(min), Math.abs(max)) / (max - min));
            rangesFinite &= Double.isFinite(max - min);
            terms.add(i);
        }
        boolean finite = rangesFinite && weightSum <= SAFE_MAGNITUDE;
        // each term and the constant are off by a few rounding errors of their magnitude, the sum by one per term
        double error = 4 * (terms.size() + 8) * Math.ulp(1.0) * magnitude;
        boolean fast = mayApproximate && finite && magnitude <= SAFE_MAGNITUDE && error <= MAX_FAST_ERROR;
        StringBuilder score = new StringBuilder("(0.0");
        List<Object> params = new ArrayList<>();
        for (int i : terms) {
            String column = columns.get(i);
            double min = ((Number) ranges.min(i)).doubleValue();
            double range = ((Number) ranges.max(i)).doubleValue() - min;
            double w = columnWeights.get(column);
            String quoted = IndexSchema.quote(column);
            if (fast) {
                score.append(ranges.clean()[i] ? " + COALESCE(" + quoted + " * ?, ?)"
                        : " + CASE WHEN " + counted(column) + " THEN " + quoted + " * ? ELSE ? END");
                params.add(w / range);
                params.add(w / range * min);
            } else {
                String term = "? * ((" + quoted + " - ?) / ?)"; // REAL arithmetic: ? is a bound double
                score.append(ranges.clean()[i] ? " + COALESCE(" + term + ", 0.0)"
                        : " + CASE WHEN " + counted(column) + " THEN " + term + " ELSE 0.0 END");
                params.add(w);
                params.add(min);
                params.add(range);
            }
        }
        score.append(')');
        return new Score(score.toString(), params, finite, fast ? error : 0.0, weightSum);
    }

    /**
     * Step 3: the rows that can make the shortlist — a superset of the rows whose rounded exact
     * score reaches the N-th rounded exact score: every row whose ranking score is within
     * {@link Score#span} of the N-th ranking score. Mostly one scan: the database's top-K sort
     * returns the best K = N + slack rows; when the K-th of them already falls outside the span,
     * no row beyond them can reach the shortlist. Only when more than the slack ties near the
     * cut-off does a second scan fetch every row within the span of that (now known) N-th score.
     * Each row holds the {@code fetched} columns, its ranking score under
     * {@link WeightedRanker#SCORE_KEY} and its rowid under {@link #ROWID_KEY}, in rowid order.
     * Only for a {@link Score#finite} score and a limit below the row count.
     */
    List<LinkedHashMap<String, Object>> shortlist(Score score, List<String> fetched, int limit, boolean ascending) {
        List<Object> params = new ArrayList<>(score.params());
        params.addAll(filterParams);
        String select = "SELECT " + fetched.stream().map(c -> "t." + IndexSchema.quote(c)).collect(Collectors.joining(", "))
                + ", t." + dialect.rowOrder() + " AS " + IndexSchema.quote(ROWID_KEY) + ", " + score.sql() + " AS "
                + IndexSchema.quote(WeightedRanker.SCORE_KEY) + " FROM " + IndexSchema.QUOTED_TABLE + " t";
        String where = condition == null ? "" : " WHERE (" + condition + ")";
        long topK = limit + Math.max(SLACK, limit / 4);
        String direction = ascending ? " ASC" : " DESC";
        // the sort carries only (rowid, score); the K rows' columns are joined afterwards (SQLite
        // builds every sorted record in full, a million times)
        List<LinkedHashMap<String, Object>> best = index.selectReadOnly("SELECT "
                + fetched.stream().map(c -> "t." + IndexSchema.quote(c)).collect(Collectors.joining(", "))
                + ", k.r AS " + IndexSchema.quote(ROWID_KEY) + ", k.s AS " + IndexSchema.quote(WeightedRanker.SCORE_KEY)
                + " FROM (SELECT " + dialect.rowOrder() + " AS r, " + score.sql() + " AS s" + from + " ORDER BY s"
                + direction + " LIMIT " + topK + ") k JOIN " + IndexSchema.QUOTED_TABLE + " t ON t." + dialect.rowOrder()
                + " = k.r ORDER BY k.s" + direction, params);
        double cutoff = rankingScore(best.get(limit - 1));
        double bound = ascending ? cutoff + score.span() : cutoff - score.span();
        double last = rankingScore(best.get(best.size() - 1));
        if (best.size() == topK && (ascending ? last <= bound : last >= bound)) {
            params.addAll(score.params()); // the WHERE repeats the score expression
            params.add(bound);
            return index.selectReadOnly(select + (condition == null ? " WHERE " : where + " AND ") + score.sql()
                    + (ascending ? " <= ?" : " >= ?") + " ORDER BY t." + dialect.rowOrder(), params);
        }
        List<LinkedHashMap<String, Object>> candidates = new ArrayList<>();
        for (LinkedHashMap<String, Object> row : best) {
            double s = rankingScore(row);
            if (ascending ? s <= bound : s >= bound) {
                candidates.add(row);
            }
        }
        candidates.sort(Comparator.comparingLong(row -> ((Number) row.get(ROWID_KEY)).longValue()));
        return candidates;
    }

    /**
     * Every filtered row, for a ranking without a limit below the row count: the projection, the
     * rowid under {@link #ROWID_KEY} and the {@code exact} score under
     * {@link WeightedRanker#SCORE_KEY}, in rowid order. Fetching the score instead of the weighted
     * columns keeps each of, say, 100,000 rows small.
     */
    List<LinkedHashMap<String, Object>> everyRow(Score exact, List<String> projection) {
        List<Object> params = new ArrayList<>(exact.params());
        params.addAll(filterParams);
        return index.selectReadOnly("SELECT " + projection.stream().map(c -> "t." + IndexSchema.quote(c))
                .collect(Collectors.joining(", ")) + ", t." + dialect.rowOrder() + " AS " + IndexSchema.quote(ROWID_KEY)
                + ", " + exact.sql() + " AS " + IndexSchema.quote(WeightedRanker.SCORE_KEY) + " FROM "
                + IndexSchema.QUOTED_TABLE + " t" + (condition == null ? "" : " WHERE (" + condition + ")")
                + " ORDER BY t." + dialect.rowOrder(), params);
    }

    private static double rankingScore(Map<String, Object> row) {
        return ((Number) row.get(WeightedRanker.SCORE_KEY)).doubleValue();
    }

    /**
     * The lowest and highest value of an indexed column over every row, as two scalar subqueries
     * that PostgreSQL turns into one index probe each; {@code finite} bounds the probes to the
     * finite numbers (the first and last entry strictly between -inf and +inf).
     */
    private String indexEnds(String column, int i, boolean finite) {
        String quoted = IndexSchema.quote(column);
        String table = " FROM " + IndexSchema.QUOTED_TABLE;
        return "(SELECT MIN(" + quoted + ")" + table + (finite ? " WHERE " + quoted + " > " + dialect.negativeInfinity() : "")
                + ") AS lo" + i + ", (SELECT MAX(" + quoted + ")" + table
                + (finite ? " WHERE " + quoted + " < " + dialect.positiveInfinity() : "") + ") AS hi" + i;
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
