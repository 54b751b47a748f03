package dev.iafbt.internal.parquet;

import java.util.BitSet;
import java.util.Objects;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.PrimitiveType;

/**
 * One top-level numeric column read in full into a primitive array, as its physical type stores
 * it: {@code int[]} for INT32, {@code long[]} for INT64, {@code float[]} for FLOAT and
 * {@code double[]} for DOUBLE. Null cells are flagged in {@link #nulls()}; their array slot
 * holds NaN for floating columns and 0 otherwise. Arrays are shared, not copied.
 */
public final class FlatColumn {
    private final PrimitiveType type;
    private final Object values;
    private final BitSet nulls;
    private final int size;

    FlatColumn(PrimitiveType type, Object values, BitSet nulls, int size) {
        this.type = Objects.requireNonNull(type);
        this.values = Objects.requireNonNull(values);
        this.nulls = Objects.requireNonNull(nulls);
        this.size = size;
    }

    public String name() {
        return type.getName();
    }

    public PrimitiveType type() {
        return type;
    }

    public PrimitiveTypeName physicalType() {
        return type.getPrimitiveTypeName();
    }

    /** The logical annotation (TIMESTAMP, INT(…), …) or null when the column has none. */
    public LogicalTypeAnnotation logicalType() {
        return type.getLogicalTypeAnnotation();
    }

    public int size() {
        return size;
    }

    /** Rows whose cell is null; empty when the column has none. Do not modify. */
    public BitSet nulls() {
        return nulls;
    }

    public boolean hasNulls() {
        return !nulls.isEmpty();
    }

    /** INT64 as stored, INT32 widened; other types are refused. */
    public long[] longs() {
        if (values instanceof long[]) {
            return (long[]) values;
        }
        if (values instanceof int[]) {
            int[] ints = (int[]) values;
            long[] widened = new long[size];
            for (int i = 0; i < size; i++) {
                widened[i] = ints[i];
            }
            return widened;
        }
        throw new IllegalStateException("column " + name() + " is " + physicalType() + ", not an integer column");
    }

    /** Every numeric type as double (FLOAT widens exactly); null cells read as NaN. */
    public double[] doubles() {
        if (values instanceof double[]) {
            return (double[]) values;
        }
        double[] widened = new double[size];
        if (values instanceof float[]) {
            float[] floats = (float[]) values;
            for (int i = 0; i < size; i++) {
                widened[i] = floats[i];
            }
        } else if (values instanceof long[]) {
            long[] longs = (long[]) values;
            for (int i = 0; i < size; i++) {
                widened[i] = longs[i];
            }
        } else {
            int[] ints = (int[]) values;
            for (int i = 0; i < size; i++) {
                widened[i] = ints[i];
            }
        }
        for (int row = nulls.nextSetBit(0); row >= 0; row = nulls.nextSetBit(row + 1)) {
            widened[row] = Double.NaN;
        }
        return widened;
    }
}
