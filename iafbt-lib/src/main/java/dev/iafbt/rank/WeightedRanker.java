package dev.iafbt.rank;

import dev.iafbt.index.BacktestIndex;
import dev.iafbt.index.IndexRow;
import dev.iafbt.index.IndexSchema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Weighted multi-metric ranking, the reference's {@code _rank_index_weighted}
 *: every weighted metric is min-max normalised over the rows that pass the
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
     * <p>The work stays in the database (the min/max pass, then one top-K scan ordered by a cheap
     * form of the score; see {@link WeightedRankSql}), so a million rows rank in two scans of the
     * table (one on PostgreSQL without a filter, where the ranges come from index ends); only the
     * rows whose rounded score can reach the shortlist are fetched, scored exactly, rounded as
     * Python does and stably ordered in Java. The result is exactly that of scoring all
     * filtered rows in memory.
     */
    public List<LinkedHashMap<String, Object>> rank(BacktestIndex index, IndexQuery query) {
        if (query.sortBy() != null) {
            throw new QueryException("a weighted ranking is ordered by its score; remove sortBy('"
                    + query.sortBy() + "') from the query");
        }
        ColumnResolver resolver = new ColumnResolver(index.columns());
        Map<String, Double> columnWeights = columnWeights(resolver);
        IndexQuery shown = query.columns().isEmpty()
                ? query.toBuilder().columns(IndexQuery.DEFAULT_RANK_COLUMNS).build() : query;
        List<String> projection = shown.projection(index.columns());
        WeightedRankSql sql = new WeightedRankSql(index, shown.condition(resolver, index.dialect()), shown.parameters());

        Integer limit = query.limit();
        WeightedRankSql.Ranges ranges = sql.minMaxPass(new ArrayList<>(columnWeights.keySet()), limit);
        if (ranges.rowCount() == 0 || (limit != null && limit == 0)) {
            return new ArrayList<>();
        }
        boolean everyRow = limit == null || limit >= ranges.rowCount();
        WeightedRankSql.Score score = sql.scoreExpression(ranges, columnWeights, !everyRow);
        if (!score.finite()) {
            return scoredInJava(index, shown, projection, columnWeights);
        }
        if (everyRow) { // the exact score, computed by the database in the same IEEE order as score()
            List<LinkedHashMap<String, Object>> rows = sql.everyRow(score, projection);
            double[] scores = new double[rows.size()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = round6(((Number) rows.get(i).get(SCORE_KEY)).doubleValue());
            }
            List<LinkedHashMap<String, Object>> out = new ArrayList<>(rows.size());
            for (int i : order(scores, query.ascending(), limit)) {
                LinkedHashMap<String, Object> row = rows.get(i); // projection, rowid, score: reused in place
                row.remove(WeightedRankSql.ROWID_KEY);
                row.put(SCORE_KEY, scores[i]);
                out.add(row);
            }
            return out;
        }
        List<LinkedHashMap<String, Object>> candidates = sql.shortlist(score, withWeightedColumns(projection, columnWeights),
                limit, query.ascending());
        Map<String, double[]> finiteRanges = ranges.finite();
        List<String> columns = new ArrayList<>(columnWeights.keySet());
        double[][] rangeOf = new double[columns.size()][];
        for (int j = 0; j < rangeOf.length; j++) {
            rangeOf[j] = finiteRanges.get(columns.get(j));
        }
        double[] scores = scores(counted(candidates, columns), weights(columnWeights), rangeOf);
        List<LinkedHashMap<String, Object>> out = new ArrayList<>();
        for (int i : order(scores, query.ascending(), limit)) {
            out.add(projected(candidates.get(i), projection, scores[i]));
        }
        return out;
    }

    /**
     * One place of an in-memory ranking.
     *
     * @param index the row's position in the list that was ranked
     * @param score its rounded score
     */
    public record Placed(int index, double score) {
    }

    /**
     * Ranks index rows held in memory, highest score first, exactly as {@link #rank} ranks the same
     * rows in an index without a filter (ties keep the given order, as the index keeps row order):
     * the columns are the index's, the values those the index stores, and the scoring is the one
     * {@link #rank} is verified against. For callers that have bundles but no index, such as the
     * sweep gate of a check.
     *
     * @return one entry per row, best first
     */
    public List<Placed> rankRows(List<IndexRow> rows) {
        return rankRows(new RowColumns(rows));
    }

    /** {@link #rankRows(List)} of rows some of whose columns other rankings may already have read. */
    public List<Placed> rankRows(RowColumns rows) {
        Map<String, Double> columnWeights = columnWeights(new ColumnResolver(IndexSchema.columnNames()));
        List<String> columns = new ArrayList<>(columnWeights.keySet());
        double[][] counted = new double[columns.size()][];
        for (int j = 0; j < counted.length; j++) { // only the weighted columns: columnValues() encodes every JSON column
            counted[j] = rows.counted(columns.get(j));
        }
        double[] scores = scores(counted, weights(columnWeights), ranges(counted));
        List<Placed> placed = new ArrayList<>(scores.length);
        for (int i : order(scores, false, null)) {
            placed.add(new Placed(i, scores[i]));
        }
        return placed;
    }

    /**
     * Index rows held in memory, read a column at a time and each column once: the four focus
     * presets weigh many of the same columns, and ranking 12,500 rows by all four read every value
     * of those columns again for each. Not for use by several threads at once.
     */
    public static final class RowColumns {
        private final List<IndexRow> rows;
        private final Map<String, double[]> counted = new HashMap<>();

        public RowColumns(List<IndexRow> rows) {
            this.rows = rows;
        }

        /** Each row's counted value of {@code column} (see {@link #countedValue}), NaN when it does not count. */
        double[] counted(String column) {
            return counted.computeIfAbsent(column, c -> {
                Function<IndexRow, Object> reader = IndexRow.columnReader(c);
                double[] out = new double[rows.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = reader == null ? Double.NaN : countedOrNaN(reader.apply(rows.get(i)));
                }
                return out;
            });
        }
    }

    /**
     * Every filtered row fetched and scored by {@link #score}, as the reference scores it, for the
     * rare score that can overflow (a range or the weights near {@link Double#MAX_VALUE}; ±inf
     * and NaN included), because PostgreSQL refuses an overflowing arithmetic that SQLite and
     * Java carry on with.
     */
    private static List<LinkedHashMap<String, Object>> scoredInJava(BacktestIndex index, IndexQuery shown,
            List<String> projection, Map<String, Double> columnWeights) {
        List<LinkedHashMap<String, Object>> all = shown.toBuilder().columns(withWeightedColumns(projection, columnWeights))
                .limit(null).build().run(index);
        List<LinkedHashMap<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : score(all, columnWeights, shown.ascending(), shown.limit())) {
            out.add(projected(row, projection, (Double) row.get(SCORE_KEY)));
        }
        return out;
    }

    /** The shown columns, then the weighted ones not among them: what scoring a fetched row needs. */
    private static List<String> withWeightedColumns(List<String> projection, Map<String, Double> columnWeights) {
        List<String> fetched = new ArrayList<>(projection);
        columnWeights.keySet().stream().filter(c -> !fetched.contains(c)).forEach(fetched::add);
        return fetched;
    }

    private static LinkedHashMap<String, Object> projected(Map<String, Object> row, List<String> projection, double score) {
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        projection.forEach(c -> out.put(c, row.get(c)));
        out.put(SCORE_KEY, score);
        return out;
    }

    /**
     * Positions in ranked order: a stable sort by score (descending unless {@code ascending}),
     * truncated to {@code limit} (null for all). {@code 0.0} and {@code -0.0} tie, as in Python.
     * A NaN score (only when a range or the weights overflow) sorts after every number in either
     * direction: compared as Python compares it, NaN would break the sort's contract.
     */
    private static int[] order(double[] scores, boolean ascending, Integer limit) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Comparator<Integer> byScore = (a, b) -> scores[a] < scores[b] ? -1 : scores[a] > scores[b] ? 1 : 0;
        Comparator<Integer> nanLast = Comparator.comparing(i -> Double.isNaN(scores[i]));
        Arrays.sort(order, nanLast.thenComparing(ascending ? byScore : byScore.reversed())); // stable: ties keep index order
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
        double[] scores = scores(rows, columnWeights);
        int[] order = order(scores, ascending, limit);
        List<LinkedHashMap<String, Object>> ranked = new ArrayList<>(order.length);
        for (int i : order) {
            LinkedHashMap<String, Object> copy = new LinkedHashMap<>(rows.get(i));
            copy.put(SCORE_KEY, scores[i]);
            ranked.add(copy);
        }
        return ranked;
    }

    /** Each row's rounded score: {@code Σ weight · min-max normalised value} over the counted values. */
    private static double[] scores(List<? extends Map<String, Object>> rows, Map<String, Double> columnWeights) {
        double[][] counted = counted(rows, new ArrayList<>(columnWeights.keySet()));
        return scores(counted, weights(columnWeights), ranges(counted));
    }

    /**
     * The one scoring: per row {@code Σ w·(v−min)/(max−min)} over the weighted columns in order,
     * rounded as Python rounds; a value that does not count (NaN here) or a column without a range
     * adds nothing. Column arrays rather than a map per row: ranking a 12,500-row index in memory
     * looked every value up twice per focus.
     *
     * @param counted per weighted column, each row's counted value or NaN
     * @param ranges  per weighted column its (min, max), or null when it has none
     */
    private static double[] scores(double[][] counted, double[] weights, double[][] ranges) {
        int rows = counted.length == 0 ? 0 : counted[0].length;
        double[] scores = new double[rows];
        for (int i = 0; i < rows; i++) {
            double score = 0.0;
            for (int j = 0; j < counted.length; j++) {
                double value = counted[j][i];
                double[] range = ranges[j];
                if (!Double.isNaN(value) && range != null) {
                    double normalised = range[1] == range[0] ? 0.0 : (value - range[0]) / (range[1] - range[0]);
                    score += weights[j] * normalised;
                }
            }
            scores[i] = round6(score);
        }
        return scores;
    }

    /** (min, max) per column over the counted values; null for a column without any. */
    private static double[][] ranges(double[][] counted) {
        double[][] ranges = new double[counted.length][];
        for (int j = 0; j < counted.length; j++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            boolean any = false;
            for (double value : counted[j]) {
                if (!Double.isNaN(value)) {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                    any = true;
                }
            }
            ranges[j] = any ? new double[] {min, max} : null;
        }
        return ranges;
    }

    /** Per column, each row's counted value or NaN. */
    private static double[][] counted(List<? extends Map<String, Object>> rows, List<String> columns) {
        double[][] counted = new double[columns.size()][rows.size()];
        for (int j = 0; j < counted.length; j++) {
            for (int i = 0; i < rows.size(); i++) {
                counted[j][i] = countedOrNaN(rows.get(i).get(columns.get(j)));
            }
        }
        return counted;
    }

    private static double[] weights(Map<String, Double> columnWeights) {
        double[] weights = new double[columnWeights.size()];
        int j = 0;
        for (double w : columnWeights.values()) {
            weights[j++] = w;
        }
        return weights;
    }

    private static double countedOrNaN(Object value) {
        Double counted = countedValue(value);
        return counted == null ? Double.NaN : counted;
    }

    /** A value counts when it is a finite number; NULL, NaN, ±inf and text are skipped. */
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
