package dev.iafbt.internal.parquet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads chosen top-level numeric columns of a Parquet file straight into primitive arrays.
 *
 * <p>It drives parquet-java's column readers directly instead of materializing one record object
 * per row (GroupReadSupport), because bundles carry many small blobs and the whole bundle must
 * open fast. Columns not asked for are never decompressed. Bytes in memory (every blob and OHLCV
 * chunk) are read without parquet-hadoop's {@code ParquetFileReader}: the footer through
 * parquet-format's Thrift classes ({@link ThriftFooter}) and the pages cut by {@link ChunkPages},
 * which spares each footer a second conversion and a cold JVM the Jackson set-up of
 * {@code ParquetMetadata}; files with a schema that path does not convert, and any other
 * {@link InputFile}, go through {@code ParquetFileReader} (the same values, {@code DirectReadParityTest}).
 *
 * <p>Untrusted input: every failure, including the ones parquet-java reports as plain runtime
 * exceptions, becomes a {@link ParquetBlobException} that names the source; sizes from the footer
 * and page headers are checked against the file before anything that large is allocated.
 */
public final class FlatParquetReader {
    /** No OHLCV frame or metric series comes near this; a footer claiming more is corrupt. */
    static final long MAX_ROWS = 50_000_000L;

    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};
    private static final byte[] ENCRYPTED_FOOTER_MAGIC = {'P', 'A', 'R', 'E'};

    /** Stateless, so shared. */
    private static final HadoopFreeCodecFactory CODECS = new HadoopFreeCodecFactory(FlatParquetWriter.REFERENCE_ZSTD_LEVEL);

    /**
     * The options of parquet-hadoop's reader, used only for files the direct path does not read;
     * in a holder so that building them (which loads parquet-hadoop's filter and mapreduce classes)
     * happens only then. Shareable: the options hold no per-file state.
     */
    private static final class Hadoop {
        static final ParquetReadOptions OPTIONS = ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(CODECS)
                .useStatsFilter(false)
                .useDictionaryFilter(false)
                .useRecordFilter(false)
                .useColumnIndexFilter(false)
                .useBloomFilter(false)
                .build();
    }

    private FlatParquetReader() {
    }

    /**
     * @param parquet the whole file
     * @param source  names the bytes in error messages, e.g. {@code "bundle x.iafbt, blob k"}
     * @param wanted  top-level column names to read; names the file lacks are left out of the result
     * @throws ParquetBlobException when the bytes are not a readable Parquet file or a wanted
     *                              column is not a flat numeric column
     */
    public static FlatTable read(byte[] parquet, String source, Collection<String> wanted) {
        requireMagic(parquet, source);
        ThriftFooter footer = ThriftFooter.read(parquet, source);
        if (footer.schema() == null) {
            return read(new ByteArrayInputFile(parquet, source), source, wanted, parquet);
        }
        try {
            List<RowGroup> groups = footer.metadata().getRow_groups();
            int rowCount = checkedRowCount(groups, parquet.length, source);
            Iterator<RowGroup> next = groups.stream().filter(g -> g.getNum_rows() > 0).iterator();
            return read(footer.schema(), rowCount, footer.createdBy(), footer.keyValueMetadata(), wanted, source,
                    projection -> next.hasNext()
                            ? ChunkPages.of(next.next(), parquet, projection.getColumns(), CODECS, source) : null);
        } catch (ParquetBlobException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ParquetBlobException(source + ": corrupt Parquet file (" + describe(e) + ")", e);
        }
    }

    /** As {@link #read(byte[], String, Collection)}, for any {@link InputFile}. */
    public static FlatTable read(InputFile file, String source, Collection<String> wanted) {
        return read(file, source, wanted, null);
    }

    /**
     * Through parquet-hadoop's {@code ParquetFileReader}: any {@link InputFile}, and the files the
     * direct path leaves to it. {@code bytes}, when the whole file is at hand, lets every page
     * header be checked first.
     */
    private static FlatTable read(InputFile file, String source, Collection<String> wanted, byte[] bytes) {
        try (ParquetFileReader reader = new ParquetFileReader(file, Hadoop.OPTIONS)) {
            FileMetaData meta = reader.getFooter().getFileMetaData();
            int rowCount = checkedRowCount(reader, file.getLength(), source);
            if (bytes != null) {
                PageBounds.check(reader.getRowGroups(), bytes, source);
            }
            return read(meta.getSchema(), rowCount, meta.getCreatedBy(), meta.getKeyValueMetaData(), wanted, source,
                    projection -> {
                        reader.setRequestedSchema(projection); // the other columns are never decompressed
                        return reader.readNextRowGroup();
                    });
        } catch (ParquetBlobException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ParquetBlobException(source + ": corrupt Parquet file (" + describe(e) + ")", e);
        }
    }

    /** The next row group's pages of the projected columns; null after the last. */
    @FunctionalInterface
    private interface RowGroups {
        PageReadStore next(MessageType projection) throws IOException;
    }

    private static FlatTable read(MessageType schema, int rowCount, String createdBy, Map<String, String> keyValues,
            Collection<String> wanted, String source, RowGroups rowGroups) throws IOException {
        MessageType projection = projection(schema, wanted, source);
        List<ColumnBuffer> buffers = new ArrayList<>();
        for (ColumnDescriptor column : projection.getColumns()) {
            buffers.add(new ColumnBuffer(column, rowCount));
        }
        if (!buffers.isEmpty()) {
            readRowGroups(rowGroups, projection, createdBy, buffers, rowCount, source);
        }
        LinkedHashMap<String, FlatColumn> columns = new LinkedHashMap<>();
        for (ColumnBuffer buffer : buffers) {
            columns.put(buffer.type.getName(), buffer.toColumn(rowCount));
        }
        return new FlatTable(schema, rowCount, columns, keyValues);
    }

    private static void requireMagic(byte[] bytes, String source) {
        if (bytes.length < 12) {
            throw new ParquetBlobException(source + ": not a Parquet file (only " + bytes.length + " bytes)");
        }
        byte[] head = Arrays.copyOfRange(bytes, 0, 4);
        byte[] tail = Arrays.copyOfRange(bytes, bytes.length - 4, bytes.length);
        if (Arrays.equals(tail, ENCRYPTED_FOOTER_MAGIC)) {
            throw new ParquetBlobException(source + ": encrypted Parquet files are not supported");
        }
        if (!Arrays.equals(head, MAGIC) || !Arrays.equals(tail, MAGIC)) {
            throw new ParquetBlobException(source + ": not a Parquet file (no PAR1 magic at "
                    + (Arrays.equals(head, MAGIC) ? "the end" : "the start") + ")");
        }
    }

    /** Refuses footers whose row counts or chunk offsets cannot be true for a file this long. */
    private static int checkedRowCount(ParquetFileReader reader, long fileLength, String source) {
        long rows = 0;
        for (BlockMetaData block : reader.getRowGroups()) {
            if (block.getRowCount() < 0) {
                throw corrupt(source, "negative row count " + block.getRowCount() + " in a row group");
            }
            rows += block.getRowCount();
            for (ColumnChunkMetaData chunk : block.getColumns()) {
                long start = chunk.getStartingPos();
                long end = start + chunk.getTotalSize();
                if (start < MAGIC.length || chunk.getTotalSize() < 0 || end > fileLength) {
                    throw corrupt(source, "column chunk " + chunk.getPath() + " at bytes " + start + ".." + end
                            + " lies outside the " + fileLength + "-byte file");
                }
            }
        }
        if (rows > MAX_ROWS || rows != reader.getRecordCount()) {
            throw corrupt(source, "implausible row count " + rows);
        }
        return (int) rows;
    }

    /** As {@link #checkedRowCount(ParquetFileReader, long, String)}, on the footer's Thrift row groups. */
    private static int checkedRowCount(List<RowGroup> groups, long fileLength, String source) {
        long rows = 0;
        for (RowGroup group : groups) {
            if (group.getNum_rows() < 0) {
                throw corrupt(source, "negative row count " + group.getNum_rows() + " in a row group");
            }
            rows += group.getNum_rows();
            for (ColumnChunk chunk : group.getColumns()) {
                ColumnMetaData meta = chunk.getMeta_data();
                if (chunk.isSetFile_path() || meta == null) {
                    throw corrupt(source, "a column chunk is not stored in the file itself");
                }
                long start = ChunkPages.start(meta);
                long end = start + meta.getTotal_compressed_size();
                if (start < MAGIC.length || meta.getTotal_compressed_size() < 0 || end > fileLength) {
                    throw corrupt(source, "column chunk " + meta.getPath_in_schema() + " at bytes " + start + ".." + end
                            + " lies outside the " + fileLength + "-byte file");
                }
            }
        }
        if (rows > MAX_ROWS) {
            throw corrupt(source, "implausible row count " + rows);
        }
        return (int) rows;
    }

    private static MessageType projection(MessageType schema, Collection<String> wanted, String source) {
        List<Type> fields = new ArrayList<>();
        for (String name : wanted) {
            if (!schema.containsField(name)) {
                continue;
            }
            Type field = schema.getType(name);
            if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)
                    || !ColumnBuffer.isSupported(field.asPrimitiveType())) {
                throw new ParquetBlobException(source + ": column '" + name + "' is " + field
                        + ", expected a flat INT32, INT64, FLOAT or DOUBLE column");
            }
            fields.add(field);
        }
        return new MessageType(schema.getName(), fields);
    }

    @SuppressWarnings("deprecation") // getTotalValueCount: the one check of a column's length parquet exposes
    private static void readRowGroups(RowGroups rowGroups, MessageType projection, String createdBy,
            List<ColumnBuffer> buffers, int rowCount, String source) throws IOException {
        GroupConverter converter = new NoOpGroupConverter(projection.getFieldCount());
        int offset = 0;
        PageReadStore rowGroup;
        while ((rowGroup = rowGroups.next(projection)) != null) {
            long rows = rowGroup.getRowCount();
            if (rows > rowCount - offset) {
                throw corrupt(source, "row groups hold more rows than the footer's " + rowCount);
            }
            ColumnReadStoreImpl store = new ColumnReadStoreImpl(rowGroup, converter, projection, createdBy);
            for (ColumnBuffer buffer : buffers) {
                ColumnReader column = store.getColumnReader(buffer.descriptor);
                if (column.getTotalValueCount() != rows) {
                    throw corrupt(source, "column '" + buffer.type.getName() + "' has "
                            + column.getTotalValueCount() + " values in a row group of " + rows + " rows");
                }
                buffer.fill(column, offset, (int) rows);
            }
            offset += (int) rows;
        }
        if (offset != rowCount) {
            throw corrupt(source, "row groups hold " + offset + " rows, the footer says " + rowCount);
        }
    }

    private static ParquetBlobException corrupt(String source, String problem) {
        return new ParquetBlobException(source + ": corrupt Parquet file (" + problem + ")");
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? text : e.getClass().getSimpleName() + ": " + text;
    }

    /** The column readers want a converter tree even though we pull values ourselves. */
    private static final class NoOpGroupConverter extends GroupConverter {
        private final PrimitiveConverter[] children;

        NoOpGroupConverter(int fieldCount) {
            children = new PrimitiveConverter[fieldCount];
            Arrays.fill(children, new PrimitiveConverter() {
            });
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return children[fieldIndex];
        }

        @Override
        public void start() {
        }

        @Override
        public void end() {
        }
    }

    /** One column's growing result; one tight loop per physical type, no per-value objects. */
    private static final class ColumnBuffer {
        final ColumnDescriptor descriptor;
        final PrimitiveType type;
        final Object values;
        final BitSet nulls = new BitSet();

        ColumnBuffer(ColumnDescriptor descriptor, int rowCount) {
            this.descriptor = descriptor;
            this.type = descriptor.getPrimitiveType();
            switch (type.getPrimitiveTypeName()) {
                case INT32:
                    values = new int[rowCount];
                    break;
                case INT64:
                    values = new long[rowCount];
                    break;
                case FLOAT:
                    values = new float[rowCount];
                    break;
                case DOUBLE:
                    values = new double[rowCount];
                    break;
                default:
                    throw new IllegalStateException(type.toString());
            }
        }

        static boolean isSupported(PrimitiveType type) {
            switch (type.getPrimitiveTypeName()) {
                case INT32:
                case INT64:
                case FLOAT:
                case DOUBLE:
                    return true;
                default:
                    return false;
            }
        }

        void fill(ColumnReader column, int offset, int rows) {
            int present = descriptor.getMaxDefinitionLevel();
            int end = offset + rows;
            switch (type.getPrimitiveTypeName()) {
                case INT32: {
                    int[] target = (int[]) values;
                    for (int row = offset; row < end; row++) {
                        if (column.getCurrentDefinitionLevel() == present) {
                            target[row] = column.getInteger();
                        } else {
                            nulls.set(row);
                        }
                        column.consume();
                    }
                    break;
                }
                case INT64: {
                    long[] target = (long[]) values;
                    for (int row = offset; row < end; row++) {
                        if (column.getCurrentDefinitionLevel() == present) {
                            target[row] = column.getLong();
                        } else {
                            nulls.set(row);
                        }
                        column.consume();
                    }
                    break;
                }
                case FLOAT: {
                    float[] target = (float[]) values;
                    for (int row = offset; row < end; row++) {
                        if (column.getCurrentDefinitionLevel() == present) {
                            target[row] = column.getFloat();
                        } else {
                            target[row] = Float.NaN;
                            nulls.set(row);
                        }
                        column.consume();
                    }
                    break;
                }
                case DOUBLE: {
                    double[] target = (double[]) values;
                    for (int row = offset; row < end; row++) {
                        if (column.getCurrentDefinitionLevel() == present) {
                            target[row] = column.getDouble();
                        } else {
                            target[row] = Double.NaN;
                            nulls.set(row);
                        }
                        column.consume();
                    }
                    break;
                }
                default:
                    throw new IllegalStateException(type.toString());
            }
        }

        FlatColumn toColumn(int rowCount) {
            return new FlatColumn(type, values, nulls, rowCount);
        }
    }
}
