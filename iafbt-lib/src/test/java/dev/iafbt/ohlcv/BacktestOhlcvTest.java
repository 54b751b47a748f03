package dev.iafbt.ohlcv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.bundle.DocMap;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.ModelShapeException;
import dev.iafbt.testing.ReferenceFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backtest's OHLCV manifest resolved against the side store beside it. */
class BacktestOhlcvTest {
    @TempDir
    Path dir;

    @Test
    void referenceBundlesResolveTheirFramesFromTheFixtureStore() {
        for (String name : new String[] {"with-ohlcv-v2.iafbt", "with-ohlcv-f32-v2.iafbt"}) {
            Backtest backtest = Backtest.openSummary(ReferenceFixtures.file(name));
            OhlcvFrames frames = OhlcvFrames.of(backtest);
            assertThat(frames.keys()).containsExactly("BTC/EUR@1h", "ETH/EUR@1d");
            assertThat(frames.isLoaded("BTC/EUR@1h")).isFalse();
            OhlcvFrame btc = frames.get("BTC/EUR@1h");
            assertThat(btc.rowCount()).isPositive();
            assertThat(btc.storedAsFloat32()).isEqualTo(name.contains("f32"));
            assertThat(frames.isLoaded("BTC/EUR@1h")).isTrue();
        }
    }

    @Test
    void builtBundleWithAFrameReadsItBackAndAMissingChunkIsNamed() throws Exception {
        OhlcvStore store = new OhlcvStore(dir.resolve("ohlcv"));
        long t0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
        OhlcvFrame frame = OhlcvFrame.ofEpochMillis(new long[] {t0, t0 + 3_600_000},
                new double[] {1, 2}, new double[] {2, 3}, new double[] {0.5, 1.5}, new double[] {1.5, 2.5},
                new double[] {10, 20});
        String chunk = store.put(frame, false);
        Path file = Backtest.builder("with_prices").ohlcv("BTC/EUR@1h", chunk).build().save(dir);

        Backtest back = Backtest.open(file);
        assertThat(OhlcvManifest.of(back)).isPresent();
        assertThat(OhlcvFrames.of(back).get("BTC/EUR@1h").close()).containsExactly(1.5, 2.5);

        Files.delete(store.pathOf(chunk));
        assertThatThrownBy(() -> OhlcvFrames.of(Backtest.open(file)).get("BTC/EUR@1h"))
                .isInstanceOf(OhlcvChunkMissingException.class)
                .hasMessageContainingAll("with_prices.iafbt", "BTC/EUR@1h", chunk);
    }

    @Test
    void manifestEntryThatIsNotAContentAddressIsRefused() {
        Backtest backtest = Backtest.builder("bad").build();
        backtest.bundle().document().put("ohlcv", new DocMap().with("store_dir", "ohlcv")
                .with("manifest", new DocMap().with("BTC/EUR@1h", "../../etc/passwd")));
        assertThatThrownBy(() -> OhlcvManifest.of(backtest)).isInstanceOf(ModelShapeException.class)
                .hasMessageContaining("../../etc/passwd");
    }

    @Test
    void builderRefusesAChunkNameThatIsNotAContentAddress() {
        assertThatThrownBy(() -> Backtest.builder("bad").ohlcv("BTC/EUR@1h", "../prices.parquet"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("BTC/EUR@1h", "../prices.parquet", "SHA-256");
    }
}
