package dev.iafbt.internal.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.ohlcv.OhlcvFrame;
import dev.iafbt.testing.ReferenceFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The direct read of in-memory Parquet (footer through parquet-format's Thrift classes, pages cut
 * by {@link ChunkPages}) gives exactly what parquet-hadoop's {@code ParquetFileReader} gives: the
 * same schema, row count, key/value metadata, values and nulls, for every blob and OHLCV frame the
 * reference wrote and for files of another writer (every codec, data pages v1 and v2).
 */
class DirectReadParityTest {
    private static final List<String> SERIES = List.of(MetricBlobCodec.TS, MetricBlobCodec.VALUE);

    static List<Path> fixtures() {
        return ReferenceFixtures.bundles();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyBlobOfAReferenceBundleReadsAsThroughParquetHadoop(Path fixture) throws IOException {
        Map<String, byte[]> blobs = FixtureBlobs.blobs(fixture.getFileName().toString());
        for (Map.Entry<String, byte[]> blob : blobs.entrySet()) {
            assertSameRead(blob.getValue(), fixture.getFileName() + " " + blob.getKey(), SERIES);
        }
    }

    @Test
    void everyReferenceOhlcvFrameReadsAsThroughParquetHadoop() throws IOException {
        Path ohlcv = ReferenceFixtures.dir().resolve("ohlcv");
        ReferenceFixtures.require(Files.isDirectory(ohlcv), "reference fixture folder " + ohlcv + " not found");
        List<Path> frames;
        try (Stream<Path> files = Files.list(ohlcv)) {
            frames = files.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
        }
        assertThat(frames).isNotEmpty();
        for (Path frame : frames) {
            assertSameRead(Files.readAllBytes(frame), frame.getFileName().toString(), OhlcvFrame.COLUMNS);
        }
    }

    @Test
    void filesOfAnotherWriterReadTheSameWithEveryCodecAndPageVersion() {
        Long[] ts = new Long[3000];
        Double[] values = new Double[3000];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = 60_000L * i;
            values[i] = i % 5 == 0 ? null : Math.sin(i);
        }
        for (CompressionCodecName codec : HadoopFreeCodecFactory.SUPPORTED) {
            for (WriterVersion version : WriterVersion.values()) {
                assertSameRead(NullableSeriesFiles.write(ts, values, codec, version), codec + " " + version, SERIES);
            }
        }
    }

    private static void assertSameRead(byte[] parquet, String source, List<String> columns) {
        assertThat(ThriftFooter.read(parquet, source).schema()).as("%s is read directly", source).isNotNull();
        FlatTable direct = FlatParquetReader.read(parquet, source, columns);
        FlatTable viaHadoop = FlatParquetReader.read(new ByteArrayInputFile(parquet, source), source, columns);
        assertThat(direct.schema()).as(source).isEqualTo(viaHadoop.schema());
        assertThat(direct.rowCount()).as(source).isEqualTo(viaHadoop.rowCount());
        assertThat(direct.keyValueMetadata()).as(source).isEqualTo(viaHadoop.keyValueMetadata());
        assertThat(direct.columns().keySet()).as(source).containsExactlyElementsOf(viaHadoop.columns().keySet());
        List<String> differing = new ArrayList<>();
        for (String name : direct.columns().keySet()) {
            FlatColumn a = direct.column(name);
            FlatColumn b = viaHadoop.column(name);
            if (!a.type().equals(b.type()) || !a.nulls().equals(b.nulls())
                    || !Arrays.equals(a.doubles(), b.doubles())) {
                differing.add(name);
            }
        }
        assertThat(differing).as("columns of %s that differ", source).isEmpty();
    }
}
