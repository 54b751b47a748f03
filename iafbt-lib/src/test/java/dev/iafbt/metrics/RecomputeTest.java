package dev.iafbt.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.model.Backtest;
import dev.iafbt.model.BacktestMetrics;
import dev.iafbt.model.BacktestRun;
import dev.iafbt.model.MetricSeries;
import dev.iafbt.model.SaveOptions;
import dev.iafbt.testing.GoldenMetrics;
import dev.iafbt.testing.ReferenceFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code Backtest.recompute} against what the reference's {@code recalculate_backtests_in_directory}
 * wrote: the original fixtures recomputed must equal the golden {@code recomputed/} bundles field
 * for field, and byte for byte where the reference's writer choices allow it; the edge bundles
 * (written by the reference with fresh metrics) must come back unchanged.
 */
class RecomputeTest {
    private static final List<String> BYTE_IDENTICAL = List.of("recomputed/irregular-event-v2.iafbt",
            "recomputed/irregular-vector-v2.iafbt", "recomputed/small-v2.iafbt");

    static List<String> recomputedNames() {
        return GoldenMetrics.bundleNames().stream().filter(n -> n.startsWith("recomputed/")).toList();
    }

    static List<String> edgeNames() {
        return GoldenMetrics.bundleNames().stream().filter(n -> n.startsWith("edge/")).toList();
    }

    @ParameterizedTest
    @MethodSource("recomputedNames")
    void anOriginalFixtureRecomputesToTheReferenceRecalculation(String name) throws IOException {
        Path original = ReferenceFixtures.file(name.substring("recomputed/".length()));
        Backtest recomputed = Backtest.open(original).recompute();
        Backtest golden = Backtest.open(GoldenMetrics.file(name));
        assertSameMetrics(recomputed, golden);
        byte[] bytes = recomputed.toBytes(SaveOptions.DEFAULT);
        boolean identical = Arrays.equals(bytes, Files.readAllBytes(GoldenMetrics.file(name)));
        System.out.println("[recompute] " + name + " byte-identical to the reference's recalculation: " + identical);
        // Every value above is equal. The bytes are too where every series blob could be kept from
        // the source (series unchanged); a series that changed gets a blob from our Parquet writer,
        // which encodes the same columns differently from pyarrow; a v1 source has no blobs to
        // keep; and the with-ohlcv bundles keep the OHLCV manifest the reference's recalculation drops.
        assertThat(identical).as(name + " byte-identical").isEqualTo(BYTE_IDENTICAL.contains(name));
    }

    @ParameterizedTest
    @MethodSource("edgeNames")
    void aBundleWithFreshMetricsRecomputesToItsOwnBytes(String name) throws IOException {
        Backtest recomputed = Backtest.open(GoldenMetrics.file(name)).recompute();
        assertThat(recomputed.toBytes(SaveOptions.DEFAULT)).isEqualTo(Files.readAllBytes(GoldenMetrics.file(name)));
    }

    static void assertSameMetrics(Backtest actual, Backtest expected) {
        List<BacktestRun> a = actual.runs();
        List<BacktestRun> e = expected.runs();
        assertThat(a).hasSameSizeAs(e);
        for (int i = 0; i < a.size(); i++) {
            BacktestMetrics am = a.get(i).metrics();
            BacktestMetrics em = e.get(i).metrics();
            assertThat(am.raw().keySet()).containsExactlyElementsOf(em.raw().keySet());
            for (String field : am.raw().keySet()) {
                if (MetricSeries.BLOB_FIELDS.contains(field)) {
                    assertThat(am.series(field)).as("run " + i + " " + field).isEqualTo(em.series(field));
                } else {
                    assertThat(String.valueOf(am.raw().get(field))).as("run " + i + " " + field)
                            .isEqualTo(String.valueOf(em.raw().get(field)));
                }
            }
        }
        Map<String, Object> as = actual.summary().orElseThrow().raw();
        assertThat(String.valueOf(as)).isEqualTo(String.valueOf(expected.summary().orElseThrow().raw()));
    }
}
