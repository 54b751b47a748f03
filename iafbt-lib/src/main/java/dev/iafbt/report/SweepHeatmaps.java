package dev.iafbt.report;

import dev.iafbt.report.ReportView.Cell;
import dev.iafbt.report.ReportView.SweepHeatmap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * The parameter-sweep heatmap: one metric over the two parameters that vary most. A cell holds
 * the best value among the strategies with that pair (the other parameters vary inside the
 * cell, and the note says so). It answers whether an optimum is a plateau or a lone spike.
 */
final class SweepHeatmaps {
    private static final int MAX_VALUES = 40;

    private SweepHeatmaps() {
    }

    /**
     * @param metric label of the metric; {@code value} gives it (NaN when missing)
     * @param higherIsBetter which end of the metric is "best" in a cell
     * @return null when fewer than two parameters take 2..40 values
     */
    static SweepHeatmap build(List<Strategy> strategies, String metric, ToDoubleFunction<Strategy> value,
            boolean higherIsBetter) {
        Map<String, TreeSet<String>> distinct = new HashMap<>();
        for (Strategy s : strategies) {
            s.parameters().forEach((k, v) -> distinct.computeIfAbsent(k, x -> new TreeSet<>()).add(v));
        }
        List<String> candidates = distinct.entrySet().stream()
                .filter(e -> e.getValue().size() >= 2 && e.getValue().size() <= MAX_VALUES)
                .map(Map.Entry::getKey)
                .sorted(Comparator.comparingInt((String k) -> -distinct.get(k).size()).thenComparing(k -> k))
                .toList();
        if (candidates.size() < 2) {
            return null;
        }
        String xParam = candidates.get(0);
        String yParam = candidates.get(1);
        List<String> xs = sortedValues(distinct.get(xParam));
        List<String> ys = sortedValues(distinct.get(yParam));
        double[][] best = new double[ys.size()][xs.size()];
        for (double[] row : best) {
            Arrays.fill(row, Double.NaN);
        }
        for (Strategy s : strategies) {
            int x = xs.indexOf(s.parameters().get(xParam));
            int y = ys.indexOf(s.parameters().get(yParam));
            double v = value.applyAsDouble(s);
            if (x < 0 || y < 0 || !Double.isFinite(v)) {
                continue;
            }
            double old = best[y][x];
            if (Double.isNaN(old) || (higherIsBetter ? v > old : v < old)) {
                best[y][x] = v;
            }
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : best) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        List<List<Cell>> cells = new ArrayList<>();
        for (double[] row : best) {
            List<Cell> out = new ArrayList<>();
            for (double v : row) {
                out.add(cell(v, lo, hi, higherIsBetter));
            }
            cells.add(out);
        }
        int others = distinct.size() - 2;
        String note = others <= 0 ? "" : "Each cell shows the " + (higherIsBetter ? "highest" : "lowest")
                + " value over the other " + others + " parameter(s).";
        return new SweepHeatmap(metric, xParam, yParam, xs, ys, cells, note);
    }

    private static Cell cell(double v, double lo, double hi, boolean higherIsBetter) {
        if (!Double.isFinite(v)) {
            return Cell.plain("");
        }
        double t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
        int bucket = (int) Math.min(4, Math.floor((higherIsBetter ? t : 1 - t) * 5));
        return new Cell(Fmt.num(v, 3), Fmt.sortKey(v), "q" + bucket);
    }

    /** Numeric values in numeric order when all are numbers, else text order. */
    static List<String> sortedValues(TreeSet<String> values) {
        List<String> out = new ArrayList<>(values);
        boolean numeric = out.stream().allMatch(SweepHeatmaps::isNumber);
        if (numeric) {
            out.sort(Comparator.comparingDouble(Double::parseDouble));
        }
        return out;
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
