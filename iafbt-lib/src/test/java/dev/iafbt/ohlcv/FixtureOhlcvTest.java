package dev.iafbt.ohlcv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.internal.chunk.ChunkNames;
import dev.iafbt.internal.parquet.FixtureBlobs;
import dev.iafbt.testing.ReferenceFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.msgpack.value.Value;

/** The reference's own side store (fixtures ohlcv/) and the two bundles that point into it. */
class FixtureOhlcvTest {
    private static final String BTC_F64 = "52a4bd7e85304f2826d5487d838182787d94cc3030ebe4fbe640e1518ce9e175.parquet";
    private static final String BTC_F32 = "768926fc1ab27e81d4b60228840cc5f5b4ae27340833eb463232bc7d7ef2f7c4.parquet";
    private static final String ETH_F64 = "2c94dc08cb066ff560733aea7e04d0a91fccccef51ed8ea58d78ae472e26fbe2.parquet";
    private static final String ETH_F32 = "85c6cbb72fd405bedf1c8ced6dfac110a8980e74c7d2cbf740fcc8a8c66ce878.parquet";

    private static OhlcvStore store() {
        return new OhlcvStore(ReferenceFixtures.dir().resolve("ohlcv"));
    }

    @ParameterizedTest
    @CsvSource({
        BTC_F64 + ", 17494, false, 2024-12-31T00:00:00Z",
        BTC_F32 + ", 17494, true,  2024-12-31T00:00:00Z",
        ETH_F64 + ", 969,   false, 2025-08-26T00:00:00Z",
        ETH_F32 + ", 969,   true,  2025-08-26T00:00:00Z"})
    void readsEveryReferenceFrame(String name, int rows, boolean float32, String last) {
        OhlcvFrame frame = store().get(name, true);

        assertThat(frame.rowCount()).isEqualTo(rows);
        assertThat(frame.columnNames()).isEqualTo(OhlcvFrame.COLUMNS);
        assertThat(frame.extraColumnNames()).isEmpty();
        assertThat(frame.storedAsFloat32()).isEqualTo(float32);
        assertThat(frame.timeUnit()).isEqualTo(TimeUnit.MICROSECONDS);
        long[] millis = frame.epochMillis();
        assertThat(Instant.ofEpochMilli(millis[0])).isEqualTo(Instant.parse("2023-01-01T00:00:00Z"));
        assertThat(Instant.ofEpochMilli(millis[rows - 1])).isEqualTo(Instant.parse(last));
        assertThat(millis).isSorted();
        for (int i = 0; i < rows; i++) {
            assertThat(frame.low()[i]).isLessThanOrEqualTo(frame.high()[i]);
            assertThat(frame.volume()[i]).isNotNegative();
        }
    }

    @Test
    void everyFileIsNamedByTheSha256OfItsBytes() throws IOException {
        OhlcvStore store = store();
        assertThat(store.list()).containsExactlyInAnyOrder(BTC_F64, BTC_F32, ETH_F64, ETH_F32);
        for (String name : store.list()) {
            assertThat(ChunkNames.forContent(Files.readAllBytes(store.pathOf(name)))).isEqualTo(name);
        }
    }

    @Test
    void float32FramesWidenToTheFloat64FramesRoundedToFloat() {
        for (String[] pair : new String[][] {{BTC_F64, BTC_F32}, {ETH_F64, ETH_F32}}) {
            OhlcvFrame wide = store().get(pair[0]);
            OhlcvFrame narrow = store().get(pair[1]);
            assertThat(narrow.timestamps()).containsExactly(wide.timestamps());
            for (String column : OhlcvFrame.VALUE_COLUMNS) {
                double[] expected = wide.column(column);
                double[] actual = narrow.column(column);
                for (int i = 0; i < expected.length; i++) {
                    assertThat(actual[i]).isEqualTo((double) (float) expected[i]);
                }
            }
        }
        assertThat(store().get(BTC_F64).close()[0]).isEqualTo(15429.0);
    }

    @ParameterizedTest
    @CsvSource({"with-ohlcv-v2.iafbt", "with-ohlcv-f32-v2.iafbt"})
    void resolvesTheManifestOfAReferenceBundle(String bundleName) throws IOException {
        OhlcvManifest manifest = manifestOf(bundleName);
        Path bundle = ReferenceFixtures.file(bundleName);
        OhlcvFrames frames = new OhlcvFrames(bundle, manifest, true);

        assertThat(manifest.storeDir()).isEqualTo("ohlcv");
        assertThat(frames.keys()).containsExactly("BTC/EUR@1h", "ETH/EUR@1d");
        assertThat(frames.isLoaded("BTC/EUR@1h")).isFalse();
        OhlcvFrame btc = frames.get("BTC/EUR@1h");
        assertThat(btc.rowCount()).isEqualTo(17494);
        assertThat(btc.storedAsFloat32()).isEqualTo(bundleName.contains("f32"));
        assertThat(frames.isLoaded("BTC/EUR@1h")).isTrue();
        assertThat(frames.isLoaded("ETH/EUR@1d")).isFalse();
        assertThat(frames.get("BTC/EUR@1h")).isSameAs(btc);
        assertThat(frames.get("ETH/EUR@1d").rowCount()).isEqualTo(969);
    }

    /** Reads {@code "ohlcv": {"store_dir": ..., "manifest": {...}}} as the bundle codec would hand it over. */
    private static OhlcvManifest manifestOf(String bundleName) throws IOException {
        Map<Value, Value> ohlcv = FixtureBlobs.topLevel(bundleName).get("ohlcv").asMapValue().map();
        String storeDir = null;
        Map<String, String> entries = new LinkedHashMap<>();
        for (Map.Entry<Value, Value> entry : ohlcv.entrySet()) {
            String key = entry.getKey().asStringValue().asString();
            if (key.equals("store_dir")) {
                storeDir = entry.getValue().asStringValue().asString();
            } else if (key.equals("manifest")) {
                entry.getValue().asMapValue().map().forEach((k, v) ->
                        entries.put(k.asStringValue().asString(), v.asStringValue().asString()));
            }
        }
        return new OhlcvManifest(storeDir, entries);
    }
}
