package dev.iafbt.report;

import dev.iafbt.index.BacktestIndex;
import dev.iafbt.index.IndexException;
import dev.iafbt.index.IndexRow;
import dev.iafbt.index.MetricsAuditRecord;
import dev.iafbt.index.Provenance;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.report.ReportView.Skipped;
import dev.iafbt.store.BacktestStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where a report's strategies come from. Every source gives one index row per strategy (what the
 * ranking table shows) and the bundle file of each (opened only for the top-K tear sheets):
 * <ul>
 *   <li>{@link #folder}: every bundle of a folder, read summary-only, ranked through a temporary index;</li>
 *   <li>{@link #index}: the rows of an index (a SQLite file or a PostgreSQL table), ranked in it, the reference's workflow for large
 *       sweeps (index → rank in SQL → open only the winners); no bundle but the top-K is opened;</li>
 *   <li>{@link #store}: the rows a store keeps, each bundle found by its handle.</li>
 * </ul>
 */
public abstract class ReportSource {
    private ReportSource() {
    }

    /** Every {@code *.iafbt} under {@code bundles}, searched recursively. */
    public static ReportSource folder(Path bundles) {
        return new ReportSource() {
            @Override
            StrategyLoader.Loaded load(ReportOptions options) {
                return StrategyLoader.load(bundles, options.topK());
            }
        };
    }

    /** As {@link #folder(Path)}, keeping opened bundles of at most {@code holdBytes} (see {@link StrategyLoader}). */
    static ReportSource folder(Path bundles, long holdBytes) {
        return new ReportSource() {
            @Override
            StrategyLoader.Loaded load(ReportOptions options) {
                return StrategyLoader.load(bundles, options.topK(), holdBytes);
            }
        };
    }

    /**
     * The rows of the SQLite index {@code index}; a relative {@code bundle_path} is resolved against
     * {@code bundles} (the folder the index was built over).
     */
    public static ReportSource index(Path index, Path bundles) {
        return new FromIndex() {
            @Override
            StrategyLoader.Loaded load(ReportOptions options) {
                try (SqliteIndex opened = open(index)) {
                    audits = opened.metricsAudits();
                    return rowsOf(opened, bundles);
                }
            }

            @Override
            StrategyOrder.Ordered order(List<Strategy> strategies, ReportOptions options) {
                if (StrategyOrder.isPlainFocusOrder(options)) {
                    // the rows are every row of the file, in its order: ranked in memory as in the file
                    return StrategyOrder.inMemory(strategies, options);
                }
                try (SqliteIndex opened = open(index)) {
                    return StrategyOrder.order(opened, strategies, options);
                }
            }
        };
    }

    /**
     * The rows of an index already open (a SQLite file or a PostgreSQL table), ranked in it; the
     * caller keeps it open while the report is built and closes it. A relative {@code bundle_path}
     * is resolved against {@code bundles}.
     */
    public static ReportSource index(BacktestIndex index, Path bundles) {
        return new FromIndex() {
            @Override
            StrategyLoader.Loaded load(ReportOptions options) {
                try {
                    audits = index.metricsAudits();
                    return rowsOf(index, bundles);
                } catch (IndexException e) {
                    throw new ReportException("cannot read the index " + index.location() + ": " + e.getMessage(), e);
                }
            }

            @Override
            StrategyOrder.Ordered order(List<Strategy> strategies, ReportOptions options) {
                return StrategyOrder.order(index, strategies, options);
            }
        };
    }

    /** One strategy per row of {@code index}; fails when it holds none. */
    private static StrategyLoader.Loaded rowsOf(BacktestIndex index, Path bundles) {
        List<Strategy> out = new ArrayList<>();
        for (IndexRow row : index.rows()) {
            out.add(Strategy.of(file(bundles, row.bundlePath()), row));
        }
        if (out.isEmpty()) {
            throw new ReportException("the index " + index.location() + " holds no rows; build it with iafbt:index");
        }
        return new StrategyLoader.Loaded(out, List.of());
    }

    /**
     * The backtests a store keeps: its index rows, and each bundle found by its handle only when
     * its tear sheet is built (a store on object storage downloads only the top-K bundles).
     */
    public static ReportSource store(BacktestStore store) {
        return new ReportSource() {
            @Override
            StrategyLoader.Loaded load(ReportOptions options) {
                List<Strategy> out = new ArrayList<>();
                for (IndexRow row : store.indexRows()) {
                    out.add(Strategy.of(null, row));
                }
                if (out.isEmpty()) {
                    throw new ReportException("the store holds no backtests (or has no index rows; rebuild its index)");
                }
                return new StrategyLoader.Loaded(out, List.of());
            }

            @Override
            Path bundleFile(Strategy strategy) {
                return store.bundleFile(strategy.relative()).orElse(null);
            }
        };
    }

    /**
     * The strategies, each with its index row; unreadable bundles listed with the reason; the
     * bundles already opened for a tear sheet, if any.
     */
    abstract StrategyLoader.Loaded load(ReportOptions options);

    /** The bundle file of a strategy about to get a tear sheet; null when it has none. */
    Path bundleFile(Strategy strategy) {
        return strategy.file();
    }

    /**
     * A tear sheet's stale-metrics flag ({@link StaleMetrics#of}) as the source already knows it,
     * or null when it does not (the sheet then recomputes it only when the report's options ask
     * for the audit, {@link ReportOptions#auditMetrics()}). An index keeps the outcome of its metrics audits
     * ({@code iafbt:index -Diafbt.audit=true}); a record that describes the very file the sheet
     * opens (same modification time and size) spares the sheet its most expensive part, a full
     * recomputation of every window's metrics and the decoding of every stored series.
     */
    String recordedStale(Strategy strategy, Path file) {
        return null;
    }

    /** The strategies in report order; by default through a temporary index of their rows. */
    StrategyOrder.Ordered order(List<Strategy> strategies, ReportOptions options) {
        return StrategyOrder.order(strategies, options);
    }

    /** A source whose rows come from an index: its metrics-audit records, read as it loads, spare sheets their audit. */
    private abstract static class FromIndex extends ReportSource {
        Map<String, MetricsAuditRecord> audits = Map.of();

        @Override
        String recordedStale(Strategy strategy, Path file) {
            MetricsAuditRecord record = audits.get(strategy.relative());
            if (record == null) {
                return null;
            }
            try {
                BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
                if (!record.appliesTo(new Provenance(attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS), attrs.size()))) {
                    return null; // the file changed since its audit: the sheet recomputes
                }
            } catch (IOException e) {
                return null; // the sheet's own open says what is wrong with the file
            }
            return StaleMetrics.of(record);
        }
    }

    private static SqliteIndex open(Path index) {
        if (!Files.isRegularFile(index)) {
            throw new ReportException("the index " + index + " does not exist");
        }
        try {
            return SqliteIndex.openReadOnly(index);
        } catch (IndexException e) {
            throw new ReportException("cannot read the index " + index + ": " + e.getMessage(), e);
        }
    }

    /** The bundle a row names; null when the path is not a valid one here. */
    private static Path file(Path bundles, String bundlePath) {
        if (bundlePath == null) {
            return null;
        }
        try {
            Path p = Path.of(bundlePath);
            return p.isAbsolute() ? p : bundles.resolve(p);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
