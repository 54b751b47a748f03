package dev.iafbt.ohlcv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OhlcvManifestTest {
    private static final String CHUNK = "0123456789abcdef".repeat(4) + ".parquet";

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"ohlcv", "data/ohlcv", "a/../b", ".", "", "./ohlcv"})
    void relativeStoreDirsInsideTheBundleFolderAreAccepted(String storeDir) {
        OhlcvManifest manifest = new OhlcvManifest(storeDir, Map.of("BTC/EUR@1h", CHUNK));
        Path bundle = temp.resolve("b.iafbt");
        assertThat(manifest.storePath(bundle).startsWith(temp.toAbsolutePath().normalize())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tmp/ohlcv", "..", "../x", "../ohlcv/x", "a/../../ohlcv", "a/../../x", "C:\\ohlcv", "c:ohlcv",
        "\\\\server\\share", "..\\ohlcv"})
    void storeDirsReachingOutsideAreRejected(String storeDir) {
        assertThatThrownBy(() -> new OhlcvManifest(storeDir, Map.of()))
                .isInstanceOf(OhlcvException.class)
                .hasMessageContaining("store_dir '" + storeDir + "'");
    }

    /** The reference's tiered store writes bundles/<handle>.iafbt with store_dir ../ohlcv (../../ohlcv nested). */
    @ParameterizedTest
    @ValueSource(strings = {"bundles/a.iafbt|../ohlcv", "bundles/sweep/a.iafbt|../../ohlcv",
        "bundles/x/y/a.iafbt|../../../ohlcv"})
    void aTieredStoresUpwardStoreDirResolvesToItsOhlcvFolder(String layout) throws Exception {
        String[] parts = layout.split("\\|");
        Path bundle = temp.resolve("store").resolve(parts[0]);
        Files.createDirectories(bundle.getParent());
        OhlcvManifest manifest = new OhlcvManifest(parts[1], Map.of("BTC/EUR@1h", CHUNK));
        assertThat(manifest.storePath(bundle)).isEqualTo(temp.resolve("store/ohlcv").toAbsolutePath().normalize());
    }

    @ParameterizedTest
    @ValueSource(strings = {"other/a.iafbt|../ohlcv", "bundles/a.iafbt|../../ohlcv", "a.iafbt|../ohlcv",
        "bundles/sweep/a.iafbt|../ohlcv/../../ohlcv"})
    void anUpwardStoreDirOutsideATieredLayoutIsRefused(String layout) throws Exception {
        String[] parts = layout.split("\\|");
        Path bundle = temp.resolve("root").resolve(parts[0]);
        Files.createDirectories(bundle.getParent());
        assertThatThrownBy(() -> new OhlcvManifest(parts[1], Map.of("BTC/EUR@1h", CHUNK)).storePath(bundle))
                .isInstanceOf(OhlcvException.class)
                .hasMessageContaining("store_dir '" + parts[1] + "'");
    }

    @Test
    void missingPartsAreNamed() {
        assertThatThrownBy(() -> new OhlcvManifest(null, Map.of()))
                .isInstanceOf(OhlcvException.class).hasMessage("OHLCV manifest: store_dir is missing");
        assertThatThrownBy(() -> new OhlcvManifest("ohlcv", null))
                .isInstanceOf(OhlcvException.class).hasMessage("OHLCV manifest: the manifest map is missing");
    }

    @Test
    void keepsDocumentOrderAndIsImmutable() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("ZZZ@1d", CHUNK);
        entries.put("AAA@1h", CHUNK);
        OhlcvManifest manifest = new OhlcvManifest("ohlcv", entries);
        entries.put("late@1m", CHUNK);

        assertThat(manifest.manifest().keySet()).containsExactly("ZZZ@1d", "AAA@1h");
        assertThatThrownBy(() -> manifest.manifest().put("x", CHUNK)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void missingChunkNamesBundleKeyAndExpectedPath() {
        Path bundle = temp.resolve("run.iafbt");
        OhlcvFrames frames = new OhlcvFrames(bundle, new OhlcvManifest("ohlcv", Map.of("BTC/EUR@1h", CHUNK)));
        Path expected = temp.toAbsolutePath().normalize().resolve("ohlcv").resolve(CHUNK);

        assertThat(frames.pathOf("BTC/EUR@1h")).isEqualTo(expected);
        assertThatThrownBy(() -> frames.get("BTC/EUR@1h"))
                .isInstanceOf(OhlcvChunkMissingException.class)
                .hasMessage("bundle " + bundle + ": OHLCV chunk for 'BTC/EUR@1h' is missing: expected " + expected);
        assertThatThrownBy(() -> frames.get("ETH/EUR@1d"))
                .isInstanceOf(OhlcvException.class)
                .hasMessage("bundle " + bundle + " has no OHLCV data set 'ETH/EUR@1d' (it has [BTC/EUR@1h])");
    }

    @Test
    void framesLoadLazilyFromTheStoreBesideTheBundle() {
        Path bundle = temp.resolve("run.iafbt");
        String chunk = new OhlcvStore(temp.resolve("side")).put(OhlcvFrameCodecTest.sampleFrame(TimeUnit.MICROSECONDS),
                false);
        OhlcvFrames frames = new OhlcvFrames(bundle, new OhlcvManifest("side", Map.of("X@1h", chunk)), true);

        assertThat(frames.isLoaded("X@1h")).isFalse();
        OhlcvFrame frame = frames.get("X@1h");
        assertThat(frame.rowCount()).isEqualTo(50);
        assertThat(frames.get("X@1h")).isSameAs(frame);
        assertThat(frames.contains("X@1h")).isTrue();
        assertThat(frames.contains("Y@1h")).isFalse();
    }
}
