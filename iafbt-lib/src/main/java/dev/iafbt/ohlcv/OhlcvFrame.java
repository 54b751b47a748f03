package dev.iafbt.ohlcv;

import dev.iafbt.internal.parquet.TimestampUnits;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One OHLCV data set, by column: {@code Datetime, Open, High, Low, Close, Volume}.
 *
 * <p>Timestamps are UTC instants kept exactly as stored, in their original unit (pandas writes
 * microseconds today, nanoseconds in older versions), so writing a frame back loses nothing;
 * {@link #epochMillis()} gives the common millisecond view. Prices and volume are doubles; a
 * frame read from float32 columns is widened (exactly) and remembers it in
 * {@link #storedAsFloat32()}. Null cells read as NaN.
 *
 * <p>Extra columns in a file are listed in {@link #columnNames()} but their data is not kept:
 * the reference only ever writes the six columns, and carrying arbitrary typed data would make
 * this a general data frame. A frame written back therefore has the six columns only.
 *
 * <p>Arrays are shared, not copied, for speed on large frames: do not modify what the
 * accessors return.
 */
public final class OhlcvFrame {
    public static final String DATETIME = "Datetime";
    /** The price and volume columns, in the reference's order. */
    public static final List<String> VALUE_COLUMNS = List.of("Open", "High", "Low", "Close", "Volume");
    /** All six columns, in the reference's order. */
    public static final List<String> COLUMNS = List.of(DATETIME, "Open", "High", "Low", "Close", "Volume");

    private final long[] timestamps;
    private final TimeUnit timeUnit;
    private final double[][] values;
    private final boolean storedAsFloat32;
    private final List<String> columnNames;

    OhlcvFrame(long[] timestamps, TimeUnit timeUnit, double[][] values, boolean storedAsFloat32,
            List<String> columnNames) {
        this.timestamps = Objects.requireNonNull(timestamps, "timestamps");
        this.timeUnit = requireSupportedUnit(timeUnit);
        if (values.length != VALUE_COLUMNS.size()) {
            throw new IllegalArgumentException("expected " + VALUE_COLUMNS.size() + " value columns");
        }
        for (int i = 0; i < values.length; i++) {
            Objects.requireNonNull(values[i], VALUE_COLUMNS.get(i));
            if (values[i].length != timestamps.length) {
                throw new IllegalArgumentException("column " + VALUE_COLUMNS.get(i) + " has " + values[i].length
                        + " rows, Datetime has " + timestamps.length);
            }
        }
        this.values = values.clone();
        this.storedAsFloat32 = storedAsFloat32;
        this.columnNames = List.copyOf(columnNames);
    }

    /** A frame with millisecond timestamps; the arrays are taken over, not copied. */
    public static OhlcvFrame ofEpochMillis(long[] epochMillis, double[] open, double[] high, double[] low,
            double[] close, double[] volume) {
        return of(epochMillis, TimeUnit.MILLISECONDS, open, high, low, close, volume);
    }

    /**
     * A frame with timestamps in the given unit (MILLISECONDS, MICROSECONDS or NANOSECONDS since
     * the epoch, UTC); the arrays are taken over, not copied.
     */
    public static OhlcvFrame of(long[] timestamps, TimeUnit unit, double[] open, double[] high, double[] low,
            double[] close, double[] volume) {
        return new OhlcvFrame(timestamps, unit, new double[][] {open, high, low, close, volume}, false, COLUMNS);
    }

    public int rowCount() {
        return timestamps.length;
    }

    /** Timestamps as stored, in {@link #timeUnit()} since the epoch, UTC. */
    public long[] timestamps() {
        return timestamps;
    }

    public TimeUnit timeUnit() {
        return timeUnit;
    }

    /** Timestamps in UTC epoch milliseconds, floored (a new array unless already milliseconds). */
    public long[] epochMillis() {
        return TimestampUnits.toEpochMillis(timestamps, timeUnit.convert(1, TimeUnit.MILLISECONDS));
    }

    public double[] open() {
        return values[0];
    }

    public double[] high() {
        return values[1];
    }

    public double[] low() {
        return values[2];
    }

    public double[] close() {
        return values[3];
    }

    public double[] volume() {
        return values[4];
    }

    /** The price or volume column by its name in {@link #VALUE_COLUMNS}. */
    public double[] column(String name) {
        int index = VALUE_COLUMNS.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no value column '" + name + "' (have " + VALUE_COLUMNS + ")");
        }
        return values[index];
    }

    /** True when the file this frame came from stored prices and volume as float32. */
    public boolean storedAsFloat32() {
        return storedAsFloat32;
    }

    /** Every column name of the source file in file order (for a frame built in Java: {@link #COLUMNS}). */
    public List<String> columnNames() {
        return columnNames;
    }

    /** The source file's columns beyond the six, whose data was not read. */
    public List<String> extraColumnNames() {
        List<String> extra = new ArrayList<>(columnNames);
        extra.removeAll(COLUMNS);
        return extra;
    }

    @Override
    public String toString() {
        return "OhlcvFrame[" + rowCount() + " rows, " + timeUnit + (storedAsFloat32 ? ", float32" : "") + "]";
    }

    private static TimeUnit requireSupportedUnit(TimeUnit unit) {
        Objects.requireNonNull(unit, "timeUnit");
        if (unit != TimeUnit.MILLISECONDS && unit != TimeUnit.MICROSECONDS && unit != TimeUnit.NANOSECONDS) {
            throw new IllegalArgumentException("Parquet timestamps are in ms, us or ns, not " + unit);
        }
        return unit;
    }
}
