package dev.iafbt.report;

import dev.iafbt.bundle.Bundle;
import dev.iafbt.bundle.DocMap;
import dev.iafbt.bundle.ReadOptions;
import dev.iafbt.internal.bundle.BundleContainer;
import dev.iafbt.internal.bundle.MsgpackDecoder;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.MetricSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Opens a bundle for a tear sheet, decoding only what the sheet reads, in one pass over the
 * document. Like a summary-only open, the permutation tests and the blobs stay undecoded; unlike
 * it, the runs are decoded, but without each run's bulky lists (the portfolio snapshots above
 * all: one real bundle holds 21,904 of them, which a tear sheet never shows) and metric series.
 * Each of those decodes when it is first read (the typed views resolve undecoded subtrees), so
 * the sheet pays for the equity curve, trades and orders it shows and for nothing else. The
 * metrics audit, when the report asks for it ({@link ReportOptions#auditMetrics()}), reads the
 * rest through the same views (every stored series, every run's snapshot columns, every trade's
 * nine metric fields), so an unaudited sheet decodes none of that. The bundle is only read here,
 * never saved.
 */
final class SheetReader {
    private static final Set<String> RUNS_KEYS = Set.of("backtest_runs", "vector_runs", "event_runs");
    /** Per-run entries that are lists of records or free-form maps: decoded only if read. */
    private static final Set<String> RUN_BULK_KEYS = Set.of("portfolio_snapshots", "trades", "orders", "positions",
            "signal_events", "signals", "recorded_values");
    private static final Set<String> SERIES_KEYS = Set.copyOf(MetricSeries.BLOB_FIELDS);

    /**
     * {@code parentKey} is the key of the nearest enclosing map entry, so a run's own keys have
     * the runs key as parent (the runs array passes it through) and a series has its metrics map.
     * The top level of a v2 document is depth 1, with no parent (null, which {@code Set.of} sets
     * refuse to look up); a v1 document nests it under {@code backtest}.
     */
    private static final MsgpackDecoder.SkipPolicy SHEET_POLICY = (depth, parentKey, key) ->
            parentKey != null && RUNS_KEYS.contains(parentKey) && RUN_BULK_KEYS.contains(key)
                    || "backtest_metrics".equals(parentKey) && SERIES_KEYS.contains(key)
                    || !RUNS_KEYS.contains(key) && MsgpackDecoder.HEAVY_KEYS.contains(key)
                            && (depth == 1 || depth == 2 && "backtest".equals(parentKey));

    private SheetReader() {
    }

    /** A bundle opened for its sheet, and the size of its decompressed document, which it holds on to. */
    record Opened(Backtest backtest, long documentBytes) {
    }

    static Backtest open(Path file) {
        return read(file).backtest();
    }

    static Opened read(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ReportException(name + ": cannot read the bundle (" + e + ")", e);
        }
        int version = BundleContainer.readVersion(bytes, name);
        byte[] raw = BundleContainer.decompress(bytes, name, ReadOptions.DEFAULT_MAX_DECOMPRESSED_BYTES);
        if (!(MsgpackDecoder.decode(raw, name, SHEET_POLICY) instanceof DocMap document)) {
            throw new ReportException(name + ": the bundle document is not a map");
        }
        return new Opened(Backtest.of(new Bundle(version, document, file, true)), raw.length);
    }
}
