package dev.iafbt.internal.parquet;

import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Encodes and decodes the v2 metric blob: the two-column Parquet file the reference stores for
 * each extracted metric series under {@code runs/<i>/metrics/<field>.parquet}.
 *
 * <p>Layout written: {@code optional int64 ts} (plain INT64 epoch milliseconds, deliberately
 * without a TIMESTAMP annotation, as pyarrow writes it from Python ints) and
 * {@code optional double value}, ZSTD level 5, one row group.
 *
 * <p>Reading is tolerant where that costs nothing: {@code ts} may also be INT32 or carry a
 * TIMESTAMP annotation of any unit (converted to milliseconds), {@code value} may be any numeric
 * type. A null {@code value} reads as NaN: the reference writes Python {@code None} as a Parquet
 * null, and then itself crashes on {@code float(None)} when loading the metrics, so
 * NaN is the only reading that lets such a bundle open and still says "no number here". A null
 * {@code ts} has no sensible reading and is an error.
 *
 * <p>An empty series encodes as a valid zero-row file and reads back empty, although the
 * reference never extracts an empty series (it stays inline as {@code []}); deciding that is
 * the bundle writer's job, not this codec's.
 */
public final class MetricBlobCodec {
    static final String TS = "ts";
    static final String VALUE = "value";

    private static final MessageType SCHEMA = Types.buildMessage()
            .optional(PrimitiveTypeName.INT64).named(TS)
            .optional(PrimitiveTypeName.DOUBLE).named(VALUE)
            .named("schema");
    private static final List<String> COLUMNS = List.of(TS, VALUE);

    private MetricBlobCodec() {
    }

    /** Encodes a series as the reference's blob (see the class comment for the layout). */
    public static byte[] write(long[] epochMillis, double[] values) {
        SeriesColumns series = new SeriesColumns(epochMillis, values);
        return FlatParquetWriter.write(SCHEMA, List.of(series.epochMillis(), series.values()), series.size(),
                Map.of(), FlatParquetWriter.REFERENCE_ZSTD_LEVEL, "metric blob");
    }

    /**
     * @param parquet          the blob's bytes
     * @param sourceForErrors  names the blob in messages, e.g.
     *                         {@code "bundle x.iafbt, blob runs/0/metrics/equity_curve.parquet"}
     * @throws ParquetBlobException when the bytes are not Parquet, lack a {@code ts} or
     *                              {@code value} column, or hold a null timestamp
     */
    public static SeriesColumns read(byte[] parquet, String sourceForErrors) {
        FlatTable table = FlatParquetReader.read(parquet, sourceForErrors, COLUMNS);
        FlatColumn ts = requireColumn(table, TS, sourceForErrors);
        FlatColumn value = requireColumn(table, VALUE, sourceForErrors);
        if (ts.physicalType() != PrimitiveTypeName.INT64 && ts.physicalType() != PrimitiveTypeName.INT32) {
            throw new ParquetBlobException(sourceForErrors + ": column 'ts' is " + ts.physicalType()
                    + ", expected INT64 epoch milliseconds");
        }
        if (ts.hasNulls()) {
            throw new ParquetBlobException(sourceForErrors + ": column 'ts' is null in row "
                    + ts.nulls().nextSetBit(0) + " (of " + table.rowCount() + ")");
        }
        return new SeriesColumns(toEpochMillis(ts), value.doubles());
    }

    private static FlatColumn requireColumn(FlatTable table, String name, String source) {
        FlatColumn column = table.column(name);
        if (column == null) {
            throw new ParquetBlobException(source + ": no '" + name + "' column (the file has "
                    + table.schema().getFields().stream().map(f -> f.getName()).toList() + ")");
        }
        return column;
    }

    private static long[] toEpochMillis(FlatColumn ts) {
        long[] raw = ts.longs();
        LogicalTypeAnnotation logical = ts.logicalType();
        if (logical instanceof TimestampLogicalTypeAnnotation) {
            return TimestampUnits.toEpochMillis(raw, ((TimestampLogicalTypeAnnotation) logical).getUnit());
        }
        return raw;
    }
}
