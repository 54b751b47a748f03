package dev.iafbt.internal.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Untrusted bytes must end in a typed, named error: never a raw library exception, hang or OOM. */
class CorruptBlobTest {
    private static final String SOURCE = "bundle x.iafbt, blob runs/0/metrics/equity_curve.parquet";

    @Test
    void nonParquetBytesAreNamed() {
        assertThatThrownBy(() -> MetricBlobCodec.read(new byte[0], SOURCE))
                .isInstanceOf(ParquetBlobException.class)
                .hasMessage(SOURCE + ": not a Parquet file (only 0 bytes)");
        byte[] text = "this is certainly not a parquet file".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> MetricBlobCodec.read(text, SOURCE))
                .isInstanceOf(ParquetBlobException.class)
                .hasMessage(SOURCE + ": not a Parquet file (no PAR1 magic at the start)");
    }

    @Test
    void garbageBetweenMagicsIsNamed() {
        byte[] garbage = new byte[200];
        new Random(7).nextBytes(garbage);
        System.arraycopy("PAR1".getBytes(StandardCharsets.US_ASCII), 0, garbage, 0, 4);
        System.arraycopy("PAR1".getBytes(StandardCharsets.US_ASCII), 0, garbage, 196, 4);
        assertThatThrownBy(() -> MetricBlobCodec.read(garbage, SOURCE))
                .isInstanceOf(ParquetBlobException.class)
                .hasMessageStartingWith(SOURCE + ": corrupt Parquet file (");
    }

    @Test
    void truncatedBlobIsNamed() {
        byte[] blob = MetricBlobCodec.write(new long[] {1, 2, 3}, new double[] {1, 2, 3});
        byte[] truncated = Arrays.copyOf(blob, blob.length - 5);
        assertThatThrownBy(() -> MetricBlobCodec.read(truncated, SOURCE))
                .isInstanceOf(ParquetBlobException.class)
                .hasMessageStartingWith(SOURCE + ": not a Parquet file");
    }

    @Test
    void randomDamageToRealBlobsNeverEscapesAsAnotherException() throws IOException {
        byte[] original = FixtureBlobs.blobs("real-0aa37205-event-v2.iafbt")
                .get("runs/0/metrics/equity_curve.parquet");
        Random random = new Random(20261123);
        int typedFailures = 0;
        for (int round = 0; round < 2000; round++) {
            byte[] damaged = original.clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                // keep the magics so the damage reaches the footer and page decoders
                int at = 4 + random.nextInt(damaged.length - 8);
                damaged[at] = (byte) random.nextInt(256);
            }
            try {
                MetricBlobCodec.read(damaged, SOURCE);
            } catch (ParquetBlobException e) {
                assertThat(e.getMessage()).startsWith(SOURCE + ": ");
                typedFailures++;
            }
        }
        assertThat(typedFailures).isPositive();
    }
}
