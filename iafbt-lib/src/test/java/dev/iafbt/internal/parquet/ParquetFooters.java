package dev.iafbt.internal.parquet;

import java.io.IOException;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/** Reads a footer for layout assertions, without a Hadoop configuration. */
final class ParquetFooters {
    private ParquetFooters() {
    }

    static ParquetMetadata of(byte[] parquet) throws IOException {
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(new HadoopFreeCodecFactory(5))
                .build();
        try (ParquetFileReader reader = ParquetFileReader.open(new ByteArrayInputFile(parquet, "test"), options)) {
            return reader.getFooter();
        }
    }
}
