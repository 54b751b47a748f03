/**
 * The small Parquet codecs iafbt needs, on parquet-java (parquet-hadoop) with as little Hadoop as
 * it will run with.
 *
 * <ul>
 *   <li>{@link dev.iafbt.internal.parquet.MetricBlobCodec}: the two-column metric blob of v2 bundles
 *.</li>
 *   <li>{@link dev.iafbt.internal.parquet.FlatParquetReader} / {@link dev.iafbt.internal.parquet.FlatParquetWriter}:
 *       whole numeric columns to and from primitive arrays, shared with the OHLCV codec.</li>
 *   <li>{@link dev.iafbt.internal.parquet.ThriftFooter} / {@link dev.iafbt.internal.parquet.ChunkPages}: the
 *       direct read of in-memory files (footer by parquet-format's Thrift classes, pages for
 *       parquet-column's readers) without parquet-hadoop's {@code ParquetFileReader} and
 *       {@code ParquetMetadata}, whose static Jackson {@code ObjectMapper} costs a cold JVM about
 *       400 classes.</li>
 *   <li>{@link dev.iafbt.internal.parquet.ByteArrayInputFile} / {@link dev.iafbt.internal.parquet.ByteArrayOutputFile}:
 *       in-memory files, which parquet-java does not ship.</li>
 * </ul>
 *
 * <h2>The Hadoop footprint, and why each piece is there</h2>
 * <ul>
 *   <li>{@code hadoop-common}, with every transitive dependency excluded: parquet-hadoop's
 *       public classes ({@code ParquetWriter}, {@code ParquetFileReader}, {@code CodecFactory})
 *       have Hadoop types in their signatures and imports, so the classes must resolve.</li>
 *   <li>{@code hadoop-mapreduce-client-core} (runtime, transitive dependencies excluded):
 *       {@code ParquetReadOptions.Builder} always calls {@code ParquetInputFormat.getFilter}, and
 *       {@code ParquetInputFormat} extends mapreduce's {@code FileInputFormat}.</li>
 *   <li>No Hadoop {@code Configuration} is ever created: every reader and writer gets a
 *       {@code PlainParquetConfiguration}, every write support overrides the
 *       {@code ParquetConfiguration} hooks, and {@link dev.iafbt.internal.parquet.HadoopFreeCodecFactory}
 *       replaces parquet's Hadoop-codec-based {@code CodecFactory}. That is what lets woodstox,
 *       commons-configuration, guava and the rest of Hadoop's graph stay off the classpath; the
 *       tests write and read every supported codec to prove the trimmed classpath works.</li>
 * </ul>
 */
package dev.iafbt.internal.parquet;
