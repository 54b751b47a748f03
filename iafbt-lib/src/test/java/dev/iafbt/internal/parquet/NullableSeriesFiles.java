package dev.iafbt.internal.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes series files our codec never writes (nulls, other codecs, a missing column) with
 * parquet-java's record-at-a-time example writer, which also shows our reader handles files from
 * a second writer.
 */
final class NullableSeriesFiles {
    private static final MessageType SERIES = MessageTypeParser.parseMessageType(
            "message schema { optional int64 ts; optional double value; }");
    private static final MessageType ONLY_TS = MessageTypeParser.parseMessageType(
            "message schema { optional int64 ts; }");

    private NullableSeriesFiles() {
    }

    /** A series file where a null array element becomes a Parquet null. */
    static byte[] write(Long[] ts, Double[] values) {
        return write(ts, values, CompressionCodecName.ZSTD);
    }

    static byte[] write(Long[] ts, Double[] values, CompressionCodecName codec) {
        return write(ts, values, codec, ParquetProperties.WriterVersion.PARQUET_1_0);
    }

    /** With {@code PARQUET_2_0}, data pages v2 (levels stored uncompressed before the data). */
    static byte[] write(Long[] ts, Double[] values, CompressionCodecName codec, ParquetProperties.WriterVersion version) {
        SimpleGroupFactory groups = new SimpleGroupFactory(SERIES);
        ByteArrayOutputFile out = new ByteArrayOutputFile("nullable", 256);
        try (ParquetWriter<Group> writer = builder(out, SERIES, codec, version)) {
            for (int i = 0; i < ts.length; i++) {
                Group row = groups.newGroup();
                if (ts[i] != null) {
                    row.add("ts", ts[i]);
                }
                if (values[i] != null) {
                    row.add("value", values[i]);
                }
                writer.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] writeOnlyTs(long[] ts) {
        SimpleGroupFactory groups = new SimpleGroupFactory(ONLY_TS);
        ByteArrayOutputFile out = new ByteArrayOutputFile("only-ts", 256);
        try (ParquetWriter<Group> writer = builder(out, ONLY_TS, CompressionCodecName.ZSTD,
                ParquetProperties.WriterVersion.PARQUET_1_0)) {
            for (long t : ts) {
                writer.write(groups.newGroup().append("ts", t));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static ParquetWriter<Group> builder(ByteArrayOutputFile out, MessageType schema,
            CompressionCodecName codec, ParquetProperties.WriterVersion version) throws IOException {
        return ExampleParquetWriter.builder(out)
                .withWriterVersion(version)
                .withConf(new PlainParquetConfiguration())
                .withType(schema)
                .withCodecFactory(new HadoopFreeCodecFactory(3))
                .withCompressionCodec(codec)
                .build();
    }
}
