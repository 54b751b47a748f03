package dev.iafbt.internal.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every supported codec through a real Parquet write and read: classes missing from the
 * trimmed Hadoop classpath would only show up here, at runtime.
 */
class HadoopFreeCodecFactoryTest {
    @ParameterizedTest
    @EnumSource(value = CompressionCodecName.class, names = {"UNCOMPRESSED", "ZSTD", "SNAPPY", "GZIP"})
    void everySupportedCodecWritesAndReads(CompressionCodecName codec) {
        Long[] ts = new Long[5000];
        Double[] values = new Double[5000];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = 1_000L * i;
            values[i] = i % 7 == 0 ? null : i * 0.5;
        }
        byte[] file = NullableSeriesFiles.write(ts, values, codec);

        SeriesColumns read = MetricBlobCodec.read(file, codec.name());

        assertThat(read.size()).isEqualTo(ts.length);
        for (int i = 0; i < ts.length; i++) {
            assertThat(read.epochMillis()[i]).isEqualTo(ts[i]);
            assertThat(Double.valueOf(read.values()[i])).isEqualTo(values[i] == null ? Double.valueOf(Double.NaN) : values[i]);
        }
    }

    @ParameterizedTest
    @EnumSource(value = CompressionCodecName.class, names = {"LZO", "BROTLI", "LZ4", "LZ4_RAW"})
    void unsupportedCodecsAreNamed(CompressionCodecName codec) {
        assertThatThrownBy(() -> new HadoopFreeCodecFactory(5).getDecompressor(codec))
                .hasMessageContaining("compression codec " + codec + " is not supported");
    }
}
