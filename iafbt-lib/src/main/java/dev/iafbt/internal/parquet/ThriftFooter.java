package dev.iafbt.internal.parquet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.format.ColumnOrder;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.KeyValue;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.TimeUnit;
import org.apache.parquet.format.Util;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * A Parquet footer read with parquet-format's Thrift classes alone ({@link Util#readFileMetaData}),
 * not through parquet-hadoop's {@code ParquetMetadata}: that class builds a Jackson
 * {@code ObjectMapper} when it is first loaded (about 375 shaded classes, a noticeable part of a
 * cold report's second) only to print footers as JSON, and converts every footer into a second
 * object tree. The schema is converted here for flat schemas of primitive columns with the
 * annotations iafbt's blobs and frames carry; for anything else {@link #schema()} is null and the
 * caller reads the file through parquet-hadoop instead.
 */
final class ThriftFooter {
    private static final int TAIL = 8; // footer length (4 bytes, little-endian) + "PAR1"

    private final FileMetaData metadata;
    private final MessageType schema;

    private ThriftFooter(FileMetaData metadata, MessageType schema) {
        this.metadata = metadata;
        this.schema = schema;
    }

    /** The footer of {@code file}, whose magics were checked already. */
    static ThriftFooter read(byte[] file, String source) {
        int tail = file.length - TAIL;
        long length = (file[tail] & 0xFFL) | (file[tail + 1] & 0xFFL) << 8 | (file[tail + 2] & 0xFFL) << 16
                | (file[tail + 3] & 0xFFL) << 24;
        long start = tail - length;
        if (start < 4) {
            throw corrupt(source, "a footer of " + length + " bytes does not fit in the " + file.length + "-byte file");
        }
        FileMetaData metadata;
        try {
            metadata = Util.readFileMetaData(new ByteArrayInputStream(file, (int) start, (int) length));
        } catch (IOException | RuntimeException e) {
            throw corrupt(source, "unreadable footer (" + e.getMessage() + ")");
        }
        if (!metadata.isSetSchema() || metadata.getSchema().isEmpty() || !metadata.isSetRow_groups()) {
            throw corrupt(source, "the footer has no schema or no row groups");
        }
        return new ThriftFooter(metadata, metadata.isSetEncryption_algorithm() ? null
                : flatSchema(metadata.getSchema(), metadata.getColumn_orders()));
    }

    FileMetaData metadata() {
        return metadata;
    }

    /** The schema; null when it is not one this class converts (nested, or an unusual annotation). */
    MessageType schema() {
        return schema;
    }

    String createdBy() {
        return metadata.getCreated_by();
    }

    /** As parquet-java reads it: in file order, a repeated key's last value wins. */
    Map<String, String> keyValueMetadata() {
        Map<String, String> out = new LinkedHashMap<>();
        if (metadata.isSetKey_value_metadata()) {
            for (KeyValue kv : metadata.getKey_value_metadata()) {
                out.put(kv.getKey(), kv.getValue());
            }
        }
        return out;
    }

    /**
     * A root whose children are all primitive, converted as parquet-java's
     * {@code ParquetMetadataConverter.fromParquetSchema} converts it; null for anything else.
     */
    private static MessageType flatSchema(List<SchemaElement> elements, List<ColumnOrder> orders) {
        SchemaElement root = elements.get(0);
        int children = root.isSetNum_children() ? root.getNum_children() : 0;
        if (children != elements.size() - 1 || orders != null && orders.size() != children) {
            return null;
        }
        Types.MessageTypeBuilder message = Types.buildMessage();
        if (root.isSetField_id()) {
            message.id(root.getField_id());
        }
        for (int i = 1; i <= children; i++) {
            SchemaElement e = elements.get(i);
            if (e.isSetNum_children() || !e.isSetType() || !e.isSetRepetition_type() || !e.isSetName()) {
                return null;
            }
            Types.PrimitiveBuilder<?> column = message.primitive(PrimitiveTypeName.valueOf(e.getType().name()),
                    Repetition.valueOf(e.getRepetition_type().name()));
            if (e.isSetType_length()) {
                column.length(e.getType_length());
            }
            if (e.isSetField_id()) {
                column.id(e.getField_id());
            }
            if (e.isSetLogicalType() || e.isSetConverted_type()) {
                LogicalTypeAnnotation annotation = e.isSetLogicalType() ? annotation(e.getLogicalType())
                        : annotation(e.getConverted_type());
                if (annotation == null) {
                    return null;
                }
                column.as(annotation);
            }
            if (orders != null) {
                column.columnOrder(columnOrder(orders.get(i - 1)));
            }
            column.named(e.getName());
        }
        return message.named(root.getName());
    }

    private static org.apache.parquet.schema.ColumnOrder columnOrder(ColumnOrder order) {
        if (order.isSetTYPE_ORDER()) {
            return org.apache.parquet.schema.ColumnOrder.typeDefined();
        }
        return order.isSetIEEE_754_TOTAL_ORDER() ? org.apache.parquet.schema.ColumnOrder.ieee754TotalOrder()
                : org.apache.parquet.schema.ColumnOrder.undefined();
    }

    private static LogicalTypeAnnotation annotation(LogicalType type) {
        if (type.isSetTIMESTAMP()) {
            LogicalTypeAnnotation.TimeUnit unit = unit(type.getTIMESTAMP().getUnit());
            return unit == null ? null : LogicalTypeAnnotation.timestampType(type.getTIMESTAMP().isIsAdjustedToUTC(), unit);
        }
        if (type.isSetINTEGER()) {
            return LogicalTypeAnnotation.intType(type.getINTEGER().getBitWidth(), type.getINTEGER().isIsSigned());
        }
        if (type.isSetSTRING()) {
            return LogicalTypeAnnotation.stringType();
        }
        if (type.isSetDATE()) {
            return LogicalTypeAnnotation.dateType();
        }
        return null;
    }

    private static LogicalTypeAnnotation.TimeUnit unit(TimeUnit unit) {
        if (unit.isSetMILLIS()) {
            return LogicalTypeAnnotation.TimeUnit.MILLIS;
        }
        if (unit.isSetMICROS()) {
            return LogicalTypeAnnotation.TimeUnit.MICROS;
        }
        return unit.isSetNANOS() ? LogicalTypeAnnotation.TimeUnit.NANOS : null;
    }

    private static LogicalTypeAnnotation annotation(ConvertedType type) {
        switch (type) {
            case TIMESTAMP_MILLIS:
                return LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS);
            case TIMESTAMP_MICROS:
                return LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS);
            case UTF8:
                return LogicalTypeAnnotation.stringType();
            case DATE:
                return LogicalTypeAnnotation.dateType();
            case INT_8:
                return LogicalTypeAnnotation.intType(8, true);
            case INT_16:
                return LogicalTypeAnnotation.intType(16, true);
            case INT_32:
                return LogicalTypeAnnotation.intType(32, true);
            case INT_64:
                return LogicalTypeAnnotation.intType(64, true);
            default:
                return null;
        }
    }

    private static ParquetBlobException corrupt(String source, String problem) {
        return new ParquetBlobException(source + ": corrupt Parquet file (" + problem + ")");
    }
}
