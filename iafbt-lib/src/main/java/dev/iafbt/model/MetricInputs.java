package dev.iafbt.model;

import dev.iafbt.metrics.MetricsException;
import dev.iafbt.metrics.RunInput;
import dev.iafbt.metrics.TradeInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what the metrics need out of a run's document: the snapshot columns (a nil value or cash
 * flow reads as 0, as the reference's snapshot constructor does), the trades and the run's dates.
 */
final class MetricInputs {
    /** The entries of a trade the metrics read: a trade holds some forty, and a run hundreds of trades. */
    private static final String[] TRADE_FIELDS = {"status", "net_gain", "cost", "amount", "open_price",
            "available_amount", "last_reported_price", "opened_at", "closed_at"};

    private MetricInputs() {
    }

    static RunInput of(BacktestRun run) {
        SnapshotColumns c = SnapshotColumns.of(run);
        List<TradeInput> trades = new ArrayList<>();
        for (Trade trade : run.tradesWithFields(TRADE_FIELDS)) {
            trades.add(trade(trade));
        }
        Double initial = run.initialUnallocated();
        return new RunInput(c.micros(), c.values(), c.flows(), trades, toMicros(required(run, run.startDate(), "backtest_start_date")),
                toMicros(required(run, run.endDate(), "backtest_end_date")), initial == null ? 0.0 : initial);
    }

    private static TradeInput trade(Trade trade) {
        Instant opened = required(trade, trade.openedAt(), "opened_at");
        Instant closed = trade.closedAt();
        Double lastPrice = trade.doubleOrNull("last_reported_price");
        return new TradeInput(trade.status(), orZero(trade.doubleOrNull("net_gain")), orZero(trade.doubleOrNull("cost")),
                orZero(trade.doubleOrNull("amount")), orZero(trade.doubleOrNull("open_price")),
                orZero(trade.doubleOrNull("available_amount")), lastPrice == null ? Double.NaN : lastPrice,
                toMicros(opened), closed == null ? TradeInput.NOT_CLOSED : toMicros(closed));
    }

    private static Instant required(DocView view, Instant value, String key) {
        if (value == null) {
            throw new MetricsException(view.file() + ": " + view.where(key) + " is missing; the metrics need it");
        }
        return value;
    }

    private static double orZero(Double value) {
        return value == null ? 0.0 : value;
    }

    static long toMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }
}
