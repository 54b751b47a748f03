package dev.iafbt.index;

import java.math.BigInteger;

/** The two numeric shapes index values take in memory: Long for integers, Double otherwise. */
final class SqliteNumbers {
    private SqliteNumbers() {
    }

    /**
     * Long for Java's integral types (and BigIntegers that fit), Double for everything else, null
     * for null. SQLite itself only knows 64-bit integers and doubles, so nothing is lost in storage.
     */
    static Number normalise(Number value) {
        if (value == null || value instanceof Long || value instanceof Double) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return value.longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        return value.doubleValue();
    }

    /** Booleans count as 0/1, as Python binds them; any other non-number is not numeric. */
    static Number fromObject(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        return value instanceof Number n ? normalise(n) : null;
    }
}
