package dev.iafbt.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The reader under Jazzer. In an ordinary build each target replays its committed seeds and
 * crash reproducers ({@code src/test/resources/dev/iafbt/fuzz/ReaderFuzzTestInputs/<target>/});
 * with {@code JAZZER_FUZZ=1} the one selected with {@code -Dtest=ReaderFuzzTest#<target>} is
 * fuzzed for {@code maxDuration} (docs/reliability.md has the commands).
 */
class ReaderFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void bundleOrDocument(byte[] input) {
        ReaderFuzzTargets.fuzzerTestOneInput(input);
    }

    @FuzzTest(maxDuration = "5m")
    void metricBlob(byte[] input) {
        ReaderFuzzTargets.metricBlob(input);
    }
}
