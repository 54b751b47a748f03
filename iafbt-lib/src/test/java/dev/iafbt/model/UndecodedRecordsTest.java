package dev.iafbt.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.bundle.Bundle;
import dev.iafbt.bundle.DocMap;
import dev.iafbt.bundle.RawMsgpack;
import dev.iafbt.bundle.ReadOptions;
import dev.iafbt.internal.bundle.BundleContainer;
import dev.iafbt.internal.bundle.MsgpackDecoder;
import dev.iafbt.metrics.RunInput;
import dev.iafbt.testing.ReferenceFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A run whose trades and orders are still undecoded (a bundle opened for a tear sheet) gives its
 * first trades and orders and their counts, and its metrics' input, exactly as the decoded run
 * does, and stays undecoded.
 */
class UndecodedRecordsTest {
    private static final Set<String> LISTS = Set.of("trades", "orders", "portfolio_snapshots");

    static List<Path> fixtures() {
        return ReferenceFixtures.bundles();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void leadingRecordsAndMetricInputsAreTheDecodedOnes(Path fixture) throws IOException {
        List<BacktestRun> decoded = Backtest.open(fixture).runs();
        List<BacktestRun> undecoded = withUndecodedLists(fixture).runs();
        assertThat(undecoded).hasSameSizeAs(decoded);
        for (int i = 0; i < decoded.size(); i++) {
            BacktestRun full = decoded.get(i);
            BacktestRun lazy = undecoded.get(i);
            for (int limit : new int[] {0, 1, 3, 100, Integer.MAX_VALUE}) {
                assertSameLeading(lazy.leadingTrades(limit), full.trades(), limit);
                assertSameLeading(lazy.leadingOrders(limit), full.orders(), limit);
                assertSameLeading(full.leadingTrades(limit), full.trades(), limit);
            }
            if (full.startDate() != null && full.endDate() != null) {
                RunInput expected = full.metricsInput();
                RunInput actual = lazy.metricsInput();
                assertThat(actual.trades()).isEqualTo(expected.trades());
                assertThat(actual.snapshotMicros()).isEqualTo(expected.snapshotMicros());
                assertThat(actual.totalValues()).isEqualTo(expected.totalValues());
                assertThat(actual.cashFlows()).isEqualTo(expected.cashFlows());
            }
            for (String key : List.of("trades", "orders")) {
                if (lazy.raw().get(key) instanceof RawMsgpack raw) {
                    assertThat(raw.kind()).as("only arrays and nil are left undecoded here")
                            .isIn(RawMsgpack.Kind.ARRAY, RawMsgpack.Kind.NIL);
                }
            }
        }
    }

    private static <T extends DocView> void assertSameLeading(Leading<T> actual, List<T> all, int limit) {
        assertThat(actual.total()).isEqualTo(all.size());
        List<T> expected = all.subList(0, Math.min(limit, all.size()));
        assertThat(actual.first()).hasSameSizeAs(expected);
        for (int k = 0; k < expected.size(); k++) {
            assertThat(actual.first().get(k).raw()).isEqualTo(expected.get(k).raw());
            assertThat(actual.first().get(k).path()).isEqualTo(expected.get(k).path());
        }
    }

    /** The bundle opened with every run's trades, orders and snapshots left undecoded, as the report opens it. */
    private static Backtest withUndecodedLists(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String name = file.toString();
        byte[] raw = BundleContainer.decompress(bytes, name, ReadOptions.DEFAULT_MAX_DECOMPRESSED_BYTES);
        DocMap document = (DocMap) MsgpackDecoder.decode(raw, name, (depth, parentKey, key) -> LISTS.contains(key));
        return Backtest.of(new Bundle(BundleContainer.readVersion(bytes, name), document, file, true));
    }
}
