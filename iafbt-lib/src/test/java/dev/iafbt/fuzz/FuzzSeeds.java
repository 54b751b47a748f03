package dev.iafbt.fuzz;

import dev.iafbt.internal.bundle.BundleContainer;
import dev.iafbt.internal.bundle.MsgpackEncoder;
import dev.iafbt.internal.parquet.MetricBlobCodec;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.MetricSeries;
import dev.iafbt.model.MetricsBuilder;
import dev.iafbt.model.OrderBuilder;
import dev.iafbt.model.RunBuilder;
import dev.iafbt.model.SaveOptions;
import dev.iafbt.model.SummaryField;
import dev.iafbt.model.TradeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

/**
 * Writes the fuzz targets' seed corpus: small bundles written by iafbt (v1 and v2, with a run,
 * trades, orders, positions, snapshots and a metric blob), their bare msgpack documents, and a
 * metric blob. Run from the iafbt-lib folder with the test classpath; the output is committed.
 */
public final class FuzzSeeds {
    private FuzzSeeds() {
    }

    public static void main(String[] args) throws IOException {
        Path inputs = Path.of(args.length > 0 ? args[0] : "src/test/resources/dev/iafbt/fuzz/ReaderFuzzTestInputs");
        Path bundles = Files.createDirectories(inputs.resolve("bundleOrDocument"));
        Backtest backtest = sample();
        for (int version = 1; version <= 2; version++) {
            byte[] file = backtest.toBytes(SaveOptions.DEFAULT.withFormatVersion(version).withZstdLevel(3));
            Files.write(bundles.resolve("seed-v" + version + ".iafbt"), file);
            byte[] raw = BundleContainer.decompress(file, "seed", Long.MAX_VALUE);
            Files.write(bundles.resolve("seed-v" + version + ".msgpack"), raw);
        }
        Files.write(bundles.resolve("seed-minimal.msgpack"), MsgpackEncoder.encode(
                new dev.iafbt.bundle.DocMap().with("format_version", 2L).with("algorithm_id", "a")));
        Path blobs = Files.createDirectories(inputs.resolve("metricBlob"));
        Files.write(blobs.resolve("seed-equity.parquet"),
                MetricBlobCodec.write(new long[] {0L, 86_400_000L, 172_800_000L}, new double[] {1.0, Double.NaN, 3.5}));
    }

    static Backtest sample() {
        Instant start = Instant.parse("2023-01-01T00:00:00Z");
        Instant end = Instant.parse("2023-03-01T00:00:00Z");
        long[] times = {start.toEpochMilli(), start.toEpochMilli() + 86_400_000L, end.toEpochMilli()};
        OrderBuilder buy = OrderBuilder.withId("o1").set("target_symbol", "BTC").set("trading_symbol", "EUR")
                .set("order_side", "BUY").set("order_type", "LIMIT").set("status", "CLOSED")
                .set("price", 100.5).set("amount", 2.0).set("created_at", "2023-01-02T00:00:00");
        return Backtest.builder("fuzz-seed")
                .tag("seed")
                .riskFreeRate(0.02)
                .strategyId("s")
                .parameter("fast", 10L)
                .parameter("stop", 0.05)
                .run(RunBuilder.window(start, end)
                        .tradingSymbol("EUR")
                        .initialUnallocated(1000)
                        .snapshot(start, 1000)
                        .snapshot(end, 1100.25)
                        .trade(TradeBuilder.withId("t1").set("target_symbol", "BTC").set("trading_symbol", "EUR")
                                .set("status", "CLOSED").set("amount", 2.0).set("opened_at", "2023-01-02T00:00:00")
                                .order(buy))
                        .position("BTC", 2.0, 201.0)
                        .metrics(MetricsBuilder.window(start, end)
                                .sharpeRatio(1.25)
                                .maxDrawdown(0.1)
                                .totalNetGain(100.25)
                                .series("equity_curve", MetricSeries.of(times, new double[] {1000, 1050, 1100.25}))
                                .series("drawdown_series", MetricSeries.of(Arrays.copyOf(times, 2), new double[] {0, 0.1}))))
                .summary(SummaryField.SHARPE_RATIO, 1.25)
                .summary(SummaryField.NUMBER_OF_TRADES, 1L)
                .build();
    }
}
