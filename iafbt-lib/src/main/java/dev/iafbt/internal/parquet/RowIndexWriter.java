package dev.iafbt.internal.parquet;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

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

    /**
     * A write support for a fixed schema and footer metadata whose records are row indexes; a
     * subclass only turns a row into its values ({@link #writeRow}).
     */
    abstract static class RowSupport extends WriteSupport<Integer> {
        final MessageType schema;
        private final Map<String, String> metadata;
        RecordConsumer consumer;

        RowSupport(MessageType schema, Map<String, String> metadata) {
            this.schema = Objects.requireNonNull(schema);
            this.metadata = Map.copyOf(metadata);
        }

        @Override
        public final WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(schema, metadata);
        }

        @Override
        @SuppressWarnings("deprecation") // the writer builder still calls this Hadoop-Configuration variant
        public final WriteContext init(Configuration configuration) {
            return new WriteContext(schema, metadata);
        }

        @Override
        public final void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public final void write(Integer row) {
            consumer.startMessage();
            writeRow(row);
            consumer.endMessage();
        }

        /** Adds the fields of one row (the message is already started). */
        abstract void writeRow(int row);
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
        @SuppressWarnings("deprecation") // the abstract method the builder requires; its replacement is not abstract
        protected WriteSupport<Integer> getWriteSupport(Configuration conf) {
            return support;
        }
    }
}
