package dev.iafbt.check;

import dev.iafbt.index.IndexRow;
import dev.iafbt.model.SummaryField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed between two sweeps (a base and a head: two folders, indexes or stores read as
 * index rows): per algorithm id the metric deltas and the rank shift, the strategies that are new
 * and those that were removed, and the regressions beyond an allowed worsening ("no strategy's
 * Sharpe drops by more than 0.2"). Worse is judged in each metric's own direction (lower is better
 * for drawdowns, volatility and losses, as for the baseline). An algorithm id that occurs twice on
 * one side is compared by its first row; {@link #duplicates()} names the others.
 */
public final class SweepDiff {
    /** How a strategy differs between the two sweeps. */
    public enum Change { CHANGED, UNCHANGED, NEW, REMOVED }

    /** One metric of one strategy: null where a side has no value. */
    public record Delta(SummaryField metric, Double base, Double head) {
        /** head - base; NaN when either is missing. */
        public double difference() {
            return base == null || head == null ? Double.NaN : head - base;
        }

        /** How much worse head is than base in the metric's direction (negative = better); NaN when missing. */
        public double worsening() {
            double d = difference();
            return BaselineCheck.LOWER_IS_BETTER.contains(metric) ? d : -d;
        }
    }

    /** One strategy: its ranks by the ordering metric (1 = best; null on a side where it is absent) and its deltas. */
    public record Entry(String algorithmId, Change change, Integer baseRank, Integer headRank, List<Delta> deltas) {
        /** Places moved up (positive) or down (negative); null for new or removed strategies. */
        public Integer rankShift() {
            return baseRank == null || headRank == null ? null : baseRank - headRank;
        }
    }

    /** A metric that got worse by more than allowed. */
    public record Regression(String algorithmId, SummaryField metric, double base, double head, double allowed) {
        /** {@code momentum_fast: sharpe_ratio 1.42 -> 1.05 (worse by 0.37, allowed 0.2)}. */
        public String describe() {
            return algorithmId + ": " + metric.key() + " " + MetricUnits.format(base) + " -> " + MetricUnits.format(head)
                    + " (worse by " + MetricUnits.format(Math.abs(head - base)) + ", allowed " + MetricUnits.format(allowed) + ")";
        }
    }

    private final SummaryField orderBy;
    private final List<SummaryField> metrics;
    private final List<Entry> entries;
    private final List<Regression> regressions;
    private final List<String> duplicates;

    private SweepDiff(SummaryField orderBy, List<SummaryField> metrics, List<Entry> entries, List<Regression> regressions,
            List<String> duplicates) {
        this.orderBy = orderBy;
        this.metrics = metrics;
        this.entries = entries;
        this.regressions = regressions;
        this.duplicates = duplicates;
    }

    /**
     * @param orderBy the metric both sweeps are ranked by, for the rank shift
     * @param metrics the metrics compared (the ordering metric is added first when missing)
     * @param allowedWorsening per metric, how much worse a strategy may get before it is a regression
     */
    public static SweepDiff of(List<IndexRow> base, List<IndexRow> head, SummaryField orderBy, List<SummaryField> metrics,
            Map<SummaryField, Double> allowedWorsening) {
        List<SummaryField> compared = new ArrayList<>();
        compared.add(orderBy);
        metrics.stream().filter(m -> !compared.contains(m)).forEach(compared::add);
        allowedWorsening.keySet().stream().filter(m -> !compared.contains(m)).forEach(compared::add);
        List<String> duplicates = new ArrayList<>();
        Map<String, IndexRow> baseById = byId(base, "base", duplicates);
        Map<String, IndexRow> headById = byId(head, "head", duplicates);
        Map<String, Integer> baseRanks = ranks(baseById, orderBy);
        Map<String, Integer> headRanks = ranks(headById, orderBy);
        Set<String> ids = new TreeSet<>(baseById.keySet());
        ids.addAll(headById.keySet());
        List<Entry> entries = new ArrayList<>();
        List<Regression> regressions = new ArrayList<>();
        for (String id : ids) {
            IndexRow before = baseById.get(id);
            IndexRow after = headById.get(id);
            List<Delta> deltas = compared.stream().map(m -> new Delta(m, value(before, m), value(after, m))).toList();
            Change change = before == null ? Change.NEW : after == null ? Change.REMOVED
                    : deltas.stream().allMatch(d -> same(d.base(), d.head())) ? Change.UNCHANGED : Change.CHANGED;
            entries.add(new Entry(id, change, baseRanks.get(id), headRanks.get(id), deltas));
            for (Delta delta : deltas) {
                Double allowed = allowedWorsening.get(delta.metric());
                if (allowed != null && delta.worsening() > allowed) {
                    regressions.add(new Regression(id, delta.metric(), delta.base(), delta.head(), allowed));
                }
            }
        }
        // the order a reader wants: head's ranking first, then what was removed
        entries.sort(Comparator.comparing((Entry e) -> e.headRank() == null ? Integer.MAX_VALUE : e.headRank())
                .thenComparing(Entry::algorithmId));
        return new SweepDiff(orderBy, List.copyOf(compared), List.copyOf(entries), List.copyOf(regressions),
                List.copyOf(duplicates));
    }

    public SummaryField orderBy() {
        return orderBy;
    }

    public List<SummaryField> metrics() {
        return metrics;
    }

    /** Every strategy of either sweep, in head's rank order, then the removed ones. */
    public List<Entry> entries() {
        return entries;
    }

    public List<Entry> of(Change change) {
        return entries.stream().filter(e -> e.change() == change).toList();
    }

    public List<Regression> regressions() {
        return regressions;
    }

    /** {@code head: momo_1 (3 rows)}: algorithm ids that occur more than once on a side. */
    public List<String> duplicates() {
        return duplicates;
    }

    /** {@code 24 in base, 25 in head: 20 changed, 3 unchanged, 2 new, 1 removed; 1 regression(s)}. */
    public String summary() {
        long inBase = entries.stream().filter(e -> e.change() != Change.NEW).count();
        long inHead = entries.stream().filter(e -> e.change() != Change.REMOVED).count();
        return inBase + " in base, " + inHead + " in head: " + of(Change.CHANGED).size() + " changed, "
                + of(Change.UNCHANGED).size() + " unchanged, " + of(Change.NEW).size() + " new, "
                + of(Change.REMOVED).size() + " removed; " + regressions.size() + " regression(s)";
    }

    /** Flat rows for CSV and JSON: one per strategy, {@code <metric>_base}, {@code _head}, {@code _delta} per metric. */
    public List<LinkedHashMap<String, Object>> rows() {
        List<LinkedHashMap<String, Object>> rows = new ArrayList<>();
        for (Entry entry : entries) {
            LinkedHashMap<String, Object> row = new LinkedHashMap<>();
            row.put("algorithm_id", entry.algorithmId());
            row.put("change", entry.change().name().toLowerCase(Locale.ROOT));
            row.put("base_rank", entry.baseRank() == null ? null : (long) entry.baseRank());
            row.put("head_rank", entry.headRank() == null ? null : (long) entry.headRank());
            row.put("rank_shift", entry.rankShift() == null ? null : (long) entry.rankShift());
            for (Delta delta : entry.deltas()) {
                row.put(delta.metric().key() + "_base", delta.base());
                row.put(delta.metric().key() + "_head", delta.head());
                row.put(delta.metric().key() + "_delta", Double.isNaN(delta.difference()) ? null : delta.difference());
            }
            rows.add(row);
        }
        return rows;
    }

    /** The columns of {@link #rows()}, in order. */
    public List<String> columns() {
        List<String> columns = new ArrayList<>(List.of("algorithm_id", "change", "base_rank", "head_rank", "rank_shift"));
        metrics.forEach(m -> columns.addAll(List.of(m.key() + "_base", m.key() + "_head", m.key() + "_delta")));
        return columns;
    }

    private static Map<String, IndexRow> byId(List<IndexRow> rows, String side, List<String> duplicates) {
        Map<String, IndexRow> byId = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (IndexRow row : rows) {
            String id = String.valueOf(row.algorithmId());
            byId.putIfAbsent(id, row);
            counts.merge(id, 1, Integer::sum);
        }
        new TreeSet<>(counts.keySet()).stream().filter(id -> counts.get(id) > 1)
                .forEach(id -> duplicates.add(side + ": " + id + " (" + counts.get(id) + " rows)"));
        return byId;
    }

    /** 1 = best in the metric's direction; strategies without a finite value rank last, by id. */
    private static Map<String, Integer> ranks(Map<String, IndexRow> byId, SummaryField orderBy) {
        boolean lowerIsBetter = BaselineCheck.LOWER_IS_BETTER.contains(orderBy);
        Comparator<Double> better = lowerIsBetter ? Comparator.naturalOrder() : Comparator.<Double>reverseOrder();
        List<String> ordered = byId.keySet().stream()
                .sorted(Comparator.comparing((String id) -> finiteOrNull(value(byId.get(id), orderBy)),
                        Comparator.nullsLast(better)).thenComparing(Comparator.naturalOrder()))
                .toList();
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            ranks.put(ordered.get(i), i + 1);
        }
        return ranks;
    }

    private static Double value(IndexRow row, SummaryField metric) {
        if (row == null) {
            return null;
        }
        Number value = row.summary(metric);
        return value == null ? null : value.doubleValue();
    }

    private static Double finiteOrNull(Double value) {
        return value == null || !Double.isFinite(value) ? null : value;
    }

    private static boolean same(Double a, Double b) {
        return a == null ? b == null : b != null && Double.compare(a, b) == 0;
    }
}
