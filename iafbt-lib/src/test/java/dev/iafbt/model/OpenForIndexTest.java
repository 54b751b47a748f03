package dev.iafbt.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.bundle.BundleFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The head-only read of summary-first bundles, and its fall-back for every other layout. */
class OpenForIndexTest {
    @TempDir
    Path dir;

    private static Backtest bigBacktest(String id, int parameterCount) {
        BacktestBuilder builder = Backtest.builder(id).tag("head").engineType(EngineType.EVENT)
                .summary(SummaryField.SHARPE_RATIO, 0.75).summary(SummaryField.NUMBER_OF_TRADES, 3L);
        for (int i = 0; i < parameterCount; i++) {
            builder.parameter("p" + i, "value-" + i + "-" + "x".repeat(40));
        }
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int w = 0; w < 3; w++) {
            RunBuilder run = RunBuilder.window(start, start.plus(Duration.ofDays(30)));
            SplittableRandom random = new SplittableRandom(w);
            for (int s = 0; s < 3000; s++) { // noisy values, so the file is large enough for a head read
                run.snapshot(SnapshotBuilder.at(start.plus(Duration.ofMinutes(s)), 1000 + random.nextDouble())
                        .set("unallocated", random.nextDouble()).set("total_net_gain", random.nextDouble()));
            }
            builder.run(run);
        }
        return builder.build();
    }

    @Test
    void summaryFirstBundleIsReadHeadOnly() throws Exception {
        Path file = bigBacktest("first", 5).save(dir.resolve("first"), SaveOptions.DEFAULT.withZstdLevel(3).withSummaryFirst(true));
        assertThat(Files.size(file)).isGreaterThan(64 * 1024);
        Backtest head = Backtest.openForIndex(file);
        assertThat(head.bundle().isHeadOnly()).isTrue();
        assertThat(head.algorithmId()).isEqualTo("first");
        assertThat(head.tag()).isEqualTo("head");
        assertThat(head.numberOfRuns()).isEqualTo(3);
        assertThat(head.parameters()).hasSize(5);
        assertThat(head.summary().get().sharpeRatio()).isEqualTo(0.75);
        assertThatThrownBy(head::runs).isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("first.iafbt", "only the head", "Backtest.open");
        assertThatThrownBy(() -> head.save(dir.resolve("copy"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("open it in full to save it");
    }

    @Test
    void headLargerThanTheFirstPrefixIsStillFound() {
        Path file = bigBacktest("wide", 2000).save(dir.resolve("wide"), SaveOptions.DEFAULT.withZstdLevel(3).withSummaryFirst(true));
        Backtest head = Backtest.openForIndex(file);
        assertThat(head.bundle().isHeadOnly()).isTrue();
        assertThat(head.parameters()).hasSize(2000);
        assertThat(head.numberOfRuns()).isEqualTo(3);
    }

    @Test
    void ordinaryLayoutReadsSummaryOnlyInTheSamePass() throws Exception {
        Path file = bigBacktest("plain", 5).save(dir.resolve("plain"), SaveOptions.DEFAULT.withZstdLevel(3));
        assertThat(Files.size(file)).isGreaterThan(64 * 1024);
        Backtest backtest = Backtest.openForIndex(file);
        assertThat(backtest.bundle().isHeadOnly()).isFalse();
        assertThat(backtest.bundle().isSummaryOnly()).isTrue();
        assertThat(backtest.numberOfRuns()).isEqualTo(3);
        assertThat(backtest.runs()).hasSize(3);
    }

    @Test
    void v1FallsBackToo() {
        Path file = bigBacktest("old", 5).save(dir.resolve("old"), SaveOptions.v1().withZstdLevel(3));
        Backtest backtest = Backtest.openForIndex(file);
        assertThat(backtest.bundle().isHeadOnly()).isFalse();
        assertThat(backtest.summary().get().sharpeRatio()).isEqualTo(0.75);
    }

    @Test
    void smallBundleIsReadTheOrdinaryWay() {
        Path file = Backtest.builder("tiny").summary(SummaryField.SHARPE_RATIO, 2.0).build()
                .save(dir.resolve("tiny"), SaveOptions.DEFAULT.withZstdLevel(3).withSummaryFirst(true));
        Backtest backtest = Backtest.openForIndex(file);
        assertThat(backtest.bundle().isHeadOnly()).isFalse();
        assertThat(backtest.summary().get().sharpeRatio()).isEqualTo(2.0);
    }

    @Test
    void damagedMiddleOfALargeBundleIsReportedByTheOrdinaryReader() throws Exception {
        Path file = bigBacktest("torn", 5).save(dir.resolve("torn"), SaveOptions.DEFAULT.withZstdLevel(3));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> Backtest.openForIndex(file)).isInstanceOf(BundleFormatException.class)
                .hasMessageContainingAll("torn.iafbt", "truncated");
    }

    @Test
    void damagedSummaryFirstBundleFallsBackAndReportsTheError() throws Exception {
        Path file = bigBacktest("broken", 5).save(dir.resolve("broken"), SaveOptions.DEFAULT.withZstdLevel(3).withSummaryFirst(true));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, 40));
        assertThatThrownBy(() -> Backtest.openForIndex(file)).isInstanceOf(BundleFormatException.class)
                .hasMessageContaining("broken.iafbt");
    }
}
