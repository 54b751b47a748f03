package dev.iafbt.model;

import dev.iafbt.bundle.DocList;
import dev.iafbt.bundle.DocMap;
import dev.iafbt.internal.bundle.IsoDateTimes;
import java.time.Duration;
import java.time.Instant;

/**
 * Builds a run. The counters ({@code number_of_days}, {@code number_of_trades}, …)
 * are derived from what was added, as the reference derives them; {@code created_at} defaults to
 * the window end so that the same input always gives the same bytes.
 */
public final class RunBuilder extends MapBuilder<RunBuilder> {
    private final Instant start;
    private final Instant end;

    RunBuilder(Instant start, Instant end) {
        super(DocumentSkeletons.run());
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("run end " + end + " is before its start " + start);
        }
        this.start = start;
        this.end = end;
        map.put("backtest_start_date", IsoDateTimes.formatUtc(start));
        map.put("backtest_end_date", IsoDateTimes.formatUtc(end));
        map.put("created_at", IsoDateTimes.formatUtc(end));
    }

    public static RunBuilder window(Instant start, Instant end) {
        return new RunBuilder(start, end);
    }

    public RunBuilder name(String name) {
        return set("backtest_date_range_name", name);
    }

    public RunBuilder tradingSymbol(String symbol) {
        return set("trading_symbol", symbol);
    }

    public RunBuilder initialUnallocated(double amount) {
        return set("initial_unallocated", amount);
    }

    public RunBuilder snapshot(SnapshotBuilder snapshot) {
        ((DocList) map.get("portfolio_snapshots")).add(snapshot.build());
        return this;
    }

    public RunBuilder snapshot(Instant createdAt, double totalValue) {
        return snapshot(SnapshotBuilder.at(createdAt, totalValue));
    }

    public RunBuilder trade(TradeBuilder trade) {
        ((DocList) map.get("trades")).add(trade.build());
        return this;
    }

    public RunBuilder order(OrderBuilder order) {
        ((DocList) map.get("orders")).add(order.build());
        return this;
    }

    public RunBuilder position(String symbol, double amount, double cost) {
        ((DocList) map.get("positions")).add(DocumentSkeletons.position().with("symbol", symbol).with("amount", amount)
                .with("cost", cost));
        return this;
    }

    public RunBuilder metrics(MetricsBuilder metrics) {
        DocMap built = metrics.build();
        if (map.get("backtest_date_range_name") instanceof String name) {
            built.put("backtest_date_range_name", name);
        }
        map.put("backtest_metrics", built);
        return this;
    }

    /** A metrics builder for this run's window; pass it back with {@link #metrics}. */
    public MetricsBuilder metricsForWindow() {
        return MetricsBuilder.window(start, end);
    }

    DocMap build() {
        DocList trades = (DocList) map.get("trades");
        map.put("number_of_days", Duration.between(start, end).toDays());
        map.put("number_of_trades", (long) trades.size());
        map.put("number_of_trades_closed", countStatus(trades, "CLOSED"));
        map.put("number_of_trades_open", countStatus(trades, "OPEN"));
        map.put("number_of_orders", (long) ((DocList) map.get("orders")).size());
        map.put("number_of_positions", (long) ((DocList) map.get("positions")).size());
        return map;
    }

    private static long countStatus(DocList trades, String status) {
        return trades.stream().filter(t -> t instanceof DocMap m && status.equals(m.get("status"))).count();
    }

    @Override
    String kind() {
        return "BacktestRun";
    }
}
