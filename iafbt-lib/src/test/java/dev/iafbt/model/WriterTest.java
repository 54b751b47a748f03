package dev.iafbt.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.bundle.Bundle;
import dev.iafbt.bundle.BundleFormatException;
import dev.iafbt.bundle.BundleReader;
import dev.iafbt.bundle.DocList;
import dev.iafbt.bundle.DocMap;
import dev.iafbt.bundle.ReadOptions;
import dev.iafbt.internal.bundle.MsgpackEncoder;
import dev.iafbt.internal.parquet.MetricBlobCodec;
import dev.iafbt.testing.ReferenceFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriterTest {
    @TempDir
    Path dir;

    static final Instant START = Instant.parse("2023-01-01T00:00:00Z");
    static final Instant END = Instant.parse("2023-03-01T00:00:00Z");

    static Backtest sample(String id) {
        long[] times = {START.toEpochMilli(), START.plus(Duration.ofDays(1)).toEpochMilli(), END.toEpochMilli()};
        return Backtest.builder(id).tag("demo").engineType(EngineType.VECTOR).riskFreeRate(0.027)
                .parameter("fast", 9).parameter("symbols", List.of("BTC/EUR"))
                .run(RunBuilder.window(START, END).name("w1").tradingSymbol("EUR").initialUnallocated(1000)
                        .snapshot(START, 1000).snapshot(END, 1100)
                        .trade(TradeBuilder.withId(7).set("status", "CLOSED").set("net_gain", 100)
                                .order(OrderBuilder.withId(1).set("order_side", "BUY")))
                        .metrics(MetricsBuilder.window(START, END).sharpeRatio(1.25).maxDrawdown(0.1)
                                .series("equity_curve", MetricSeries.of(times, new double[] {1000, 1050, 1100}))
                                .series("rolling_sharpe_ratio", MetricSeries.of(times,
                                        new double[] {Double.NaN, 0.5, Double.POSITIVE_INFINITY}))))
                .summary(SummaryField.SHARPE_RATIO, 1.25).summary(SummaryField.NUMBER_OF_TRADES, 1L)
                .build();
    }

    @Test
    void builtBundleHasTheReferenceEnvelopeAndBlobs() {
        Backtest backtest = sample("algo_1");
        DocMap doc = backtest.bundle().document();
        assertThat(doc.keySet()).containsExactly("format_version", "engine_type", "algorithm_id", "metadata",
                "risk_free_rate", "strategy_ids", "parameters", "tag", "backtest_permutation_tests", "vector_runs",
                "vector_metrics", "blobs");
        assertThat(((DocMap) doc.get("blobs")).keySet()).containsExactly(
                "runs/0/metrics/equity_curve.parquet", "runs/0/metrics/rolling_sharpe_ratio.parquet");
        DocMap metrics = (DocMap) ((DocMap) ((DocList) doc.get("vector_runs")).get(0)).get("backtest_metrics");
        assertThat(metrics).hasSize(77);
        assertThat(metrics.get("equity_curve")).isEqualTo(new DocMap().with("@blob", "runs/0/metrics/equity_curve.parquet"));
        assertThat(metrics.get("drawdown_series")).isEqualTo(new DocList()); // empty stays inline
        assertThat(((DocMap) doc.get("vector_metrics"))).hasSize(55);
    }

    @Test
    void savedBundleReopensWithTheSameValues() {
        Path file = sample("algo_2").save(dir);
        assertThat(file).isEqualTo(dir.resolve("algo_2.iafbt"));
        Backtest back = Backtest.open(file);
        assertThat(back.formatVersion()).isEqualTo(2);
        assertThat(back.engineType()).isEqualTo(EngineType.VECTOR);
        assertThat(back.parameters()).containsEntry("fast", 9L);
        BacktestRun run = back.runs().get(0);
        assertThat(run.startDate()).isEqualTo(START);
        assertThat(run.numberOfDays()).isEqualTo(59);
        assertThat(run.raw().get("number_of_trades_closed")).isEqualTo(1L);
        assertThat(run.trades().get(0).id()).isEqualTo("7");
        MetricSeries rolling = run.metrics().rollingSharpeRatio();
        assertThat(rolling.valueAt(0)).isNaN();
        assertThat(rolling.valueAt(2)).isInfinite();
        assertThat(run.metrics().equityCurve().timeAt(2)).isEqualTo(END);
        assertThat(back.summary().get().sharpeRatio()).isEqualTo(1.25);
        assertThat(back.summary().get().get(SummaryField.MAX_DRAWDOWN)).isNull();
    }

    @Test
    void v1SaveInlinesTheSeriesAndReadsBackTheSame() throws Exception {
        Backtest v2 = sample("algo_3");
        Path file = v2.save(dir.resolve("legacy"), SaveOptions.v1());
        assertThat(file.getFileName().toString()).isEqualTo("legacy.iafbt");
        assertThat(Files.readAllBytes(file)[4]).isEqualTo((byte) 1);
        Backtest v1 = Backtest.open(file);
        assertThat(v1.formatVersion()).isEqualTo(1);
        assertThat(v1.bundle().document().keySet()).containsExactly("format_version", "backtest");
        assertThat(v1.raw().keySet()).containsExactly("backtest_runs", "backtest_summary",
                "backtest_permutation_tests", "metadata", "risk_free_rate", "strategy_ids", "algorithm_id",
                "parameters", "tag", "engine_type");
        BacktestMetrics metrics = v1.runs().get(0).metrics();
        assertThat(metrics.blobKey("equity_curve")).isEmpty();
        assertThat(metrics.equityCurve()).isEqualTo(v2.runs().get(0).metrics().equityCurve());
        assertThat(metrics.rollingSharpeRatio()).isEqualTo(v2.runs().get(0).metrics().rollingSharpeRatio());
        // and back to v2 gives the same document as the original build (blob bytes aside)
        Backtest again = Backtest.of(BundleReader.read(v1.toBytes(SaveOptions.v2()), null, ReadOptions.FULL));
        assertThat(again.bundle().document().keySet()).isEqualTo(v2.bundle().document().keySet());
        assertThat(again.runs().get(0).metrics().equityCurve()).isEqualTo(v2.runs().get(0).metrics().equityCurve());
    }

    @Test
    void summaryFirstLayoutPutsTheSummaryAheadOfTheRuns() {
        Backtest backtest = sample("algo_4");
        Backtest reread = Backtest.of(BundleReader.read(backtest.toBytes(SaveOptions.DEFAULT.withSummaryFirst(true)),
                null, ReadOptions.FULL));
        List<String> keys = new ArrayList<>(reread.bundle().document().keySet());
        assertThat(keys.indexOf("vector_metrics")).isLessThan(keys.indexOf("vector_runs"));
        assertThat(reread.summary().get().sharpeRatio()).isEqualTo(1.25);
        assertThat(reread.runs()).hasSize(1);
    }

    @Test
    void referenceV1ConvertedToV2MatchesTheReferenceV2DocumentButForBlobBytes() {
        Backtest v1 = Backtest.open(ReferenceFixtures.file("real-0aa37205-v1.iafbt"));
        Backtest reference = Backtest.open(ReferenceFixtures.file("real-0aa37205-event-v2.iafbt"));
        v1.raw().put("engine_type", "event"); // the v1 file predates the engine field
        Bundle converted = v1.toBundle(SaveOptions.v2());
        DocMap ours = converted.document();
        DocMap theirs = reference.bundle().document();
        assertThat(ours.keySet()).containsExactlyElementsOf(theirs.keySet());
        for (String key : theirs.keySet()) {
            if (!key.equals("blobs")) {
                assertThat(MsgpackEncoder.encode(ours.get(key))).as(key).isEqualTo(MsgpackEncoder.encode(theirs.get(key)));
            }
        }
        DocMap ourBlobs = (DocMap) ours.get("blobs");
        DocMap theirBlobs = (DocMap) theirs.get("blobs");
        assertThat(ourBlobs.keySet()).containsExactlyElementsOf(theirBlobs.keySet());
        for (String key : theirBlobs.keySet()) {
            var a = MetricBlobCodec.read((byte[]) ourBlobs.get(key), "ours " + key);
            var b = MetricBlobCodec.read((byte[]) theirBlobs.get(key), "reference " + key);
            assertThat(a.epochMillis()).as(key).isEqualTo(b.epochMillis());
            assertThat(a.values()).as(key).isEqualTo(b.values());
        }
    }

    @Test
    void seriesTheReferenceWouldNotExtractStayInline() {
        DocList withNil = DocList.of(DocList.of(1.0, "2023-01-01T00:00:00+00:00"),
                DocList.of(null, "2023-01-02T00:00:00+00:00"));
        DocList withBadEntry = DocList.of(DocList.of(1.0, "2023-01-01T00:00:00+00:00"), "not a pair");
        DocList withIntsAndStrings = DocList.of(DocList.of(1L, "2023-01-01"), DocList.of("2.5", 1672617600000L));
        assertThat(BlobExtractor.extractable(withNil)).isNull();
        assertThat(BlobExtractor.extractable(withBadEntry)).isNull();
        assertThat(BlobExtractor.extractable(new DocList())).isNull();
        MetricSeries extracted = BlobExtractor.extractable(withIntsAndStrings);
        assertThat(extracted.values()).containsExactly(1.0, 2.5);
        assertThat(extracted.epochMillis()).containsExactly(1672531200000L, 1672617600000L);
    }

    @Test
    void missingBlobIsANamedError() {
        Backtest backtest = sample("algo_5");
        ((DocMap) backtest.bundle().document().get("blobs")).remove("runs/0/metrics/equity_curve.parquet");
        byte[] bytes = backtest.toBytes(SaveOptions.DEFAULT.withZstdLevel(1));
        assertThatThrownBy(() -> Backtest.open(write("noblob.iafbt", bytes)))
                .isInstanceOf(BundleFormatException.class)
                .hasMessageContainingAll("noblob.iafbt", "vector_runs[0].backtest_metrics", "equity_curve.parquet",
                        "missing from the blobs map");
    }

    @Test
    void wrongShapeWhereTheModelNeedsStructureIsANamedError() {
        Backtest backtest = sample("algo_6");
        backtest.bundle().document().put("vector_runs", "not a list");
        Backtest broken = Backtest.of(BundleReader.read(backtest.toBytes(SaveOptions.DEFAULT.withZstdLevel(1)),
                dir.resolve("shape.iafbt"), ReadOptions.SUMMARY_ONLY));
        assertThatThrownBy(broken::runs).isInstanceOf(ModelShapeException.class)
                .hasMessageContainingAll("shape.iafbt", "vector_runs must be an array", "a string");
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }
}
