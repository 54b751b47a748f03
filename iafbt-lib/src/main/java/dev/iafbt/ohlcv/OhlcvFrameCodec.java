package dev.iafbt.ohlcv;

import dev.iafbt.internal.parquet.FlatColumn;
import dev.iafbt.internal.parquet.FlatParquetReader;
import dev.iafbt.internal.parquet.FlatParquetWriter;
import dev.iafbt.internal.parquet.FlatTable;
import dev.iafbt.internal.parquet.ParquetBlobException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Reads and writes OHLCV frames as the reference stores them in the side store:
 * one Parquet file, ZSTD level 5, columns {@code Datetime} (INT64 TIMESTAMP, adjusted to UTC, as
 * pyarrow writes a tz-aware pandas column) then {@code Open, High, Low, Close, Volume} as DOUBLE,
 * or FLOAT when written with {@code float32} (the reference's {@code float32_ohlcv=True}).
 *
 * <p>Reading accepts any TIMESTAMP unit; a timestamp not marked UTC counts as UTC, the
 * reference's rule for naive datetimes. Price and volume columns may be any numeric
 * type; nulls read as NaN. A null Datetime is an error.
 */
final class OhlcvFrameCodec {
    private OhlcvFrameCodec() {
    }

    /**
     * @param source names the bytes in messages, e.g. the chunk's path
     * @throws OhlcvException when the bytes are not Parquet or lack a usable OHLCV column
     */
    static OhlcvFrame read(byte[] parquet, String source) {
        FlatTable table;
        try {
            table = FlatParquetReader.read(parquet, source, OhlcvFrame.COLUMNS);
        } catch (ParquetBlobException e) {
            throw new OhlcvException(e.getMessage(), e);
        }
        FlatColumn datetime = require(table, OhlcvFrame.DATETIME, source);
        TimeUnit unit = timestampUnit(datetime, source);
        if (datetime.hasNulls()) {
            throw new OhlcvException(source + ": column 'Datetime' is null in row " + datetime.nulls().nextSetBit(0));
        }
        double[][] values = new double[OhlcvFrame.VALUE_COLUMNS.size()][];
        boolean allFloat32 = true;
        for (int i = 0; i < values.length; i++) {
            FlatColumn column = require(table, OhlcvFrame.VALUE_COLUMNS.get(i), source);
            values[i] = column.doubles();
            allFloat32 &= column.physicalType() == PrimitiveTypeName.FLOAT;
        }
        List<String> names = new ArrayList<>();
        for (Type field : table.schema().getFields()) {
            names.add(field.getName());
        }
        return new OhlcvFrame(datetime.longs(), unit, values, allFloat32, names);
    }

    /**
     * @param float32 downcast prices and volume to FLOAT, as {@code float32_ohlcv=True} does
     */
    static byte[] write(OhlcvFrame frame, boolean float32) {
        List<Object> columns = new ArrayList<>();
        columns.add(frame.timestamps());
        for (String name : OhlcvFrame.VALUE_COLUMNS) {
            columns.add(float32 ? downcast(frame.column(name)) : frame.column(name));
        }
        try {
            return FlatParquetWriter.write(schema(frame.timeUnit(), float32), columns, frame.rowCount(), Map.of(),
                    FlatParquetWriter.REFERENCE_ZSTD_LEVEL, "OHLCV frame");
        } catch (ParquetBlobException e) {
            throw new OhlcvException(e.getMessage(), e);
        }
    }

    private static MessageType schema(TimeUnit unit, boolean float32) {
        Types.MessageTypeBuilder builder = Types.buildMessage();
        builder.optional(PrimitiveTypeName.INT64)
                .as(LogicalTypeAnnotation.timestampType(true, parquetUnit(unit)))
                .named(OhlcvFrame.DATETIME);
        PrimitiveTypeName valueType = float32 ? PrimitiveTypeName.FLOAT : PrimitiveTypeName.DOUBLE;
        for (String name : OhlcvFrame.VALUE_COLUMNS) {
            builder.optional(valueType).named(name);
        }
        return builder.named("schema");
    }

    private static float[] downcast(double[] values) {
        float[] narrowed = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            narrowed[i] = (float) values[i];
        }
        return narrowed;
    }

    private static FlatColumn require(FlatTable table, String name, String source) {
        FlatColumn column = table.column(name);
        if (column == null) {
            List<String> present = new ArrayList<>();
            table.schema().getFields().forEach(f -> present.add(f.getName()));
            throw new OhlcvException(source + ": no '" + name + "' column (the file has " + present + ")");
        }
        return column;
    }

    private static TimeUnit timestampUnit(FlatColumn datetime, String source) {
        LogicalTypeAnnotation logical = datetime.logicalType();
        if (datetime.physicalType() != PrimitiveTypeName.INT64
                || !(logical instanceof TimestampLogicalTypeAnnotation)) {
            throw new OhlcvException(source + ": column 'Datetime' is " + datetime.type()
                    + ", expected an INT64 TIMESTAMP");
        }
        switch (((TimestampLogicalTypeAnnotation) logical).getUnit()) {
            case MILLIS:
                return TimeUnit.MILLISECONDS;
            case MICROS:
                return TimeUnit.MICROSECONDS;
            default:
                return TimeUnit.NANOSECONDS;
        }
    }

    private static LogicalTypeAnnotation.TimeUnit parquetUnit(TimeUnit unit) {
        switch (unit) {
            case MILLISECONDS:
                return LogicalTypeAnnotation.TimeUnit.MILLIS;
            case MICROSECONDS:
                return LogicalTypeAnnotation.TimeUnit.MICROS;
            default:
                return LogicalTypeAnnotation.TimeUnit.NANOS;
        }
    }
}
