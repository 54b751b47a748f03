package dev.iafbt.store;

import dev.iafbt.model.Backtest;
import dev.iafbt.model.BacktestBuilder;
import dev.iafbt.model.OrderBuilder;
import dev.iafbt.model.RunBuilder;
import dev.iafbt.model.SummaryField;
import dev.iafbt.model.TradeBuilder;
import dev.iafbt.ohlcv.OhlcvFrame;
import dev.iafbt.ohlcv.OhlcvStore;
import java.time.Duration;
import java.time.Instant;

/** Backtests the store tests write: built with iafbt, small, with snapshots, trades and orders. */
final class StoreFixtures {
    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private StoreFixtures() {
    }

    static Backtest backtest(String algorithmId) {
        return builder(algorithmId).build();
    }

    static BacktestBuilder builder(String algorithmId) {
        Instant end = START.plus(Duration.ofDays(30));
        OrderBuilder buy = OrderBuilder.withId(7L).set("target_symbol", "BTC").set("trading_symbol", "EUR")
                .set("order_side", "BUY").set("order_type", "MARKET").set("status", "CLOSED")
                .set("price", 42000.5).set("amount", 0.01).set("created_at", "2024-01-02T00:00:00+00:00")
                .set("metadata", java.util.Map.of("order_reason", "buy_signal"));
        TradeBuilder trade = TradeBuilder.withId(3L).set("target_symbol", "BTC").set("trading_symbol", "EUR")
                .set("status", "CLOSED").set("amount", 0.01).set("open_price", 42000.5)
                .set("opened_at", "2024-01-02T00:00:00+00:00").set("net_gain", 12.5).order(buy);
        RunBuilder first = RunBuilder.window(START, end).name("jan").tradingSymbol("EUR")
                .snapshot(START, 1000).snapshot(end, 1012.5).trade(trade).order(buy);
        RunBuilder second = RunBuilder.window(end, end.plus(Duration.ofDays(30))).tradingSymbol("EUR")
                .snapshot(end, 1000).snapshot(end.plus(Duration.ofDays(30)), 990);
        return Backtest.builder(algorithmId).tag("t").parameter("fast", 10L).run(first).run(second)
                .summary(SummaryField.SHARPE_RATIO, 1.25);
    }

    /**
     * A larger backtest: {@code runs} windows with {@code snapshots} snapshots and {@code trades}
     * closed trades (two orders each) per run; every other trade has a stop loss, the rest none.
     */
    static Backtest sized(String algorithmId, int runs, int snapshots, int trades) {
        BacktestBuilder builder = Backtest.builder(algorithmId).parameter("runs", (long) runs);
        for (int r = 0; r < runs; r++) {
            Instant start = START.plus(Duration.ofDays(365L * r));
            Instant end = start.plus(Duration.ofHours(4L * snapshots));
            RunBuilder run = RunBuilder.window(start, end).tradingSymbol("EUR");
            for (int s = 0; s < snapshots; s++) {
                run.snapshot(start.plus(Duration.ofHours(4L * s)), 1000 + s);
            }
            for (int t = 0; t < trades; t++) {
                String at = start.plus(Duration.ofHours(t)).toString().replace("Z", "+00:00");
                OrderBuilder buy = OrderBuilder.withId((long) t * 2).set("target_symbol", "BTC")
                        .set("trading_symbol", "EUR").set("order_side", "BUY").set("order_type", "MARKET")
                        .set("status", "CLOSED").set("price", 100.0 + t).set("amount", 1.0).set("created_at", at);
                OrderBuilder sell = OrderBuilder.withId((long) t * 2 + 1).set("target_symbol", "BTC")
                        .set("trading_symbol", "EUR").set("order_side", "SELL").set("order_type", "MARKET")
                        .set("status", "CLOSED").set("price", 101.0 + t).set("amount", 1.0).set("created_at", at);
                TradeBuilder trade = TradeBuilder.withId((long) t).set("target_symbol", "BTC")
                        .set("trading_symbol", "EUR").set("status", "CLOSED").set("amount", 1.0)
                        .set("open_price", 100.0 + t).set("opened_at", at).set("closed_at", at)
                        .set("net_gain", 1.0).order(buy).order(sell);
                if (t % 2 == 0) {
                    trade.set("stop_losses", java.util.List.of(java.util.Map.of("percentage", 5L, "trailing", false)));
                }
                run.trade(trade).order(buy).order(sell);
            }
            builder.run(run);
        }
        return builder.build();
    }

    /** The reference test frame: 4 hourly rows from 2024-01-01, Open = base + i, … */
    static OhlcvFrame frame(double base) {
        long[] ts = new long[4];
        double[] open = new double[4];
        double[] high = new double[4];
        double[] low = new double[4];
        double[] close = new double[4];
        double[] volume = new double[4];
        for (int i = 0; i < 4; i++) {
            ts[i] = START.plus(Duration.ofHours(i)).toEpochMilli();
            open[i] = base + i;
            high[i] = base + i + 0.5;
            low[i] = base + i - 0.5;
            close[i] = base + i + 0.25;
            volume[i] = 1000 + i;
        }
        return OhlcvFrame.ofEpochMillis(ts, open, high, low, close, volume);
    }

    /** A backtest whose {@code BTC/EUR:1h} frame (at {@code base}) is already in {@code chunks}. */
    static Backtest withOhlcv(String algorithmId, OhlcvStore chunks, double base) {
        String name = chunks.put(frame(base), false);
        return builder(algorithmId).ohlcv("BTC/EUR:1h", name).build();
    }
}
