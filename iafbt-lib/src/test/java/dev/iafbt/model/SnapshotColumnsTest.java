package dev.iafbt.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.iafbt.IafbtException;
import dev.iafbt.bundle.Bundle;
import dev.iafbt.bundle.DocList;
import dev.iafbt.bundle.DocMap;
import dev.iafbt.bundle.RawMsgpack;
import dev.iafbt.bundle.ReadOptions;
import dev.iafbt.internal.bundle.BundleContainer;
import dev.iafbt.internal.bundle.MsgpackDecoder;
import dev.iafbt.testing.ReferenceFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading the metrics' snapshot columns straight from undecoded snapshots gives what reading the
 * decoded snapshot views gives: the same columns, the same dropped snapshots, the same errors.
 */
class SnapshotColumnsTest {
    private static final Instant START = Instant.parse("2023-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2023-06-01T00:00:00Z");

    @TempDir
    Path dir;

    static List<Path> fixtures() {
        return ReferenceFixtures.bundles();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void undecodedSnapshotsGiveTheDecodedColumns(Path fixture) throws IOException {
        List<BacktestRun> decoded = Backtest.open(fixture).runs();
        List<BacktestRun> undecoded = withUndecodedSnapshots(fixture).runs();
        assertThat(undecoded).hasSameSizeAs(decoded);
        for (int i = 0; i < decoded.size(); i++) {
            assertSameColumns(SnapshotColumns.of(undecoded.get(i)), SnapshotColumns.of(decoded.get(i)));
            Object stored = undecoded.get(i).raw().get("portfolio_snapshots");
            if (stored instanceof RawMsgpack raw && raw.kind() == RawMsgpack.Kind.ARRAY) {
                assertThat(undecoded.get(i).raw().get("portfolio_snapshots")).as("left undecoded").isSameAs(raw);
            }
        }
    }

    @Test
    void oddSnapshotsAreDroppedOrReadAsZeroTheSameWay() throws IOException {
        Path file = bundleWith(snapshots -> {
            snapshots.add(new DocMap().with("created_at", "").with("total_value", 1.0));          // no time: dropped
            snapshots.add(new DocMap().with("created_at", "2023-01-02").with("total_value", null)); // nil: 0
            snapshots.add("not a snapshot");                                                       // not a map: skipped
            snapshots.add(new DocMap().with("total_value", 7L).with("created_at", "2023-01-03T00:00:00+01:00")
                    .with("cash_flow", "12.5").with("total_value", 8L));                          // a Decimal string
        });
        SnapshotColumns undecoded = SnapshotColumns.of(withUndecodedSnapshots(file).runs().get(0));
        assertSameColumns(undecoded, SnapshotColumns.of(Backtest.open(file).runs().get(0)));
        assertThat(undecoded.flows()).contains(12.5);
        assertThat(undecoded.values()).contains(0.0);
    }

    @Test
    void aValueThatIsNoNumberFailsNamingFileAndSnapshot() throws IOException {
        Path file = bundleWith(snapshots -> snapshots.add(new DocMap().with("created_at", "2023-01-02")
                .with("total_value", new DocMap().with("x", 1L))));
        Throwable decoded = catchThrowable(() -> SnapshotColumns.of(Backtest.open(file).runs().get(0)));
        assertThat(decoded).isInstanceOf(IafbtException.class)
                .hasMessageStartingWith(file + ": backtest_runs[0].portfolio_snapshots[2].total_value ");
        assertThatThrownBy(() -> SnapshotColumns.of(withUndecodedSnapshots(file).runs().get(0)))
                .isInstanceOf(decoded.getClass()).hasMessage(decoded.getMessage());
    }

    private static void assertSameColumns(SnapshotColumns actual, SnapshotColumns expected) {
        assertThat(actual.micros()).isEqualTo(expected.micros());
        assertThat(actual.values()).isEqualTo(expected.values());
        assertThat(actual.flows()).isEqualTo(expected.flows());
    }

    /** A one-run bundle iafbt writes (two snapshots), with {@code edit} applied to its snapshot list. */
    private Path bundleWith(Consumer<DocList> edit) {
        Backtest built = Backtest.builder("odd")
                .run(RunBuilder.window(START, END).snapshot(START, 1000).snapshot(END, 1100)
                        .metrics(MetricsBuilder.window(START, END).sharpeRatio(1.0)))
                .build();
        DocMap run = (DocMap) ((DocList) built.bundle().document().get("backtest_runs")).get(0);
        edit.accept((DocList) run.get("portfolio_snapshots"));
        return built.save(dir);
    }

    /** The bundle opened with every run's snapshot list left undecoded, as the report opens it. */
    private static Backtest withUndecodedSnapshots(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String name = file.toString();
        byte[] raw = BundleContainer.decompress(bytes, name, ReadOptions.DEFAULT_MAX_DECOMPRESSED_BYTES);
        DocMap document = (DocMap) MsgpackDecoder.decode(raw, name,
                (depth, parentKey, key) -> "portfolio_snapshots".equals(key));
        return Backtest.of(new Bundle(BundleContainer.readVersion(bytes, name), document, file, true));
    }
}
