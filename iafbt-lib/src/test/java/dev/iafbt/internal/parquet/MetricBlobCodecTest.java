package dev.iafbt.internal.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;

class MetricBlobCodecTest {
    private static final String EQUITY = "runs/0/metrics/equity_curve.parquet";

    @Test
    void roundTripKeepsEveryValueBitForBit() {
        long[] ts = {1_700_000_000_000L, 1_700_000_060_000L, 0L, -86_400_000L, Long.MAX_VALUE, Long.MIN_VALUE};
        double[] values = {1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0,
                Double.MIN_VALUE};

        SeriesColumns read = MetricBlobCodec.read(MetricBlobCodec.write(ts, values), "test blob");

        assertThat(read.epochMillis()).containsExactly(ts);
        for (int i = 0; i < values.length; i++) {
            assertThat(Double.doubleToRawLongBits(read.values()[i]))
                    .as("row %d", i).isEqualTo(Double.doubleToRawLongBits(values[i]));
        }
    }

    @Test
    void emptyAndSingleRowSeriesRoundTrip() {
        assertThat(MetricBlobCodec.read(MetricBlobCodec.write(new long[0], new double[0]), "empty").size())
                .isZero();
        SeriesColumns one = MetricBlobCodec.read(MetricBlobCodec.write(new long[] {42L}, new double[] {7.0}), "one");
        assertThat(one.epochMillis()).containsExactly(42L);
        assertThat(one.values()).containsExactly(7.0);
    }

    @Test
    void largeSeriesRoundTripsInOneRowGroup() throws IOException {
        int rows = 200_000;
        long[] ts = new long[rows];
        double[] values = new double[rows];
        for (int i = 0; i < rows; i++) {
            ts[i] = 1_600_000_000_000L + i * 3_600_000L;
            values[i] = Math.sin(i) * 1000;
        }
        byte[] blob = MetricBlobCodec.write(ts, values);

        assertThat(ParquetFooters.of(blob).getBlocks()).hasSize(1);
        SeriesColumns read = MetricBlobCodec.read(blob, "large");
        assertThat(read.epochMillis()).containsExactly(ts);
        assertThat(read.values()).containsExactly(values);
    }

    @Test
    void writesTheReferenceLayout() throws IOException {
        byte[] blob = MetricBlobCodec.write(new long[] {1L, 2L, 3L}, new double[] {1, 1, 2});
        ParquetMetadata footer = ParquetFooters.of(blob);

        MessageType expected = MessageTypeParser.parseMessageType(
                "message schema { optional int64 ts; optional double value; }");
        assertThat(footer.getFileMetaData().getSchema()).isEqualTo(expected);
        assertThat(footer.getFileMetaData().getSchema().getType("ts").getLogicalTypeAnnotation()).isNull();
        assertThat(footer.getBlocks()).hasSize(1);
        for (ColumnChunkMetaData chunk : footer.getBlocks().get(0).getColumns()) {
            assertThat(chunk.getCodec()).isEqualTo(CompressionCodecName.ZSTD);
        }
    }

    @Test
    void writtenSchemaMatchesTheReferenceBlobSchema() throws IOException {
        byte[] reference = FixtureBlobs.blobs("small-v2.iafbt").get(EQUITY);
        byte[] ours = MetricBlobCodec.write(new long[] {1L}, new double[] {1.0});

        // column orders are footer statistics metadata, not part of the shape readers see
        assertThat(shape(ParquetFooters.of(ours).getFileMetaData().getSchema()))
                .isEqualTo(shape(ParquetFooters.of(reference).getFileMetaData().getSchema()))
                .containsExactly("OPTIONAL INT64 ts null", "OPTIONAL DOUBLE value null");
        for (BlockMetaData block : ParquetFooters.of(reference).getBlocks()) {
            assertThat(block.getColumns()).allSatisfy(c -> assertThat(c.getCodec()).isEqualTo(CompressionCodecName.ZSTD));
        }
    }

    @Test
    void readsTheReferenceEquityCurve() throws IOException {
        Map<String, byte[]> blobs = FixtureBlobs.blobs("small-v2.iafbt");
        assertThat(blobs).hasSize(12).containsKey(EQUITY);

        SeriesColumns equity = MetricBlobCodec.read(blobs.get(EQUITY), "small-v2.iafbt, blob " + EQUITY);

        assertThat(equity.size()).isEqualTo(2);
        Instant first = Instant.ofEpochMilli(equity.epochMillis()[0]);
        assertThat(first).isBetween(Instant.parse("2015-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(equity.epochMillis()).isSorted();
        assertThat(boxed(equity.values())).allSatisfy(v -> assertThat(v).isFinite());
    }

    @Test
    void rollingSharpeBlobsOfTheRealBacktestContainNaN() throws IOException {
        Map<String, byte[]> blobs = FixtureBlobs.blobs("real-0aa37205-event-v2.iafbt");
        int checked = 0;
        for (Map.Entry<String, byte[]> blob : blobs.entrySet()) {
            if (blob.getKey().endsWith("/rolling_sharpe_ratio.parquet")) {
                SeriesColumns sharpe = MetricBlobCodec.read(blob.getValue(), blob.getKey());
                assertThat(sharpe.size()).as(blob.getKey()).isGreaterThan(100);
                assertThat(boxed(sharpe.values())).as(blob.getKey()).anySatisfy(v -> assertThat(v).isNaN());
                assertThat(boxed(sharpe.values())).as(blob.getKey()).anySatisfy(v -> assertThat(v).isFinite());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(2);
    }

    @Test
    void decodesEveryBlobOfEveryReferenceBundle() throws IOException {
        int total = 0;
        for (String bundle : new String[] {"small-v2.iafbt", "real-05764fc8-vector-v2.iafbt",
                "real-0aa37205-event-v2.iafbt", "batch-0a0bbdc2-v2.iafbt", "irregular-vector-v2.iafbt",
                "irregular-event-v2.iafbt", "with-ohlcv-v2.iafbt", "with-ohlcv-f32-v2.iafbt"}) {
            for (Map.Entry<String, byte[]> blob : FixtureBlobs.blobs(bundle).entrySet()) {
                SeriesColumns series = MetricBlobCodec.read(blob.getValue(), bundle + ", blob " + blob.getKey());
                assertThat(series.size()).as(blob.getKey()).isPositive();
                total++;
            }
        }
        assertThat(total).isEqualTo(12 + 12 + 12 + 66 + 8 + 8 + 12 + 12);
    }

    @Test
    void nullValueReadsAsNaNAndNullTimestampIsAnError() {
        byte[] withNullValue = NullableSeriesFiles.write(new Long[] {1L, 2L}, new Double[] {1.0, null});
        assertThat(MetricBlobCodec.read(withNullValue, "nullable").values()).containsExactly(1.0, Double.NaN);

        byte[] withNullTs = NullableSeriesFiles.write(new Long[] {1L, null}, new Double[] {1.0, 2.0});
        assertThatThrownBy(() -> MetricBlobCodec.read(withNullTs, "bundle b.iafbt, blob k"))
                .isInstanceOf(ParquetBlobException.class)
                .hasMessage("bundle b.iafbt, blob k: column 'ts' is null in row 1 (of 2)");
    }

    @Test
    void missingColumnIsNamed() {
        byte[] onlyTs = NullableSeriesFiles.writeOnlyTs(new long[] {1L});
        assertThatThrownBy(() -> MetricBlobCodec.read(onlyTs, "bundle b.iafbt, blob k"))
                .isInstanceOf(ParquetBlobException.class)
                .hasMessage("bundle b.iafbt, blob k: no 'value' column (the file has [ts])");
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private static List<String> shape(MessageType schema) {
        return schema.getFields().stream()
                .map(f -> f.getRepetition() + " " + f.asPrimitiveType().getPrimitiveTypeName() + " " + f.getName()
                        + " " + f.getLogicalTypeAnnotation())
                .toList();
    }
}
