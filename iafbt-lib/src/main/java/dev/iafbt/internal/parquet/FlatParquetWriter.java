package dev.iafbt.internal.parquet;

import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Writes whole primitive arrays as the top-level columns of one Parquet file, in memory, the way
 * the reference's pyarrow writer lays them out where it matters to readers: ZSTD
 * pages at the given level, dictionary encoding, statistics, one row group, no nulls.
 *
 * <p>Data pages are format v1 ({@code PARQUET_1_0}), which every reader understands; pyarrow's
 * {@code ARROW:schema} footer entry is not written since readers derive the same types from the
 * Parquet schema. The bytes differ from pyarrow's anyway ({@code created_by}, page layout), which
 * is why blobs read from a bundle must be carried verbatim, never re-encoded.
 */
public final class FlatParquetWriter {
    /** {@code compression_level=5}, as the reference passes to {@code pq.write_table}. */
    public static final int REFERENCE_ZSTD_LEVEL = 5;

    private FlatParquetWriter() {
    }

    /**
     * @param schema    flat schema; field {@code i} is filled from {@code columns.get(i)}
     * @param columns   one array per field, matching its physical type: {@code int[]} INT32,
     *                  {@code long[]} INT64, {@code float[]} FLOAT, {@code double[]} DOUBLE
     * @param rowCount  rows to write; every array holds at least that many values
     * @param metadata  footer key/value metadata (may be empty)
     * @param zstdLevel ZSTD level of every page
     * @param source    names the output in error messages
     */
    public static byte[] write(MessageType schema, List<?> columns, int rowCount, Map<String, String> metadata,
            int zstdLevel, String source) {
        ArrayColumnsWriteSupport support = new ArrayColumnsWriteSupport(schema, columns, rowCount, metadata);
        return RowIndexWriter.write(support, rowCount, zstdLevel, 1024 + rowCount * 4, source);
    }

    /** A "record" is a row index into the column arrays, so rows need no objects of their own. */
    private static final class ArrayColumnsWriteSupport extends RowIndexWriter.RowSupport {
        private final Object[] columns;

        ArrayColumnsWriteSupport(MessageType schema, List<?> columns, int rowCount, Map<String, String> metadata) {
            super(schema, metadata);
            this.columns = columns.toArray();
            if (this.columns.length != schema.getFieldCount()) {
                throw new IllegalArgumentException(schema.getFieldCount() + " fields but "
                        + this.columns.length + " column arrays");
            }
            for (int i = 0; i < this.columns.length; i++) {
                requireArray(schema.getType(i), this.columns[i], rowCount);
            }
        }

        private static void requireArray(Type field, Object array, int rowCount) {
            int length;
            switch (field.asPrimitiveType().getPrimitiveTypeName()) {
                case INT32:
                    length = ((int[]) array).length;
                    break;
                case INT64:
                    length = ((long[]) array).length;
                    break;
                case FLOAT:
                    length = ((float[]) array).length;
                    break;
                case DOUBLE:
                    length = ((double[]) array).length;
                    break;
                default:
                    throw new IllegalArgumentException("unsupported column type " + field);
            }
            if (length < rowCount) {
                throw new IllegalArgumentException("column " + field.getName() + " has " + length
                        + " values, " + rowCount + " rows requested");
            }
        }

        @Override
        void writeRow(int row) {
            for (int i = 0; i < columns.length; i++) {
                Type field = schema.getType(i);
                consumer.startField(field.getName(), i);
                switch (field.asPrimitiveType().getPrimitiveTypeName()) {
                    case INT32:
                        consumer.addInteger(((int[]) columns[i])[row]);
                        break;
                    case INT64:
                        consumer.addLong(((long[]) columns[i])[row]);
                        break;
                    case FLOAT:
                        consumer.addFloat(((float[]) columns[i])[row]);
                        break;
                    default:
                        consumer.addDouble(((double[]) columns[i])[row]);
                        break;
                }
                consumer.endField(field.getName(), i);
            }
        }
    }
}
