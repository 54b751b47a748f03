package dev.iafbt.report;

import dev.iafbt.model.SummaryField;
import dev.iafbt.report.ReportView.Cell;
import dev.iafbt.report.ReportView.Comparison;
import dev.iafbt.report.ReportView.Coverage;
import dev.iafbt.report.ReportView.CoverageRow;
import dev.iafbt.report.ReportView.Matrix;
import dev.iafbt.report.TearSheetBuilder.Detailed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The comparison page's analytics across strategies. Cross-strategy curves and correlations use
 * the detailed strategies' primary runs on the shared date axis; the scatter and the sweep
 * heatmap use every strategy's summary, so both scatter axes come from the same scope.
 */
final class ComparisonBuilder {
    /** How many curves the overlay charts draw before they stop being readable. */
    static final int MAX_OVERLAY = 8;
    /** Dots the risk/return scatter draws: 12,500 of them were a megabyte of one unreadable cloud. */
    static final int MAX_SCATTER = 1_000;
    /** Fewer shared days than this make a correlation meaningless; the cell stays empty. */
    static final int MIN_SHARED_DAYS = 20;

    private ComparisonBuilder() {
    }

    static Comparison build(List<Strategy> all, List<Detailed> detailed, Map<Strategy, String> anchors,
            ReportOptions options) {
        List<PlotCharts.Point> points = new ArrayList<>();
        for (Strategy s : all.subList(0, Math.min(MAX_SCATTER, all.size()))) {
            Double vol = s.metric(SummaryField.ANNUAL_VOLATILITY);
            Double cagr = s.metric(SummaryField.CAGR);
            if (vol != null && cagr != null) {
                points.add(new PlotCharts.Point(vol, cagr, s.algorithmId(), anchors.get(s)));
            }
        }
        String scatter = PlotCharts.scatter(points, "Annual volatility (summary, all windows)" + (all.size() > MAX_SCATTER
                ? String.format(Locale.ROOT, "; the %,d best-ranked of %,d strategies", MAX_SCATTER, all.size()) : ""),
                "CAGR (summary, all windows)");
        TimeChart equity = new TimeChart("Equity growth, top strategies", true, false);
        TimeChart drawdown = new TimeChart("Drawdown, top strategies", true, false);
        List<Detailed> shown = detailed.subList(0, Math.min(MAX_OVERLAY, detailed.size()));
        for (int i = 0; i < shown.size(); i++) {
            Detailed d = shown.get(i);
            String name = "#" + d.sheet().rank() + " " + d.strategy().algorithmId() + " (" + d.sheet().primaryRun() + ")";
            equity.line(name, Svg.color(i), d.primaryGrowth(), false);
            drawdown.line(name, Svg.color(i), d.primaryUnderwater(), false);
        }
        String scope = shown.isEmpty() ? "" : "The " + shown.size() + " best-ranked strategies, each with its longest run,"
                + " on one date axis.";
        return new Comparison(scatter, equity.render(), drawdown.render(), scope, correlation(detailed),
                coverage(detailed), sweep(all, options));
    }

    private static Matrix correlation(List<Detailed> detailed) {
        List<String> labels = detailed.stream().map(d -> "#" + d.sheet().rank()).toList();
        // arrays once per strategy, and each pair once: the correlation is symmetric to the last bit
        List<ReturnCorrelation.Days> days = detailed.stream().map(d -> ReturnCorrelation.Days.of(d.dailyReturns())).toList();
        int n = detailed.size();
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            r[i][i] = 1.0;
            for (int j = i + 1; j < n; j++) {
                r[i][j] = r[j][i] = ReturnCorrelation.correlation(days.get(i), days.get(j), MIN_SHARED_DAYS);
            }
        }
        List<List<Cell>> cells = new ArrayList<>();
        for (double[] values : r) {
            List<Cell> row = new ArrayList<>();
            for (double v : values) {
                row.add(Double.isNaN(v) ? Cell.plain("") : new Cell(Fmt.num(v, 2), Fmt.sortKey(v),
                        v >= 0.7 ? "c3" : v >= 0.3 ? "c2" : v > -0.3 ? "c1" : "c0"));
            }
            cells.add(row);
        }
        return new Matrix(labels, cells, "Pearson correlation of daily returns on the days both strategies have"
                + " (longest run each; empty with fewer than " + MIN_SHARED_DAYS + " shared days).");
    }

    private static Coverage coverage(List<Detailed> detailed) {
        Map<String, Long> windows = new LinkedHashMap<>();
        for (Detailed d : detailed) {
            for (TearSheetBuilder.Window w : d.windows()) {
                windows.merge(w.name(), w.start(), Math::min);
            }
        }
        List<String> names = windows.keySet().stream()
                .sorted(Comparator.comparingLong((String w) -> windows.get(w)).thenComparing(w -> w)).toList();
        List<CoverageRow> rows = new ArrayList<>();
        int shared = 0;
        for (String w : names) {
            if (detailed.stream().allMatch(d -> d.windows().stream().anyMatch(r -> r.name().equals(w)))) {
                shared++;
            }
        }
        for (Detailed d : detailed) {
            List<Boolean> present = names.stream().map(w -> d.windows().stream().anyMatch(r -> r.name().equals(w))).toList();
            rows.add(new CoverageRow("#" + d.sheet().rank() + " " + d.strategy().algorithmId(), d.sheet().anchor(), present,
                    (int) present.stream().filter(p -> p).count()));
        }
        return new Coverage(names, rows, shared);
    }

    private static ReportView.SweepHeatmap sweep(List<Strategy> all, ReportOptions options) {
        String by = options.by() == null ? null : options.by().strip();
        Optional<SummaryField> field = by == null ? Optional.empty()
                : SummaryField.byKey(by.startsWith(SummaryField.COLUMN_PREFIX) ? by.substring(SummaryField.COLUMN_PREFIX.length()) : by);
        if (field.isPresent()) {
            SummaryField f = field.get();
            return SweepHeatmaps.build(all, f.key(), s -> nan(s.metric(f)), !options.ascending());
        }
        String focus = options.focus().value();
        return SweepHeatmaps.build(all, focus + " score", s -> nan(s.scores().get(focus)), true);
    }

    private static double nan(Double v) {
        return v == null ? Double.NaN : v;
    }
}
