package dev.iafbt.metrics;

/** Python datetime arithmetic on UTC epoch microseconds. */
final class Times {
    static final long MICROS_PER_DAY = 86_400_000_000L;
    static final long MICROS_PER_MILLI = 1000L;

    private Times() {
    }

    /** {@code (later - earlier).days}: floored whole days. */
    static long days(long earlierMicros, long laterMicros) {
        return Math.floorDiv(laterMicros - earlierMicros, MICROS_PER_DAY);
    }

    /** {@code timedelta.total_seconds()}: exact microseconds, divided once. */
    static double seconds(long micros) {
        return micros / 1e6;
    }

    /** {@code total_seconds() / 3600}. */
    static double hours(long micros) {
        return seconds(micros) / 3600;
    }

    static long dayIndex(long micros) {
        return Math.floorDiv(micros, MICROS_PER_DAY);
    }

    static long toMillis(long micros) {
        return Math.floorDiv(micros, MICROS_PER_MILLI);
    }
}
