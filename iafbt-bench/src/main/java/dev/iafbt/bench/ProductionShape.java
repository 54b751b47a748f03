package dev.iafbt.bench;

import dev.iafbt.model.Backtest;
import dev.iafbt.model.BacktestBuilder;
import dev.iafbt.model.EngineType;
import dev.iafbt.model.MetricSeries;
import dev.iafbt.model.MetricsBuilder;
import dev.iafbt.model.OrderBuilder;
import dev.iafbt.model.RunBuilder;
import dev.iafbt.model.SnapshotBuilder;
import dev.iafbt.model.SummaryField;
import dev.iafbt.model.TradeBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A backtest shaped like the reference's production data: rolling one-year
 * windows of 2,192 four-hourly snapshots, ~112 trades with two orders each, ~600 signal events,
 * a 100-entry metadata map, the six non-TWR series (rolling Sharpe with leading NaNs). Seeded, so
 * the same arguments give the same bundle.
 */
public final class ProductionShape {
    private static final String[] SYMBOLS = {"BTC", "ETH", "ADA", "SOL", "DOT"};

    private ProductionShape() {
    }

    public static Backtest generate(String algorithmId, int runs, long seed) {
        return generate(algorithmId, runs, seed, Map.of());
    }

    /** The same, its OHLCV manifest naming {@code ohlcv} (key to chunk name), as a sweep sharing price data. */
    public static Backtest generate(String algorithmId, int runs, long seed, Map<String, String> ohlcv) {
        SplittableRandom random = new SplittableRandom(seed);
        BacktestBuilder builder = Backtest.builder(algorithmId).riskFreeRate(0.027)
                .parameter("fast_period", 9).parameter("slow_period", 50).parameter("trend_period", 100)
                .parameter("stop_loss_pct", 6.0).parameter("position_size_pct", 25)
                .parameter("symbols", List.of("BTC/EUR", "ETH/EUR")).parameter("use_ema", true);
        for (int i = 0; i < 100; i++) {
            builder.metadata("strategy_param_" + i, random.nextDouble() < 0.5 ? (Object) random.nextInt(100)
                    : "value-" + random.nextInt(1000));
        }
        Instant first = Instant.parse("2022-01-01T00:00:00Z");
        for (int w = 0; w < runs; w++) {
            Instant start = first.plus(Duration.ofDays(89L * w));
            builder.run(window(random, "train_window_" + (w + 1), start, start.plus(Duration.ofDays(365))));
        }
        Map<SummaryField, Double> summary = new LinkedHashMap<>();
        for (SummaryField field : SummaryField.values()) {
            summary.put(field, random.nextGaussian());
        }
        ohlcv.forEach(builder::ohlcv);
        return builder.summary(summary).build();
    }

    private static RunBuilder window(SplittableRandom random, String name, Instant start, Instant end) {
        RunBuilder run = RunBuilder.window(start, end).name(name).tradingSymbol("EUR").initialUnallocated(1000);
        int points = 2192;
        long[] times = new long[points];
        double[] equity = new double[points];
        double value = 1000;
        for (int i = 0; i < points; i++) {
            Instant t = i == 0 ? start : start.plus(Duration.ofHours(4L * (i - 1)));
            value *= 1 + random.nextGaussian() * 0.004;
            times[i] = t.toEpochMilli();
            equity[i] = value;
            run.snapshot(SnapshotBuilder.at(t, value).set("portfolio_id", "BITVAVO")
                    .set("trading_symbol", i == 0 ? "EUR" : "").set("unallocated", value * 0.3)
                    .set("total_net_gain", value - 1000).set("total_cost", value * 0.7));
        }
        int trades = 55 + random.nextInt(150);
        for (int k = 0; k < trades; k++) {
            String symbol = SYMBOLS[random.nextInt(SYMBOLS.length)];
            Instant opened = start.plus(Duration.ofHours(random.nextInt(8000)));
            Instant closed = opened.plus(Duration.ofHours(4 + random.nextInt(200)));
            double price = 100 + random.nextDouble() * 1000;
            double amount = random.nextDouble() * 2;
            run.trade(TradeBuilder.withId(UUID.nameUUIDFromBytes(new byte[] {(byte) k, (byte) trades})
                            .toString())
                    .set("target_symbol", symbol).set("trading_symbol", "EUR").set("status", "CLOSED")
                    .set("amount", amount).set("open_price", price).set("opened_at", opened)
                    .set("closed_at", closed).set("updated_at", closed).set("net_gain", random.nextGaussian() * 20)
                    .set("cost", amount * price).set("filled_amount", amount)
                    .order(order(symbol, "BUY", price, amount, opened))
                    .order(order(symbol, "SELL", price * 1.01, amount, closed)));
        }
        List<Object> events = new ArrayList<>();
        int eventCount = 258 + random.nextInt(600);
        for (int e = 0; e < eventCount; e++) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("date", start.plus(Duration.ofHours(4L * random.nextInt(points))));
            event.put("symbol", SYMBOLS[random.nextInt(SYMBOLS.length)]);
            event.put("signal", random.nextBoolean() ? "buy" : "sell");
            event.put("executed", random.nextBoolean());
            event.put("reason", "executed");
            events.add(event);
        }
        run.set("signal_events", events).set("symbols", List.of(SYMBOLS));
        MetricsBuilder metrics = run.metricsForWindow()
                .series("equity_curve", MetricSeries.of(times, equity))
                .series("drawdown_series", MetricSeries.of(times, scaled(equity, -0.0001)))
                .series("cumulative_return_series", MetricSeries.of(times, scaled(equity, 0.001)))
                .series("rolling_sharpe_ratio", rollingSharpe(start))
                .series("monthly_returns", monthly(start, random))
                .series("yearly_returns", MetricSeries.of(new long[] {start.toEpochMilli()},
                        new double[] {random.nextGaussian()}))
                .sharpeRatio(random.nextGaussian()).maxDrawdown(random.nextDouble() * 0.3)
                .totalNetGain(equity[points - 1] - 1000);
        return run.metrics(metrics);
    }

    private static OrderBuilder order(String symbol, String side, double price, double amount, Instant at) {
        return OrderBuilder.withId(symbol + side + at.toEpochMilli()).set("target_symbol", symbol)
                .set("trading_symbol", "EUR").set("order_side", side).set("order_type", "LIMIT")
                .set("status", "CLOSED").set("price", price).set("amount", amount).set("created_at", at)
                .set("updated_at", at).set("filled", amount).set("remaining", 0.0)
                .set("metadata", Map.of("order_reason", side.equals("BUY") ? "buy_signal" : "sell_signal"));
    }

    private static double[] scaled(double[] values, double factor) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * factor;
        }
        return out;
    }

    private static MetricSeries rollingSharpe(Instant start) {
        long[] t = new long[365];
        double[] v = new double[365];
        for (int d = 0; d < 365; d++) {
            t[d] = start.plus(Duration.ofDays(d)).toEpochMilli();
            v[d] = d < 30 ? Double.NaN : Math.sin(d / 20.0);
        }
        return MetricSeries.of(t, v);
    }

    private static MetricSeries monthly(Instant start, SplittableRandom random) {
        long[] t = new long[12];
        double[] v = new double[12];
        for (int m = 0; m < 12; m++) {
            t[m] = start.plus(Duration.ofDays(30L * (m + 1))).toEpochMilli();
            v[m] = random.nextGaussian() * 0.05;
        }
        return MetricSeries.of(t, v);
    }
}
