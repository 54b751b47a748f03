package dev.iafbt.internal.parquet;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.parquet.schema.MessageType;

/**
 * What {@link FlatParquetReader} read: the file's full schema (also the columns it did not
 * read), the row count, the requested columns that exist, in request order, and the footer's
 * key/value metadata (pyarrow's {@code ARROW:schema}, pandas' {@code pandas}, …).
 */
public final class FlatTable {
    private final MessageType schema;
    private final int rowCount;
    private final Map<String, FlatColumn> columns;
    private final Map<String, String> keyValueMetadata;

    FlatTable(MessageType schema, int rowCount, LinkedHashMap<String, FlatColumn> columns,
            Map<String, String> keyValueMetadata) {
        this.schema = schema;
        this.rowCount = rowCount;
        this.columns = Collections.unmodifiableMap(columns);
        this.keyValueMetadata = Collections.unmodifiableMap(new LinkedHashMap<>(keyValueMetadata));
    }

    public MessageType schema() {
        return schema;
    }

    public int rowCount() {
        return rowCount;
    }

    /** The requested columns the file has, in request order. */
    public Map<String, FlatColumn> columns() {
        return columns;
    }

    /** The column, or null when the file has no such top-level column (or it was not requested). */
    public FlatColumn column(String name) {
        return columns.get(name);
    }

    public Map<String, String> keyValueMetadata() {
        return keyValueMetadata;
    }
}
