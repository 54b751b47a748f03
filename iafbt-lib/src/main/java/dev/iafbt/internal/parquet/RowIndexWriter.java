package dev.iafbt.internal.parquet;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;

/**
 * The one place the project configures parquet-java's writer: in memory, ZSTD at a given level,
 * dictionary encoding, format v1 data pages, one row group, no Hadoop configuration. A "record"
 * is a row index the write support turns into the row's values, so rows need no objects.
 */
final class RowIndexWriter {
    /** Large enough that a blob, frame or Tier-2 partition always fits in one row group. */
    private static final long ONE_ROW_GROUP = Integer.MAX_VALUE;

    private RowIndexWriter() {
    }

    static byte[] write(WriteSupport<Integer> support, int rowCount, int zstdLevel, int sizeHint, String source) {
        ByteArrayOutputFile out = new ByteArrayOutputFile(source, sizeHint);
        try (ParquetWriter<Integer> writer = new Builder(out, support)
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(new HadoopFreeCodecFactory(zstdLevel))
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withWriterVersion(WriterVersion.PARQUET_1_0)
                .withDictionaryEncoding(true)
                .withRowGroupSize(ONE_ROW_GROUP)
                .withValidation(false)
                .build()) {
            for (int row = 0; row < rowCount; row++) {
                writer.write(row);
            }
        } catch (IOException | RuntimeException e) {
            throw new ParquetBlobException(source + ": cannot write Parquet (" + e + ")", e);
        }
        return out.toByteArray();
    }

    /** parquet-java's writer builder is abstract; this one hands out the given write support. */
    private static final class Builder extends ParquetWriter.Builder<Integer, Builder> {
        private final WriteSupport<Integer> support;

        Builder(OutputFile file, WriteSupport<Integer> support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Integer> getWriteSupport(ParquetConfiguration conf) {
            return support;
        }

        @Override
        protected WriteSupport<Integer> getWriteSupport(Configuration conf) {
            return support;
        }
    }
}
