package dev.iafbt.model;

import dev.iafbt.bundle.Bundle;
import dev.iafbt.bundle.DocList;
import dev.iafbt.bundle.DocMap;
import dev.iafbt.bundle.RawMsgpack;
import dev.iafbt.metrics.CurveReturns;
import dev.iafbt.metrics.RunInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One backtest window: its dates, snapshots, trades, orders, positions, metrics. */
public final class BacktestRun extends DocView {
    private final BlobResolver blobs;
    final Map<RawMsgpack, SnapshotColumns> snapshotColumns;

    BacktestRun(Bundle bundle, DocMap map, String path, BlobResolver blobs, Map<RawMsgpack, SnapshotColumns> snapshotColumns) {
        super(bundle, map, path);
        this.blobs = blobs;
        this.snapshotColumns = snapshotColumns;
    }

    public Instant startDate() {
        return instant("backtest_start_date");
    }

    public Instant endDate() {
        return instant("backtest_end_date");
    }

    /** The window name; null when the run has none (runs store nil, metrics store ""). */
    public String dateRangeName() {
        return string("backtest_date_range_name");
    }

    public String tradingSymbol() {
        return string("trading_symbol");
    }

    public Double initialUnallocated() {
        return doubleOrNull("initial_unallocated");
    }

    public long numberOfRuns() {
        return longOr("number_of_runs", 0);
    }

    /** Null when never set: the reference then writes {@code [nil]}. */
    public Instant createdAt() {
        return instant("created_at");
    }

    public long numberOfDays() {
        return longOr("number_of_days", 0);
    }

    public long numberOfTrades() {
        return longOr("number_of_trades", 0);
    }

    public long numberOfOrders() {
        return longOr("number_of_orders", 0);
    }

    public List<String> symbols() {
        List<String> symbols = new ArrayList<>();
        for (Object symbol : list("symbols")) {
            if (symbol != null) {
                symbols.add(symbol.toString());
            }
        }
        return symbols;
    }

    public List<PortfolioSnapshot> portfolioSnapshots() {
        return mapsIn("portfolio_snapshots", PortfolioSnapshot::new);
    }

    /** How many snapshots the run holds, without building views for them. */
    public int snapshotCount() {
        return list("portfolio_snapshots").size();
    }

    public List<Trade> trades() {
        return mapsIn("trades", Trade::new);
    }

    public List<Order> orders() {
        return mapsIn("orders", Order::new);
    }

    /** The first {@code limit} trades (read-only views) and how many the run holds; see {@link DocView#leadingMapsIn}. */
    public Leading<Trade> leadingTrades(int limit) {
        return leadingMapsIn("trades", Trade::new, limit);
    }

    /** The first {@code limit} orders (read-only views) and how many the run holds; see {@link DocView#leadingMapsIn}. */
    public Leading<Order> leadingOrders(int limit) {
        return leadingMapsIn("orders", Order::new, limit);
    }

    /** The trades holding only the entries of {@code keys} (read-only views); see {@link DocView#mapsInWithFields}. */
    List<Trade> tradesWithFields(String[] keys) {
        return mapsInWithFields("trades", keys, Trade::new);
    }

    public List<Position> positions() {
        return mapsIn("positions", Position::new);
    }

    /** Null when the run has no metrics. */
    public BacktestMetrics metrics() {
        DocMap metrics = mapOrNull("backtest_metrics");
        return metrics == null ? null : new BacktestMetrics(bundle, metrics, where("backtest_metrics"), blobs);
    }

    /** {@code "MetaData()"} and other non-map values read as empty. */
    public Map<String, Object> metadata() {
        return metadataMap("metadata");
    }

    /** Signals as stored: {@code {symbol: {buy: [iso…], sell: [iso…]}}}; null when absent. */
    public DocMap signals() {
        return mapOrNull("signals");
    }

    public DocList signalEvents() {
        return list("signal_events");
    }

    public DocMap recordedValues() {
        return mapOrNull("recorded_values");
    }

    /**
     * What {@code dev.iafbt.metrics} computes this run's metrics from: the snapshots in stored
     * order, the trades, the run dates and the initial balance.
     *
     * @throws dev.iafbt.metrics.MetricsException when a date the metrics need is missing
     */
    public RunInput metricsInput() {
        return MetricInputs.of(this);
    }

    /**
     * The calendar returns of this run's snapshots by the reference's definitions (monthly, yearly
     * and daily time-weighted returns, rolling Sharpe); empty series when the run kept no
     * snapshots. Needs no run dates, unlike {@link #metricsInput()}.
     */
    public CurveReturns curveReturns() {
        SnapshotColumns c = SnapshotColumns.of(this);
        return CurveReturns.of(c.micros(), c.values(), c.flows());
    }
}
