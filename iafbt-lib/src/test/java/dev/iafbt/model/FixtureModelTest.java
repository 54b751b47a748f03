package dev.iafbt.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.iafbt.testing.ReferenceFixtures;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The typed model over every reference fixture, checked against the facts its README lists. */
class FixtureModelTest {

    /** file, format version, engine, runs, snapshots, trades, blobs, summary sharpe (README table). */
    static Stream<Arguments> readmeTable() {
        return Stream.of(
                Arguments.of("small-v2.iafbt", 2, null, 2, 4, 0, 12, Double.NaN),
                Arguments.of("small-v1.iafbt", 1, null, 2, 4, 0, 0, Double.NaN),
                Arguments.of("real-05764fc8-vector-v2.iafbt", 2, "vector", 2, 21904, 3, 12, -2.3975062893045385),
                Arguments.of("real-0aa37205-event-v2.iafbt", 2, "event", 2, 21904, 4, 12, -0.1710405120269439),
                Arguments.of("real-0aa37205-v1.iafbt", 1, null, 2, 21904, 4, 0, -0.1710405120269439),
                Arguments.of("batch-0a0bbdc2-v2.iafbt", 2, null, 11, 24112, 691, 66, 0.5199178102742813),
                Arguments.of("irregular-vector-v2.iafbt", 2, "vector", 1, 801, 10, 8, -2.078051905094819),
                Arguments.of("irregular-event-v2.iafbt", 2, "event", 1, 801, 28, 8, 0.8498498031755549),
                Arguments.of("with-ohlcv-v2.iafbt", 2, null, 2, 4, 0, 12, Double.NaN),
                Arguments.of("with-ohlcv-f32-v2.iafbt", 2, null, 2, 4, 0, 12, Double.NaN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readmeTable")
    void fullOpenMatchesTheFixtureFacts(String file, int version, String engine, int runs, int snapshots,
                                        int trades, int blobs, double sharpe) {
        Backtest backtest = Backtest.open(ReferenceFixtures.file(file));
        assertThat(backtest.formatVersion()).isEqualTo(version);
        assertThat(backtest.engineTypeValue()).isEqualTo(engine);
        assertThat(backtest.numberOfRuns()).isEqualTo(runs);
        assertThat(backtest.runs()).hasSize(runs);
        assertThat(backtest.runs().stream().mapToInt(BacktestRun::snapshotCount).sum()).isEqualTo(snapshots);
        assertThat(backtest.runs().stream().mapToInt(r -> r.trades().size()).sum()).isEqualTo(trades);
        long blobRefs = backtest.runs().stream().map(BacktestRun::metrics).filter(m -> m != null)
                .flatMap(m -> MetricSeries.BLOB_FIELDS.stream().filter(f -> m.blobKey(f).isPresent())).count();
        assertThat(blobRefs).isEqualTo(blobs);
        assertThat(backtest.summary()).isPresent();
        assertThat(backtest.summary().get().sharpeRatio()).isEqualTo(Double.valueOf(sharpe));
        readEverything(backtest);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readmeTable")
    void summaryOnlyOpenSeesTheSameIdentityAndSummary(String file, int version, String engine, int runs,
                                                      int snapshots, int trades, int blobs, double sharpe) {
        Backtest backtest = Backtest.openSummary(ReferenceFixtures.file(file));
        assertThat(backtest.numberOfRuns()).isEqualTo(runs);
        assertThat(backtest.summary().get().sharpeRatio()).isEqualTo(Double.valueOf(sharpe));
        assertThat(backtest.bundle().document().values())
                .noneMatch(v -> v instanceof byte[]); // blobs stayed undecoded
        // and the runs still read on demand, lazily
        assertThat(backtest.runs().stream().mapToInt(BacktestRun::snapshotCount).sum()).isEqualTo(snapshots);
    }

    /** Touches every typed accessor, so an irregular shape anywhere would throw. */
    private static void readEverything(Backtest backtest) {
        backtest.algorithmId();
        backtest.tag();
        backtest.riskFreeRate();
        backtest.metadata();
        backtest.parameters();
        backtest.strategyIds();
        backtest.summary().ifPresent(SummaryMetrics::values);
        for (BacktestRun run : backtest.runs()) {
            assertThat(run.startDate()).isNotNull();
            assertThat(run.endDate()).isAfterOrEqualTo(run.startDate());
            run.createdAt();
            run.symbols();
            run.metadata();
            run.positions().forEach(p -> p.amount());
            for (PortfolioSnapshot snapshot : run.portfolioSnapshots()) {
                snapshot.createdAt();
                snapshot.totalValue();
                snapshot.portfolioId();
                snapshot.metadata();
            }
            for (Trade trade : run.trades()) {
                trade.id();
                trade.netGain();
                trade.openedAt();
                trade.orders().forEach(o -> {
                    o.id();
                    o.price();
                    o.createdAt();
                });
            }
            run.orders().forEach(Order::price);
            BacktestMetrics metrics = run.metrics();
            if (metrics != null) {
                for (String field : MetricSeries.BLOB_FIELDS) {
                    metrics.series(field);
                }
                metrics.tradeCount("number_of_positive_trades");
                metrics.tradeCount("number_of_negative_trades");
                metrics.datedValue("best_month");
                metrics.datedValue("best_year");
                metrics.datedValue("worst_year");
                metrics.bestTrade().ifPresent(Trade::netGain);
                metrics.sharpeRatio();
            }
        }
    }

    @Test
    void v1AndV2OfTheSameBacktestAgree() {
        Backtest v1 = Backtest.open(ReferenceFixtures.file("real-0aa37205-v1.iafbt"));
        Backtest v2 = Backtest.open(ReferenceFixtures.file("real-0aa37205-event-v2.iafbt"));
        assertThat(v2.algorithmId()).isEqualTo(v1.algorithmId());
        assertThat(v2.summary().get().values()).isEqualTo(v1.summary().get().values());
        List<BacktestRun> runs1 = v1.runs();
        List<BacktestRun> runs2 = v2.runs();
        assertThat(runs2).hasSameSizeAs(runs1);
        for (int i = 0; i < runs1.size(); i++) {
            BacktestMetrics m1 = runs1.get(i).metrics();
            BacktestMetrics m2 = runs2.get(i).metrics();
            assertThat(runs2.get(i).startDate()).isEqualTo(runs1.get(i).startDate());
            assertThat(runs2.get(i).snapshotCount()).isEqualTo(runs1.get(i).snapshotCount());
            for (String field : MetricSeries.BLOB_FIELDS) {
                assertThat(m2.series(field)).as(field).isEqualTo(m1.series(field));
            }
            assertThat(m2.sharpeRatio()).isEqualTo(m1.sharpeRatio());
        }
    }

    @Test
    void irregularShapesReadAsDocumented() {
        Backtest event = Backtest.open(ReferenceFixtures.file("irregular-event-v2.iafbt"));
        Backtest vector = Backtest.open(ReferenceFixtures.file("irregular-vector-v2.iafbt"));
        // ids: ints in the event engine, UUID strings in the vector engine
        assertThat(event.runs().get(0).trades().get(0).raw().get("id")).isInstanceOf(Long.class);
        assertThat(vector.runs().get(0).trades().get(0).id()).matches("[0-9a-f-]{36}");
        // rolling Sharpe holds NaN, as a value (item 5)
        MetricSeries rolling = event.runs().get(0).metrics().rollingSharpeRatio();
        assertThat(rolling.size()).isPositive();
        assertThat(Arrays.stream(rolling.values()).anyMatch(Double::isNaN)).isTrue();
        // [count, pct] pairs (item 1)
        BacktestMetrics.TradeCount positive = event.runs().get(0).metrics().tradeCount("number_of_positive_trades");
        assertThat(positive.count()).isNotNull();
    }

    @Test
    void equityCurveFromABlobHasEpochMillisAndValues() {
        Backtest backtest = Backtest.open(ReferenceFixtures.file("batch-0a0bbdc2-v2.iafbt"));
        BacktestRun first = backtest.runs().get(0);
        MetricSeries equity = first.metrics().equityCurve();
        assertThat(equity.size()).isEqualTo(first.snapshotCount());
        assertThat(equity.timeAt(0)).isEqualTo(first.startDate());
        assertThat(equity.valueAt(0)).isCloseTo(first.initialUnallocated(), within(1e-6));
    }

    @Test
    void fixturesDirectoryHoldsTheExpectedBundles() {
        Path dir = ReferenceFixtures.dir();
        assertThat(ReferenceFixtures.bundles()).hasSize(10).allMatch(p -> p.getParent().equals(dir));
    }
}
