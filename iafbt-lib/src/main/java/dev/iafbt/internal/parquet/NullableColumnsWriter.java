package dev.iafbt.internal.parquet;

import java.util.List;
import java.util.Map;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Writes a table of optional string and double columns as one Parquet file in memory: the
 * shape of the Tier-2 analytics datasets. The schema comes from the column declarations alone, so
 * two files written for the same declarations always share one schema, however many cells are
 * null; a reader can scan thousands of them as one dataset.
 */
public final class NullableColumnsWriter {
    private NullableColumnsWriter() {
    }

    /**
     * @param columns   the columns, each with at least {@code rowCount} cells
     * @param rowCount  rows to write
     * @param zstdLevel ZSTD level of every page
     * @param source    names the output in error messages
     */
    public static byte[] write(List<NullableColumn> columns, int rowCount, int zstdLevel, String source) {
        for (NullableColumn column : columns) {
            if (column.values().length < rowCount) {
                throw new IllegalArgumentException("column " + column.name() + " has " + column.values().length
                        + " cells, " + rowCount + " rows requested");
            }
        }
        return RowIndexWriter.write(new CellsWriteSupport(columns), rowCount, zstdLevel, 4096 + rowCount * 16, source);
    }

    private static final class CellsWriteSupport extends RowIndexWriter.RowSupport {
        private final NullableColumn[] columns;

        CellsWriteSupport(List<NullableColumn> columns) {
            super(new MessageType("schema", columns.stream().map(NullableColumn::parquetType).toArray(Type[]::new)),
                    Map.of());
            this.columns = columns.toArray(new NullableColumn[0]);
        }

        @Override
        void writeRow(int row) {
            for (int i = 0; i < columns.length; i++) {
                Object cell = columns[i].values()[row];
                if (cell == null) {
                    continue; // an optional field is null by being absent
                }
                String name = columns[i].name();
                consumer.startField(name, i);
                if (columns[i].type() == NullableColumn.Kind.STRING) {
                    consumer.addBinary(Binary.fromString((String) cell));
                } else {
                    consumer.addDouble((Double) cell);
                }
                consumer.endField(name, i);
            }
        }
    }
}
