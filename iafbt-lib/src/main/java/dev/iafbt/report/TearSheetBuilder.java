package dev.iafbt.report;

import dev.iafbt.metrics.CurveReturns;
import dev.iafbt.metrics.DrawdownPeriod;
import dev.iafbt.metrics.DrawdownPeriods;
import dev.iafbt.metrics.TimeSeries;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.BacktestRun;
import dev.iafbt.report.ReportView.Cell;
import dev.iafbt.report.ReportView.Group;
import dev.iafbt.report.ReportView.KeyValue;
import dev.iafbt.report.ReportView.Table;
import dev.iafbt.report.ReportView.TearSheet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Builds one strategy's tear sheet from its fully read bundle. Curve analytics that need one
 * continuous curve (drawdown periods, monthly and yearly returns, rolling Sharpe) use the
 * <em>primary</em> run, the one spanning the longest time, and the sheet names it; the equity
 * chart overlays every run on the shared date axis.
 */
final class TearSheetBuilder {
    /** A window a detailed strategy ran: its name and start (epoch ms; MAX_VALUE when unknown). */
    record Window(String name, long start) {
    }

    /**
     * A built sheet plus what the comparison page reuses from it; small on purpose (no bundle
     * document), so that holding topK of them costs little heap. {@code audited}: whether the
     * sheet's stale flag says anything (a recorded or a fresh audit); false when no audit ran, so
     * that an empty flag means "not checked", not "fresh".
     */
    record Detailed(Strategy strategy, TearSheet sheet, List<Window> windows, Series primaryGrowth,
            Series primaryUnderwater, Map<Long, Double> dailyReturns, List<String> notes, boolean audited) {
    }

    static final int MIN_OTHER_RUN_POINTS = 60;

    private final ReportOptions options;

    TearSheetBuilder(ReportOptions options) {
        this.options = options;
    }

    /** Pure per strategy (own notes list), so sheets can be built in parallel. */
    Detailed build(Strategy strategy, Backtest backtest, int rank, String anchor) {
        return build(strategy, backtest, rank, anchor, null);
    }

    /**
     * As {@link #build(Strategy, Backtest, int, String)}, with the bundle's stale-metrics flag when
     * its source already knows it ({@link ReportSource#recordedStale}); null to recompute it when the
     * options ask for the audit ({@link ReportOptions#auditMetrics()}), else to leave it unaudited.
     * Unaudited, the sheet reads only what it shows: the audit is what decodes every stored series,
     * every run's snapshot columns and every trade.
     */
    Detailed build(Strategy strategy, Backtest backtest, int rank, String anchor, String knownStale) {
        List<String> notes = new ArrayList<>();
        List<RunData> runs = new ArrayList<>();
        List<BacktestRun> stored = backtest.runs();
        for (int i = 0; i < stored.size(); i++) {
            RunData run = RunData.of(i, stored.get(i));
            runs.add(run);
            if (!run.gap().isEmpty()) {
                notes.add(strategy.algorithmId() + ": " + run.gap());
            }
        }
        RunData primary = runs.stream().reduce((a, b) -> b.span() > a.span() ? b : a).orElse(null);
        Series equity = primary == null ? Series.EMPTY : primary.equity();
        List<DrawdownPeriod> worst = DrawdownPeriods.worst(DrawdownPeriods.of(equity.times(), equity.values()), 5);
        int[] keep = worst.stream().flatMapToInt(d -> IntStream.of(d.peakIndex(), d.valleyIndex(),
                d.recoveryIndex())).toArray();
        int[] kept = Lttb.indices(equity, options.maxPoints(), keep);
        if (kept.length < equity.size()) {
            notes.add(String.format(Locale.ROOT, "%s: equity of run %s downsampled from %d to %d points (LTTB; drawdown"
                    + " peaks, valleys and recoveries kept exactly)", strategy.algorithmId(), primary.name(),
                    equity.size(), kept.length));
        }
        Series growth = equity.select(kept).growth();
        Series underwater = new Series(equity.times(), DrawdownPeriods.underwater(equity.values())).select(kept);

        TimeChart equityChart = new TimeChart("Equity growth of every run", true, false);
        int otherPoints = otherRunPoints(options.maxPoints(), runs.size());
        for (int i = 0; i < runs.size(); i++) {
            RunData r = runs.get(i);
            Series g = r == primary ? growth : r.equity().select(Lttb.indices(r.equity(), otherPoints)).growth();
            equityChart.line(r.name(), Svg.color(i), g, r != primary);
        }
        worst.forEach(d -> equityChart.shade(d.peakMillis(), d.recovered() ? d.recoveryMillis()
                : equity.times()[equity.size() - 1]));
        String underwaterSvg = new TimeChart("Underwater (drawdown from the running peak)", true, true)
                .line(primary == null ? "" : primary.name(), "#D55E00", underwater, false).render();
        CurveReturns returns = primary == null ? null : primary.returns();
        Series sharpe = returns == null ? Series.EMPTY : Series.finite(returns.rollingSharpe(options.rollingWindowDays()));
        String sharpeSvg = new TimeChart("Rolling Sharpe", false, false)
                .line(options.rollingWindowDays() + "-day rolling Sharpe", "#0072B2",
                        sharpe.select(Lttb.indices(sharpe, options.maxPoints())), false).render();
        Map<Integer, Double> yearly = returns == null ? Map.of() : byYear(returns.yearly());
        PartialYears partial = PartialYears.of(equity);

        String currency = primary == null || primary.run().tradingSymbol() == null ? ""
                : primary.run().tradingSymbol().toUpperCase(Locale.ROOT);
        String stale = knownStale != null ? knownStale : options.auditMetrics() ? StaleMetrics.of(backtest) : null;
        List<KeyValue> params = new ArrayList<>();
        strategy.parameters().forEach((k, v) -> params.add(new KeyValue(k, v)));
        List<String> windows = runs.stream().map(r -> r.name() + " (" + dates(r) + ")").toList();
        TearSheet sheet = new TearSheet(anchor, rank, strategy.algorithmId(), strategy.relative(), strategy.tag(), params, windows, currency,
                primary == null ? "" : primary.name(), kpis(strategy, backtest), groups(strategy), equityChart.render(),
                underwaterSvg, drawdownTable(worst, equity), monthlyTable(returns == null ? Map.of() : byMonth(returns.monthly()), yearly, partial),
                partial.note(), PlotCharts.bars(yearly.keySet().stream().map(partial::label).toList(),
                        List.copyOf(yearly.values()), "Yearly returns"), sharpeSvg, ActivityTables.runs(runs),
                ActivityTables.trades(runs, options.maxTableRows()), ActivityTables.orders(runs, options.maxTableRows()),
                stale == null ? "" : stale);
        note(notes, strategy, sheet.trades());
        note(notes, strategy, sheet.orders());
        if (!sheet.stale().isEmpty()) {
            notes.add(StaleMetrics.note(strategy, sheet.stale()));
        }
        List<Window> windowRefs = runs.stream().map(r -> new Window(r.name(),
                r.run().startDate() == null ? Long.MAX_VALUE : r.run().startDate().toEpochMilli())).toList();
        return new Detailed(strategy, sheet, windowRefs, growth, underwater,
                returns == null ? Map.of() : ReturnCorrelation.byDay(returns.daily()), notes, stale != null);
    }

    /**
     * Chart points of each dashed (non-primary) run: together they get about the primary's
     * {@code maxPoints}, at least {@link #MIN_OTHER_RUN_POINTS} each. Eleven windows at 400 points
     * each were a sixth of a tear sheet's bytes for lines drawn a few pixels wide.
     */
    static int otherRunPoints(int maxPoints, int runs) {
        return Math.min(maxPoints, Math.max(MIN_OTHER_RUN_POINTS, maxPoints / Math.max(1, runs - 1)));
    }

    private static void note(List<String> notes, Strategy s, Table table) {
        if (!table.cappedNote().isEmpty()) {
            notes.add(s.algorithmId() + ": " + table.cappedNote() + " (raise maxTableRows to see more)");
        }
    }

    private static String dates(RunData r) {
        BacktestRun run = r.run();
        return (run.startDate() == null ? "?" : Fmt.date(run.startDate().toEpochMilli())) + " → "
                + (run.endDate() == null ? "?" : Fmt.date(run.endDate().toEpochMilli()));
    }

    /**
     * The KPI strip from the summary, with the worst window's max drawdown right after the
     * summary's (the shallowest window's), so a reader sees the deepest loss of any window.
     */
    static List<KeyValue> kpis(Strategy s, Backtest backtest) {
        List<KeyValue> out = new ArrayList<>();
        for (MetricCatalog.Metric m : MetricCatalog.KPIS) {
            out.add(new KeyValue(m.label(), m.format(s.metric(m.field()))));
            if (m.label().equals(MetricCatalog.SHALLOWEST_WINDOW_DRAWDOWN)) {
                out.add(new KeyValue(MetricCatalog.WORST_WINDOW_DRAWDOWN,
                        Fmt.pct(backtest.worstWindowMaxDrawdown().orElse(null))));
            }
        }
        return out;
    }

    private static List<Group> groups(Strategy s) {
        List<Group> out = new ArrayList<>();
        MetricCatalog.GROUPS.forEach((name, metrics) -> {
            List<KeyValue> entries = metrics.stream().filter(m -> s.metric(m.field()) != null)
                    .map(m -> new KeyValue(m.label(), m.format(s.metric(m.field())))).toList();
            if (!entries.isEmpty()) {
                out.add(new Group(name, entries));
            }
        });
        return out;
    }

    static Table drawdownTable(List<DrawdownPeriod> worst, Series equity) {
        List<List<Cell>> rows = new ArrayList<>();
        long end = equity.isEmpty() ? 0 : equity.times()[equity.size() - 1];
        for (DrawdownPeriod d : worst) {
            rows.add(List.of(Cell.plain(Fmt.date(d.peakMillis())), Cell.plain(Fmt.date(d.valleyMillis())),
                    Cell.plain(d.recovered() ? Fmt.date(d.recoveryMillis()) : "not recovered"), ActivityTables.pct(d.depth()),
                    new Cell(d.lengthDays(end) + " d", String.valueOf(d.lengthDays(end)), "")));
        }
        return new Table(List.of("Start (peak)", "Valley", "Recovery", "Depth", "Length"), rows, "");
    }

    /** Returns keyed {@code year*100 + month} by their month-end labels, ascending. */
    static Map<Integer, Double> byMonth(TimeSeries monthly) {
        Map<Integer, Double> out = new TreeMap<>();
        for (int i = 0; i < monthly.size(); i++) {
            LocalDate end = LocalDate.ofEpochDay(Math.floorDiv(monthly.epochMillis()[i], 86_400_000L));
            out.put(end.getYear() * 100 + end.getMonthValue(), monthly.values()[i]);
        }
        return out;
    }

    /** Returns keyed by calendar year, ascending. */
    static Map<Integer, Double> byYear(TimeSeries yearly) {
        Map<Integer, Double> out = new TreeMap<>();
        for (int i = 0; i < yearly.size(); i++) {
            out.put(LocalDate.ofEpochDay(Math.floorDiv(yearly.epochMillis()[i], 86_400_000L)).getYear(), yearly.values()[i]);
        }
        return out;
    }

    /**
     * Rows per year: twelve months and the year's return; a partial year's label says so. The first
     * month and year of a curve are the base of the reference's time-weighted returns and have none.
     */
    static Table monthlyTable(Map<Integer, Double> monthly, Map<Integer, Double> yearly, PartialYears partial) {
        Map<Integer, Double[]> byYear = new TreeMap<>();
        monthly.forEach((key, r) -> byYear.computeIfAbsent(key / 100, y -> new Double[12])[key % 100 - 1] = r);
        List<List<Cell>> rows = new ArrayList<>();
        byYear.forEach((year, months) -> {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.plain(partial.label(year)));
            for (Double r : months) {
                row.add(heat(r));
            }
            row.add(heat(yearly.get(year)));
            rows.add(row);
        });
        return new Table(List.of("Year", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                "Dec", "Year (compounded)"), rows, "");
    }

    /** A heat cell: five colour classes by size of the move, symmetric around zero. */
    static Cell heat(Double r) {
        if (r == null || r.isNaN()) {
            return Cell.plain("");
        }
        String css = r >= 0.10 ? "h3" : r >= 0.03 ? "h2" : r > 0 ? "h1" : r == 0 ? "" : r > -0.03 ? "l1" : r > -0.10 ? "l2" : "l3";
        return new Cell(Fmt.pct(r), Fmt.sortKey(r), css);
    }
}
