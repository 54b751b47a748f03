package dev.iafbt.internal.parquet;

import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;

/** Conversions between Parquet TIMESTAMP units and epoch milliseconds. */
public final class TimestampUnits {
    private TimestampUnits() {
    }

    /**
     * Floors to whole milliseconds (as {@code Math.floorDiv}), so instants before 1970 stay in the
     * millisecond they fall in; a new array is returned unless the unit already is MILLIS.
     */
    public static long[] toEpochMillis(long[] values, TimeUnit unit) {
        return toEpochMillis(values, perMillisecond(unit));
    }

    /** As {@link #toEpochMillis(long[], TimeUnit)}, for a unit given as ticks per millisecond. */
    public static long[] toEpochMillis(long[] values, long perMilli) {
        if (perMilli == 1) {
            return values;
        }
        long[] millis = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            millis[i] = Math.floorDiv(values[i], perMilli);
        }
        return millis;
    }

    /** How many ticks of the unit make one millisecond. */
    public static long perMillisecond(TimeUnit unit) {
        switch (unit) {
            case MILLIS:
                return 1L;
            case MICROS:
                return 1_000L;
            case NANOS:
                return 1_000_000L;
            default:
                throw new IllegalArgumentException("unknown time unit " + unit);
        }
    }
}
