package dev.iafbt.rank;

import dev.iafbt.index.IndexSchema;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.model.SummaryField;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Weighted multi-metric ranking, the reference's {@code _rank_index_weighted}
 * (index-stores.md §2.3): every weighted metric is min-max normalised over the rows that pass the
 * filter, the score is {@code Σ weight · normalised value} rounded to 6 decimals, and rows are
 * stably sorted by score (descending unless the query says ascending), ties keeping index order.
 * NULL, NaN and ±inf values are skipped: they neither set the range nor contribute.
 *
 * <p>Metrics of a preset that the index has no column for contribute nothing, as in the
 * reference; a <em>custom</em> metric that the index lacks is refused, because there it is
 * almost always a typo that the reference would silently ignore.
 */
public final class WeightedRanker {
    /** Key of the score in each ranked row. */
    public static final String SCORE_KEY = "_score";

    private final Map<String, Double> weights;
    private final Set<String> customMetrics;

    private WeightedRanker(Map<String, Double> weights, Set<String> customMetrics) {
        this.weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        this.customMetrics = Set.copyOf(customMetrics);
    }

    /** The preset's weights alone. */
    public static WeightedRanker forFocus(EvaluationFocus focus) {
        return forFocus(focus, Map.of());
    }

    /** Custom weights merged onto the preset ({@code focus} null means BALANCED, like the reference). */
    public static WeightedRanker forFocus(EvaluationFocus focus, Map<String, Double> customWeights) {
        Set<String> custom = new HashSet<>();
        customWeights.keySet().forEach(metric -> custom.add(RankWeights.bareName(metric)));
        return new WeightedRanker(RankWeights.merge(focus, customWeights), custom);
    }

    /** The effective weights by metric name, in scoring order. */
    public Map<String, Double> weights() {
        return weights;
    }

    /**
     * Ranks the rows selected by {@code query}'s filter. The query's projection (default
     * {@link IndexQuery#DEFAULT_RANK_COLUMNS} when empty) plus {@link #SCORE_KEY} make up each
     * result row; its limit and direction apply to the score. A sort column is refused: the score
     * is the order.
     *
     * <p>The work stays in SQLite, so 100,000 rows rank in a few hundred milliseconds instead of
     * reading every weighted value through JDBC: one aggregate query computes every (min, max);
     * the raw score {@code Σ w·(v−min)/(max−min)} is an SQL expression over bound doubles, which
     * SQLite evaluates in the same IEEE order as {@link #score}; SQLite's top-N sort finds the
     * N-th raw score; and only the rows whose rounded score can reach the shortlist (a superset:
     * the N-th rounded score minus the rounding span) are fetched, rounded as Python does and
     * stably ordered in Java. The result is exactly {@link #score}'s over all filtered rows.
     */
    public List<LinkedHashMap<String, Object>> rank(SqliteIndex index, IndexQuery query) {
        if (query.sortBy() != null) {
            throw new QueryException("a weighted ranking is ordered by its score; remove sortBy('"
                    + query.sortBy() + "') from the query");
        }
        ColumnResolver resolver = new ColumnResolver(index.columns());
        Map<String, Double> columnWeights = columnWeights(resolver);
        IndexQuery shown = query.columns().isEmpty()
                ? query.toBuilder().columns(IndexQuery.DEFAULT_RANK_COLUMNS).build() : query;
        List<String> projection = shown.projection(index.columns());
        String condition = shown.condition(resolver);
        String from = " FROM " + IndexSchema.QUOTED_TABLE + (condition == null ? "" : " WHERE (" + condition + ")");
        List<Object> filterParams = shown.parameters();

        // 1. (min, max) of the counted values of every column. Plain MIN/MAX are exact unless the
        //    column holds -inf (MIN is -inf) or +inf/text (MAX is +inf or text); the ratios that
        //    are infinite whenever their denominator is zero get the finite-only predicate right
        //    away, any other column only in a second pass when its plain result shows it is needed.
        List<String> columns = new ArrayList<>(columnWeights.keySet());
        StringBuilder aggregate = new StringBuilder("SELECT COUNT(*) AS n");
        for (int i = 0; i < columns.size(); i++) {
            aggregate.append(", ").append(MAY_BE_INFINITE.contains(columns.get(i))
                    ? finiteMinMax(columns.get(i), i) : plainMinMax(columns.get(i), i));
        }
        List<Object> stats = new ArrayList<>(index.selectReadOnly(aggregate + from, filterParams).get(0).values());
        long rowCount = ((Number) stats.get(0)).longValue();
        Integer limit = query.limit();
        if (rowCount == 0 || (limit != null && limit == 0)) {
            return new ArrayList<>();
        }
        boolean[] clean = new boolean[columns.size()];
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

        // 2. the raw score as an expression; columns without a range, or with max == min, add 0.
        //    In a column without ±inf or text a value counts exactly when it is not NULL, and NULL
        //    propagates through the arithmetic, so IFNULL(term, 0.0) skips it.
        StringBuilder score = new StringBuilder("(0.0");
        List<Object> scoreParams = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Object lo = stats.get(1 + 2 * i);
            Object hi = stats.get(2 + 2 * i);
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
            score.append(clean[i] ? " + IFNULL(" + term + ", 0.0)"
                    : " + CASE WHEN " + counted(columns.get(i)) + " THEN " + term + " ELSE 0.0 END");
            scoreParams.add(columnWeights.get(columns.get(i)));
            scoreParams.add(min);
            scoreParams.add(max - min);
        }
        score.append(')');
        boolean ascending = query.ascending();
        List<Object> params = new ArrayList<>(scoreParams);
        params.addAll(filterParams);
        String projected = projection.stream().map(c -> "t." + IndexSchema.quote(c)).collect(Collectors.joining(", "));
        String rowid = IndexSchema.quote(ROWID_KEY);
        String scoreKey = IndexSchema.quote(SCORE_KEY);

        // 3. the rows that can make the shortlist, in one statement: score every row once, find
        //    the N-th score with SQLite's top-N sort, keep the rows within the rounding span of it
        //    (a superset of the rows whose rounded score reaches the N-th rounded score)
        List<LinkedHashMap<String, Object>> rows = null;
        if (limit != null && limit < rowCount) {
            String sql = "WITH sc AS MATERIALIZED (SELECT rowid AS r, " + score + " AS s" + from + "), "
                    + "th AS (SELECT s FROM sc ORDER BY s " + (ascending ? "ASC" : "DESC") + " LIMIT 1 OFFSET " + (limit - 1) + ") "
                    + "SELECT " + projected + ", sc.r AS " + rowid + ", sc.s AS " + scoreKey
                    + " FROM sc JOIN " + IndexSchema.QUOTED_TABLE + " t ON t.rowid = sc.r WHERE sc.s "
                    + (ascending ? "<= (SELECT s + " : ">= (SELECT s - ") + "(2e-6 + abs(s) * 1e-15) FROM th)"
                    + " ORDER BY sc.r";
            rows = index.selectReadOnly(sql, params);
            if (rows.size() < limit) {
                rows = null; // a score SQLite could not compute (NaN); rank every row instead
            }
        }
        if (rows == null) {
            rows = index.selectReadOnly("SELECT " + projected + ", t.rowid AS " + rowid + ", " + score + " AS " + scoreKey + " FROM " + IndexSchema.QUOTED_TABLE + " t"
                    + (condition == null ? "" : " WHERE (" + condition + ")") + " ORDER BY t.rowid", params);
        }

        // 4. Python's rounding and a stable sort, ties in index order
        double[] scores = new double[rows.size()];
        for (int i = 0; i < scores.length; i++) {
            Object raw = rows.get(i).get(SCORE_KEY);
            scores[i] = round6(raw instanceof Number n ? n.doubleValue() : Double.NaN);
        }
        List<LinkedHashMap<String, Object>> out = new ArrayList<>();
        for (int i : order(scores, ascending, limit)) {
            LinkedHashMap<String, Object> row = rows.get(i);
            row.remove(ROWID_KEY);
            row.put(SCORE_KEY, scores[i]);
            out.add(row);
        }
        return out;
    }

    /**
     * Metrics that are +inf whenever their denominator is zero (no losses, no drawdown, no
     * downside): their range needs the finite-only predicate in practically every sweep.
     */
    private static final Set<String> MAY_BE_INFINITE = Set.of(SummaryField.PROFIT_FACTOR.column(),
            SummaryField.WIN_LOSS_RATIO.column(), SummaryField.CURRENT_WIN_LOSS_RATIO.column(),
            SummaryField.CALMAR_RATIO.column(), SummaryField.SORTINO_RATIO.column());

    private static String plainMinMax(String column, int i) {
        String quoted = IndexSchema.quote(column);
        return "MIN(" + quoted + ") AS lo" + i + ", MAX(" + quoted + ") AS hi" + i;
    }

    /**
     * MIN/MAX over the finite numbers only: {@code 'text' > -9e999} is true but MIN prefers any
     * number to text, and {@code 'text' < 9e999} is false; a result that is still ±inf or text
     * means the column has no finite value.
     */
    private static String finiteMinMax(String column, int i) {
        String quoted = IndexSchema.quote(column);
        return "MIN(CASE WHEN " + quoted + " > -9e999 THEN " + quoted + " END) AS lo" + i
                + ", MAX(CASE WHEN " + quoted + " < 9e999 THEN " + quoted + " END) AS hi" + i;
    }

    private static boolean isFinite(Object value) {
        return value instanceof Number n && Double.isFinite(n.doubleValue());
    }

    /** The internal rowid alias of a candidate row; never part of a result. */
    private static final String ROWID_KEY = "_iafbt_rowid";

    /** SQL for "the value counts": a finite number. NULL and text fail both comparisons, ±inf one. */
    private static String counted(String column) {
        String quoted = IndexSchema.quote(column);
        return "(" + quoted + " > -9e999 AND " + quoted + " < 9e999)";
    }

    /**
     * Positions in ranked order: a stable sort by score (descending unless {@code ascending}),
     * truncated to {@code limit} (null for all). {@code 0.0} and {@code -0.0} tie, as in Python.
     */
    private static int[] order(double[] scores, boolean ascending, Integer limit) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Comparator<Integer> byScore = (a, b) -> scores[a] < scores[b] ? -1 : scores[a] > scores[b] ? 1 : 0;
        Arrays.sort(order, ascending ? byScore : byScore.reversed()); // stable: ties keep index order
        int count = limit == null ? order.length : Math.min(limit, order.length);
        int[] out = new int[count];
        for (int k = 0; k < count; k++) {
            out[k] = order[k];
        }
        return out;
    }

    /** Resolves each weighted metric to a table column; absent preset metrics drop out. */
    private Map<String, Double> columnWeights(ColumnResolver resolver) {
        Map<String, Double> byColumn = new LinkedHashMap<>();
        weights.forEach((metric, weight) -> {
            var column = resolver.find(metric);
            if (column.isPresent()) {
                byColumn.merge(column.get(), weight, Double::sum);
            } else if (customMetrics.contains(metric)) {
                throw resolver.unknown(metric, "weight");
            }
        });
        return byColumn;
    }

    /**
     * The scoring itself, on rows already fetched: adds {@link #SCORE_KEY} to a copy of each row,
     * sorts stably and truncates to {@code limit} (null for all). Pure, so it is testable alone.
     */
    static List<LinkedHashMap<String, Object>> score(List<? extends Map<String, Object>> rows,
            Map<String, Double> columnWeights, boolean ascending, Integer limit) {
        Map<String, double[]> ranges = ranges(rows, columnWeights.keySet());
        double[] scores = new double[rows.size()];
        for (int i = 0; i < scores.length; i++) {
            Map<String, Object> row = rows.get(i);
            double score = 0.0;
            for (Map.Entry<String, Double> weight : columnWeights.entrySet()) {
                Double value = countedValue(row.get(weight.getKey()));
                double[] range = ranges.get(weight.getKey());
                if (value != null && range != null) {
                    double normalised = range[1] == range[0] ? 0.0 : (value - range[0]) / (range[1] - range[0]);
                    score += weight.getValue() * normalised;
                }
            }
            scores[i] = round6(score);
        }
        int[] order = order(scores, ascending, limit);
        List<LinkedHashMap<String, Object>> ranked = new ArrayList<>(order.length);
        for (int i : order) {
            LinkedHashMap<String, Object> copy = new LinkedHashMap<>(rows.get(i));
            copy.put(SCORE_KEY, scores[i]);
            ranked.add(copy);
        }
        return ranked;
    }

    /** (min, max) per column over the counted values; no entry when a column has none. */
    private static Map<String, double[]> ranges(List<? extends Map<String, Object>> rows, Set<String> columns) {
        Map<String, double[]> ranges = new LinkedHashMap<>();
        for (String column : columns) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            boolean any = false;
            for (Map<String, Object> row : rows) {
                Double value = countedValue(row.get(column));
                if (value != null) {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                    any = true;
                }
            }
            if (any) {
                ranges.put(column, new double[] {min, max});
            }
        }
        return ranges;
    }

    /** A value counts when it is a finite number; NULL, NaN, ±inf and text are skipped (§2.3 step 4). */
    private static Double countedValue(Object value) {
        if (value instanceof Number n && !(value instanceof BigDecimal)) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? d : null;
        }
        return null;
    }

    /**
     * Python's {@code round(x, 6)}: the decimal with 6 places nearest to the exact binary value
     * (half-even on exact ties), read back as the nearest double; a negative value that rounds to
     * zero gives {@code -0.0}, as in Python. Fast path: scale by 10^6 and round when the scaled
     * value is further from a half than its own rounding error; else exact BigDecimal arithmetic.
     */
    static double round6(double value) {
        if (!Double.isFinite(value)) {
            return value;
        }
        double rounded;
        double scaled = value * 1e6;
        double floor = Math.floor(scaled);
        double fraction = scaled - floor; // exact: both are multiples of ulp(scaled)
        if (Math.abs(scaled) < 0x1p50 && Math.abs(fraction - 0.5) > Math.ulp(scaled)) {
            rounded = (fraction > 0.5 ? floor + 1 : floor) / 1e6; // one correctly rounded division
        } else {
            rounded = new BigDecimal(value).setScale(6, RoundingMode.HALF_EVEN).doubleValue();
        }
        return rounded == 0 && (value < 0 || 1 / value < 0) ? -0.0 : rounded;
    }
}
