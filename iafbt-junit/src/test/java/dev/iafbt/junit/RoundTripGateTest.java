package dev.iafbt.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.junit.samples.AnnotatedGates;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class RoundTripGateTest {
    @TempDir
    Path project;

    @Test
    void aCanonicalBundleRoundTrips() {
        TestBundles.write(project.resolve("backtests"), "canonical", 1.4, 0.12, 40);

        GateKit.run(AnnotatedGates.StandardBar.class, project).testEvents()
                .assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Test
    void aDifferentlyCompressedBundleFailsNamingTheFileOffsetAndThatOnlyTheFrameDiffers() throws IOException {
        Path bundle = TestBundles.write(project.resolve("backtests"), "level3", 1.4, 0.12, 40);
        TestBundles.recompressAtLevel3(bundle);

        EngineExecutionResults results = GateKit.run(AnnotatedGates.StandardBar.class, project);

        assertThat(GateKit.messages(results.testEvents().failed())).singleElement().asString()
                .startsWith("backtests/level3.iafbt: round trip is not byte-identical: first difference at file offset ")
                .contains("in the zstd frame only: the msgpack document is identical");
    }

    @Test
    void aNonCanonicalDocumentFailsNamingTheDocumentPath() throws IOException {
        Path bundle = TestBundles.write(project.resolve("backtests"), "wide_int", 1.4, 0.12, 40);
        TestBundles.encodeTradesNonMinimally(bundle);

        EngineExecutionResults results = GateKit.run(AnnotatedGates.StandardBar.class, project);

        assertThat(GateKit.messages(results.testEvents().failed())).singleElement().asString()
                .startsWith("backtests/wide_int.iafbt: round trip is not byte-identical: first difference at file offset ")
                .containsPattern("the decompressed msgpack document first differs at offset \\d+ \\(of \\d+ bytes\\),"
                        + " in backtest_summary.number_of_trades, so the document is not in canonical encoding");
    }
}
