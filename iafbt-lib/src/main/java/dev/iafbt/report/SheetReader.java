package dev.iafbt.report;

import dev.iafbt.bundle.DocMap;
import dev.iafbt.bundle.RawMsgpack;
import dev.iafbt.internal.bundle.MsgpackDecoder;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.MetricSeries;
import java.nio.file.Path;
import java.util.Set;

/**
 * Opens a bundle for a tear sheet, decoding only what the sheet reads. The bundle is opened
 * summary-only; its runs are then decoded one level deep, leaving each run's bulky lists (the
 * portfolio snapshots above all: one real bundle holds 21,904 of them, which a tear sheet never
 * shows) and its metric series undecoded. Each of those decodes when it is first read (the
 * typed views resolve undecoded subtrees), so the sheet pays for the equity curve, trades and
 * orders it shows and for nothing else. The bundle is only read, never saved, here.
 */
final class SheetReader {
    /** Per-run entries that are lists of records or free-form maps: decoded only if read. */
    private static final Set<String> RUN_BULK_KEYS = Set.of("portfolio_snapshots", "trades", "orders", "positions",
            "signal_events", "signals", "recorded_values");
    private static final Set<String> SERIES_KEYS = Set.copyOf(MetricSeries.BLOB_FIELDS);

    /** Depth 2 is a run's own key (array, then run map); depth 3 under a run's metrics map. */
    private static final MsgpackDecoder.SkipPolicy LAZY_RUN_PARTS = (depth, parentKey, key) ->
            depth == 2 && RUN_BULK_KEYS.contains(key)
                    || depth == 3 && "backtest_metrics".equals(parentKey) && SERIES_KEYS.contains(key);

    private SheetReader() {
    }

    static Backtest open(Path file) {
        Backtest backtest = Backtest.openSummary(file);
        DocMap holder = backtest.raw();
        String runsKey = backtest.bundle().isV2() ? backtest.engineType().runsKey() : "backtest_runs";
        if (holder.get(runsKey) instanceof RawMsgpack raw) {
            holder.put(runsKey, MsgpackDecoder.decode(raw.buffer(), raw.offset(), raw.length(),
                    backtest.bundle().sourceName(), LAZY_RUN_PARTS));
        }
        return backtest;
    }
}
