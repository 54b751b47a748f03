package dev.iafbt.ohlcv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.internal.parquet.FlatParquetReader;
import dev.iafbt.internal.parquet.FlatTable;
import dev.iafbt.internal.parquet.MetricBlobCodec;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OhlcvFrameCodecTest {
    static OhlcvFrame sampleFrame(TimeUnit unit) {
        int rows = 50;
        long[] ts = new long[rows];
        double[][] v = new double[5][rows];
        for (int i = 0; i < rows; i++) {
            ts[i] = unit.convert(1_672_531_200_000L + i * 3_600_000L, TimeUnit.MILLISECONDS);
            v[0][i] = 100 + i * 0.1;
            v[1][i] = 101 + i * 0.1;
            v[2][i] = 99 + i * 0.1;
            v[3][i] = 100.5 + i * 0.1;
            v[4][i] = i == 3 ? Double.NaN : i * 12.345678901234;
        }
        return OhlcvFrame.of(ts, unit, v[0], v[1], v[2], v[3], v[4]);
    }

    @ParameterizedTest
    @EnumSource(value = TimeUnit.class, names = {"MILLISECONDS", "MICROSECONDS", "NANOSECONDS"})
    void roundTripKeepsTimestampsInTheirUnitAndEveryValue(TimeUnit unit) {
        OhlcvFrame frame = sampleFrame(unit);

        OhlcvFrame read = OhlcvFrameCodec.read(OhlcvFrameCodec.write(frame, false), "round trip");

        assertThat(read.timeUnit()).isEqualTo(unit);
        assertThat(read.timestamps()).containsExactly(frame.timestamps());
        assertThat(read.epochMillis()).containsExactly(sampleFrame(TimeUnit.MILLISECONDS).timestamps());
        for (String column : OhlcvFrame.VALUE_COLUMNS) {
            assertThat(read.column(column)).containsExactly(frame.column(column));
        }
        assertThat(read.storedAsFloat32()).isFalse();
        assertThat(read.columnNames()).isEqualTo(OhlcvFrame.COLUMNS);
    }

    @Test
    void writesTheReferenceSchema() {
        byte[] bytes = OhlcvFrameCodec.write(sampleFrame(TimeUnit.MICROSECONDS), false);
        FlatTable table = FlatParquetReader.read(bytes, "schema", List.of());

        assertThat(table.schema().getType("Datetime").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS));
        for (String column : OhlcvFrame.VALUE_COLUMNS) {
            assertThat(table.schema().getType(column).asPrimitiveType().getPrimitiveTypeName())
                    .isEqualTo(PrimitiveTypeName.DOUBLE);
        }
    }

    @Test
    void float32WriteProducesFloatColumnsAndReadsBackWidened() {
        OhlcvFrame frame = sampleFrame(TimeUnit.MICROSECONDS);
        byte[] bytes = OhlcvFrameCodec.write(frame, true);

        FlatTable table = FlatParquetReader.read(bytes, "f32", List.of());
        for (String column : OhlcvFrame.VALUE_COLUMNS) {
            assertThat(table.schema().getType(column).asPrimitiveType().getPrimitiveTypeName())
                    .isEqualTo(PrimitiveTypeName.FLOAT);
        }
        OhlcvFrame read = OhlcvFrameCodec.read(bytes, "f32");
        assertThat(read.storedAsFloat32()).isTrue();
        double[] volume = frame.volume();
        for (int i = 0; i < volume.length; i++) {
            assertThat(Double.valueOf(read.volume()[i])).isEqualTo(Double.valueOf((float) volume[i]));
        }
    }

    @Test
    void aFileWithoutOhlcvColumnsIsNamed() {
        byte[] blob = MetricBlobCodec.write(new long[] {1L}, new double[] {2.0});
        assertThatThrownBy(() -> OhlcvFrameCodec.read(blob, "OHLCV chunk /s/abc.parquet"))
                .isInstanceOf(OhlcvException.class)
                .hasMessage("OHLCV chunk /s/abc.parquet: no 'Datetime' column (the file has [ts, value])");
    }

    @Test
    void garbageIsATypedOhlcvError() {
        assertThatThrownBy(() -> OhlcvFrameCodec.read(new byte[] {1, 2, 3}, "OHLCV chunk /s/x.parquet"))
                .isInstanceOf(OhlcvException.class)
                .hasMessage("OHLCV chunk /s/x.parquet: not a Parquet file (only 3 bytes)");
    }
}
