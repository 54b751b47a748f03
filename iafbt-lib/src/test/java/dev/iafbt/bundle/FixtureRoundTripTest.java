package dev.iafbt.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.testing.ReferenceFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proof of the codec: every bundle the reference wrote, decoded into the tree and encoded
 * again (msgpack and a fresh zstd-19 frame), comes out byte for byte as it was.
 */
class FixtureRoundTripTest {

    static List<Path> fixtures() {
        List<Path> bundles = ReferenceFixtures.bundles();
        return bundles.isEmpty() ? List.of(Path.of("reference-fixtures-absent")) : bundles;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fullOpenThenSaveReproducesTheFileByteForByte(Path fixture) throws Exception {
        byte[] original = readOrSkip(fixture);
        Bundle bundle = BundleReader.read(original, fixture, ReadOptions.FULL);
        assertThat(BundleWriter.encode(bundle, WriteOptions.DEFAULT)).isEqualTo(original);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void summaryOnlyOpenThenSaveReproducesTheFileByteForByte(Path fixture) throws Exception {
        byte[] original = readOrSkip(fixture);
        Bundle bundle = BundleReader.read(original, fixture, ReadOptions.SUMMARY_ONLY);
        assertThat(BundleWriter.encode(bundle, WriteOptions.DEFAULT)).isEqualTo(original);
    }

    private static byte[] readOrSkip(Path fixture) throws Exception {
        if (fixture.toString().equals("reference-fixtures-absent")) {
            ReferenceFixtures.dir(); // skips, or fails when fixtures are required, naming where they were looked for
        }
        return Files.readAllBytes(fixture);
    }
}
