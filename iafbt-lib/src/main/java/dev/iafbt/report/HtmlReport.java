package dev.iafbt.report;

import dev.iafbt.IafbtException;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.SummaryField;
import dev.iafbt.rank.EvaluationFocus;
import dev.iafbt.report.ReportView.NumberCell;
import dev.iafbt.report.ReportView.Column;
import dev.iafbt.report.ReportView.Report;
import dev.iafbt.report.ReportView.Skipped;
import dev.iafbt.report.ReportView.StrategyRow;
import dev.iafbt.report.TearSheetBuilder.Detailed;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The HTML report over a folder of bundles: every strategy summary-only in the ranking table,
 * the top {@link ReportOptions#topK()} read in full for tear sheets. One self-contained offline
 * file; the same bundles and options give the same bytes.
 */
public final class HtmlReport {
    /** What was written, for the caller to log. */
    public record Result(Path file, long bytes, int strategies, int detailed, List<Skipped> skipped, List<String> notes) {
    }

    private HtmlReport() {
    }

    /**
     * Starts loading the report's templates on a background thread and returns at once: a fresh
     * JVM (a {@code mvn iafbt:report}) then loads and parses them while the caller does other
     * work, such as refreshing the index, instead of when the report is rendered. Optional; any
     * number of calls; a report written without it is the same.
     */
    public static void prepare() {
        Thread loader = new Thread(() -> {
            try {
                ReportRenderer.prepare();
            } catch (RuntimeException | LinkageError e) {
                // a broken template or library fails the render itself, with the reason
            }
        }, "iafbt-report-templates");
        loader.setDaemon(true);
        loader.start();
    }

    /** Builds the report of {@code bundles} and writes it atomically to {@code output}. */
    public static Result write(Path bundles, Path output, ReportOptions options) {
        return write(ReportSource.folder(bundles), output, options);
    }

    /** Builds the report of {@code source} and writes it atomically to {@code output}. */
    public static Result write(ReportSource source, Path output, ReportOptions options) {
        Report report = build(source, options);
        byte[] html = ReportRenderer.render(report);
        ReportRenderer.checkBudget(html, options);
        ReportRenderer.write(output, html);
        return new Result(output, html.length, report.rows().size(), report.sheets().size(), report.skipped(),
                report.notes());
    }

    /** The report model of {@code bundles}, not yet rendered. */
    public static Report build(Path bundles, ReportOptions options) {
        return build(ReportSource.folder(bundles), options);
    }

    /** The report model of {@code source}, not yet rendered. */
    public static Report build(ReportSource source, ReportOptions options) {
        StrategyLoader.Loaded loaded = source.load(options);
        List<Strategy> loadedStrategies = loaded.strategies();
        int loadedSkipped = loaded.skipped().size();
        List<Skipped> skipped = new ArrayList<>(loaded.skipped());
        StrategyOrder.Ordered order = loadedStrategies.isEmpty() ? new StrategyOrder.Ordered(List.of(), Map.of())
                : source.order(loadedStrategies, options);
        List<Strategy> ordered = order.strategies();
        int k = Math.min(options.topK(), ordered.size());
        Map<Path, Backtest> opened = forSheets(loaded.opened(), ordered, k);
        loaded = null; // the bundles opened for strategies without a sheet are garbage from here on
        TearSheetBuilder sheets = new TearSheetBuilder(options);
        Object[] built = new Object[k];
        IntStream.range(0, k).parallel().forEach(i -> built[i] = detail(sheets, source, ordered.get(i), i + 1, opened));
        List<Detailed> detailed = new ArrayList<>();
        Map<Strategy, String> anchors = new IdentityHashMap<>();
        Map<Strategy, String> stale = new IdentityHashMap<>();
        List<String> notes = new ArrayList<>();
        int unaudited = 0;
        for (Object b : built) {
            if (b instanceof Detailed d) {
                detailed.add(d);
                anchors.put(d.strategy(), d.sheet().anchor());
                stale.put(d.strategy(), d.sheet().stale());
                notes.addAll(d.notes());
                unaudited += d.audited() ? 0 : 1;
            } else {
                skipped.add((Skipped) b);
            }
        }
        if (unaudited > 0) {
            notes.add(StaleMetrics.notAuditedNote(unaudited));
        }
        if (ordered.size() > k) {
            notes.add((ordered.size() - k) + " strateg" + (ordered.size() - k == 1 ? "y is" : "ies are")
                    + " shown summary-only (topK = " + options.topK() + ")");
        }
        int filteredOut = loadedStrategies.size() - ordered.size();
        if (filteredOut > 0) {
            notes.add(filteredOut + " strateg" + (filteredOut == 1 ? "y does" : "ies do") + " not match where "
                    + options.where().strip() + " and " + (filteredOut == 1 ? "is" : "are") + " not shown");
        }
        String duplicates = DuplicateIds.warning(ordered);
        if (!duplicates.isEmpty()) {
            notes.add(duplicates);
        }
        List<StrategyRow> rows = new ArrayList<>();
        TreeSet<String> tags = new TreeSet<>();
        for (int i = 0; i < ordered.size(); i++) {
            Strategy s = ordered.get(i);
            notes.addAll(s.notes());
            tags.add(s.tag());
            Double key = order.orderValue(s);
            rows.add(new StrategyRow(i + 1, anchors.getOrDefault(s, ""), s.algorithmId(), s.relative(), s.tag(),
                    s.parameterText(), new NumberCell(Fmt.num(key, 3), key, ""), cells(s), stale.getOrDefault(s, "")));
        }
        tags.remove("");
        return new Report(options.title(), options.generated() == null ? "" : options.generated().strip(),
                orderedBy(options), orderLabel(options), ordered.size() + loadedSkipped + filteredOut,
                columns(), rows, List.copyOf(tags), duplicates,
                ComparisonBuilder.build(ordered, detailed, anchors, options), detailed.stream().map(Detailed::sheet).toList(),
                skipped, notes);
    }

    /**
     * Of the bundles the loader opened, those of the strategies that get a sheet. Each is taken out
     * when its sheet is built ({@link #detail}), so that a built sheet's bundle (its decoded series
     * and columns) is garbage at once rather than held, with all the others, until the report is
     * done: on 48 eleven-window bundles that holding was most of the report's garbage-collection time.
     */
    private static Map<Path, Backtest> forSheets(Map<Path, Backtest> opened, List<Strategy> ordered, int k) {
        Map<Path, Backtest> out = new ConcurrentHashMap<>();
        for (int i = 0; i < k && !opened.isEmpty(); i++) {
            Path file = ordered.get(i).file();
            Backtest backtest = file == null ? null : opened.get(file);
            if (backtest != null) {
                out.put(file, backtest);
            }
        }
        return out;
    }

    /**
     * A tear sheet, or why the bundle could not be read in full. Opened by {@link SheetReader}
     * on purpose: only what the sheet shows is decoded, and of the metric blobs only the equity
     * curves (a full open decodes every blob and the permutation tests too), unless the sheet is
     * audited ({@link ReportOptions#auditMetrics()}). A bundle the loader already opened that way
     * is not opened again.
     */
    private static Object detail(TearSheetBuilder sheets, ReportSource source, Strategy s, int rank,
            Map<Path, Backtest> opened) {
        Path file;
        try {
            file = source.bundleFile(s);
        } catch (IafbtException | UncheckedIOException e) {
            return new Skipped(s.relative(), "cannot fetch the bundle, shown summary-only: " + e.getMessage());
        }
        if (file == null) {
            return new Skipped(s.relative(), "no bundle file for this row, shown summary-only");
        }
        try {
            Backtest backtest = opened.remove(file);
            return sheets.build(s, backtest != null ? backtest : SheetReader.open(file), rank, "s" + rank,
                    source.recordedStale(s, file));
        } catch (IafbtException | UncheckedIOException e) {
            return new Skipped(s.relative(), "full read failed, shown summary-only: "
                    + StrategyLoader.reason(e, file, s.relative()));
        }
    }

    private static List<Column> columns() {
        List<Column> out = new ArrayList<>();
        MetricCatalog.RANKING.forEach(m -> out.add(new Column(m.label(), m.field().key() + ", " + m.field().unit())));
        for (EvaluationFocus f : EvaluationFocus.values()) {
            out.add(new Column(f.value().replace('_', '-') + " score", "weighted score of the " + f.value()
                    + " focus preset, min-max normalised over all strategies"));
        }
        return out;
    }

    private static List<NumberCell> cells(Strategy s) {
        List<NumberCell> out = new ArrayList<>(MetricCatalog.RANKING.size() + EvaluationFocus.values().length);
        for (MetricCatalog.Metric m : MetricCatalog.RANKING) {
            Double v = s.metric(m.field());
            out.add(new NumberCell(m.format(v), v, tone(v, m.field())));
        }
        for (EvaluationFocus f : EvaluationFocus.values()) {
            Double v = s.scores().get(f.value());
            out.add(new NumberCell(Fmt.num(v, 3), v, ""));
        }
        return out;
    }

    /** Gains and losses are coloured; a volatility or a win rate has no good sign, so it is not. */
    private static String tone(Double v, SummaryField field) {
        if (v == null || v.isNaN() || (field != SummaryField.CAGR && field != SummaryField.TOTAL_NET_GAIN_PERCENTAGE)) {
            return "";
        }
        return v > 0 ? "pos" : v < 0 ? "neg" : "";
    }

    private static String orderedBy(ReportOptions o) {
        String dir = o.ascending() ? "ascending" : "descending";
        String where = o.where() == null || o.where().isBlank() ? "" : "; where " + o.where().strip();
        return (o.by() != null && !o.by().isBlank() ? o.by().strip() + ", " + dir
                : o.focus().value() + " focus score, " + dir) + where;
    }

    /** The header of the column that holds what the table is ordered by, next to the rank. */
    private static String orderLabel(ReportOptions o) {
        return o.by() != null && !o.by().isBlank() ? o.by().strip() : o.focus().value().replace('_', '-') + " score";
    }
}
