package dev.iafbt.ohlcv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.internal.chunk.ChunkNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OhlcvStoreTest {
    private static final String VALID = "a".repeat(64) + ".parquet";

    @TempDir
    Path temp;

    @Test
    void sameFrameTwiceIsOneFileWithOneName() throws IOException {
        OhlcvStore store = new OhlcvStore(temp.resolve("ohlcv"));
        OhlcvFrame frame = OhlcvFrameCodecTest.sampleFrame(TimeUnit.MICROSECONDS);

        String first = store.put(frame, false);
        Object inode = Files.readAttributes(store.pathOf(first), java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey();
        java.time.Instant old = java.time.Instant.now().minusSeconds(86_400 * 3);
        Files.setLastModifiedTime(store.pathOf(first), java.nio.file.attribute.FileTime.from(old));
        String second = store.put(OhlcvFrameCodecTest.sampleFrame(TimeUnit.MICROSECONDS), false);

        assertThat(second).isEqualTo(first);
        assertThat(store.list()).containsExactly(first);
        // not rewritten (same file), but its time refreshed so a collector's grace period covers it
        assertThat(Files.readAttributes(store.pathOf(first), java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey()).isEqualTo(inode);
        assertThat(Files.getLastModifiedTime(store.pathOf(first)).toInstant()).isAfter(old.plusSeconds(60));
        assertThat(ChunkNames.forContent(Files.readAllBytes(store.pathOf(first)))).isEqualTo(first);
        assertThat(store.contains(first)).isTrue();
        assertThat(store.get(first, true).rowCount()).isEqualTo(frame.rowCount());
    }

    @Test
    void float32IsADifferentChunk() {
        OhlcvStore store = new OhlcvStore(temp);
        OhlcvFrame frame = OhlcvFrameCodecTest.sampleFrame(TimeUnit.MICROSECONDS);
        String wide = store.put(frame, false);
        String narrow = store.put(frame, true);
        assertThat(narrow).isNotEqualTo(wide);
        assertThat(store.get(narrow).storedAsFloat32()).isTrue();
        assertThat(store.list()).containsExactlyInAnyOrder(wide, narrow);
    }

    @Test
    void listingSkipsForeignFilesAndAbsentStoresAreEmpty() throws IOException {
        assertThat(new OhlcvStore(temp.resolve("absent")).list()).isEmpty();
        Files.writeString(temp.resolve("notes.txt"), "x");
        Files.writeString(temp.resolve("." + VALID + ".1234.tmp"), "x");
        assertThat(new OhlcvStore(temp).list()).isEmpty();
    }

    @Test
    void hashMismatchIsDetectedWhenVerifying() throws IOException {
        OhlcvStore store = new OhlcvStore(temp);
        String name = store.put(OhlcvFrameCodecTest.sampleFrame(TimeUnit.MICROSECONDS), false);
        Path file = store.pathOf(name);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
        String actual = ChunkNames.forContent(bytes).replace(".parquet", "");

        assertThatThrownBy(() -> store.get(name, true))
                .isInstanceOf(OhlcvHashMismatchException.class)
                .hasMessage("OHLCV chunk " + file + ": content does not match its name (expected SHA-256 "
                        + name.replace(".parquet", "") + ", actual " + actual + ")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x.parquet", "/etc/passwd", "x.parquet",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.parquet",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.PARQUET",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.parquet",
        "../aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.parquet",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.parquet\n", ""})
    void badNamesAreRejectedEverywhere(String bad) {
        OhlcvStore store = new OhlcvStore(temp);
        assertThatThrownBy(() -> store.get(bad)).isInstanceOf(OhlcvException.class)
                .hasMessageContaining("'" + bad + "' is not a valid OHLCV chunk name");
        assertThatThrownBy(() -> store.contains(bad)).isInstanceOf(OhlcvException.class);
        assertThatThrownBy(() -> store.pathOf(bad)).isInstanceOf(OhlcvException.class);
        assertThatThrownBy(() -> new OhlcvManifest("ohlcv", Map.of("BTC/EUR@1h", bad)))
                .isInstanceOf(OhlcvException.class)
                .hasMessageStartingWith("OHLCV manifest entry 'BTC/EUR@1h': '" + bad + "' is not a valid");
        assertThatThrownBy(() -> OhlcvGc.sweep(temp, Set.of(bad), java.time.Instant.now())).isInstanceOf(OhlcvException.class);
    }

    @Test
    void missingChunkFromTheStoreNamesThePath() {
        OhlcvStore store = new OhlcvStore(temp);
        assertThat(store.contains(VALID)).isFalse();
        assertThatThrownBy(() -> store.get(VALID))
                .isInstanceOf(OhlcvChunkMissingException.class)
                .hasMessage("OHLCV chunk " + temp.toAbsolutePath().normalize().resolve(VALID) + " does not exist");
    }
}
