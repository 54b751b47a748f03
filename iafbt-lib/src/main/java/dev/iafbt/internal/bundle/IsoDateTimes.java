package dev.iafbt.internal.bundle;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Python {@code datetime.isoformat()} in both directions. Writing: "ISO-Z" forces
 * UTC ({@code 2023-12-01T00:00:00+00:00}); "ISO-raw" prints a value as it is (a naive value with
 * no offset, a date as {@code 2023-01-01}); microseconds appear only when non-zero, exactly six
 * digits. Reading accepts every form found in real bundles: optional time, optional fraction,
 * optional offset or {@code Z}, and a space instead of {@code T}. Naive values count as UTC, as the
 * reference's readers do.
 */
public final class IsoDateTimes {
    private static final DateTimeFormatter PARSER = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .optionalStart()
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .optionalEnd()
            .optionalEnd()
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH:MM:ss", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private IsoDateTimes() {
    }

    /** Parses any of the reference's datetime forms to an instant; naive values are UTC. */
    public static Instant parse(String text) {
        Instant fast = parseCommon(text);
        return fast != null ? fast : parseGeneral(text);
    }

    /**
     * The general parser, for every form {@link #parse} accepts. Slow (a formatter parse per
     * value), which shows when an inline equity curve holds tens of thousands of datetimes.
     */
    static Instant parseGeneral(String text) {
        TemporalAccessor parsed = PARSER.parse(text.trim());
        LocalDate date = LocalDate.from(parsed);
        LocalDateTime local = parsed.isSupported(ChronoField.HOUR_OF_DAY)
                ? date.atTime(parsed.get(ChronoField.HOUR_OF_DAY),
                        field(parsed, ChronoField.MINUTE_OF_HOUR), field(parsed, ChronoField.SECOND_OF_MINUTE),
                        field(parsed, ChronoField.NANO_OF_SECOND))
                : date.atStartOfDay();
        ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
        return local.toInstant(offset);
    }

    /**
     * The forms Python's {@code isoformat()} writes ({@code 2023-12-01}, then optionally {@code T}
     * or a space, {@code HH:MM:SS}, a 1-9 digit fraction, and {@code Z} or {@code ±HH:MM}), parsed by
     * hand; null for anything else, or anything the general parser might read differently
     * (out-of-range fields it would adjust), which then goes to {@link #parseGeneral}.
     */
    static Instant parseCommon(String s) {
        int n = s.length();
        if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
            return null;
        }
        long seconds = epochDay(year, month, day) * 86_400L;
        int nanos = 0;
        int i = 10;
        if (n > i && (s.charAt(i) == 'T' || s.charAt(i) == 't' || s.charAt(i) == ' ')) {
            if (n < i + 9 || s.charAt(i + 3) != ':' || s.charAt(i + 6) != ':') {
                return null;
            }
            int hour = digits(s, i + 1, 2);
            int minute = digits(s, i + 4, 2);
            int second = digits(s, i + 7, 2);
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
                return null;
            }
            seconds += hour * 3600L + minute * 60L + second;
            i += 9;
            if (n > i && s.charAt(i) == '.') {
                int from = ++i;
                while (i < n && i - from < 10 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    nanos = nanos * 10 + s.charAt(i++) - '0';
                }
                if (i == from || i - from > 9) {
                    return null;
                }
                for (int k = i - from; k < 9; k++) {
                    nanos *= 10;
                }
            }
        }
        if (i == n) {
            return Instant.ofEpochSecond(seconds, nanos);
        }
        if (i + 1 == n && (s.charAt(i) == 'Z' || s.charAt(i) == 'z') && i > 10) {
            return Instant.ofEpochSecond(seconds, nanos);
        }
        if (i + 6 == n && i > 10 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int hours = digits(s, i + 1, 2);
            int minutes = digits(s, i + 4, 2);
            if (hours < 0 || hours > 17 || minutes < 0 || minutes > 59) {
                return null;
            }
            int offset = (hours * 3600 + minutes * 60) * (s.charAt(i) == '-' ? -1 : 1);
            return Instant.ofEpochSecond(seconds - offset, nanos);
        }
        return null;
    }

    /**
     * The proleptic Gregorian day number of a valid date, day 0 being 1970-01-01, as
     * {@link LocalDate#toEpochDay()} counts it; by arithmetic alone (H. Hinnant's
     * {@code days_from_civil}), since building a {@code LocalDate} per value, with its range
     * checks, was a sizeable part of reading tens of thousands of snapshot times.
     */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1; // from March 1st
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }

    /** Days in a month of the proleptic Gregorian calendar, as {@link YearMonth#lengthOfMonth()}. */
    static int lengthOfMonth(int year, int month) {
        if (month == 2) {
            return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** The non-negative number in {@code count} ASCII digits at {@code from}; -1 if any is not a digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value;
    }

    /** Like {@link #parse}, but {@code null} for anything that is not a parseable string. */
    public static Instant parseOrNull(Object value) {
        if (!(value instanceof String text) || text.isBlank()) {
            return null;
        }
        try {
            return parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** "ISO-Z": the instant in UTC with a {@code +00:00} offset, microseconds only when non-zero. */
    public static String formatUtc(Instant instant) {
        return formatRaw(instant.atOffset(ZoneOffset.UTC));
    }

    /** "ISO-raw": Python's {@code isoformat()} of the value as it is. */
    public static String formatRaw(TemporalAccessor value) {
        if (value instanceof Instant instant) {
            return formatUtc(instant);
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        LocalDateTime local = LocalDateTime.from(value).truncatedTo(ChronoUnit.MICROS);
        StringBuilder out = new StringBuilder(32);
        out.append(local.toLocalDate()).append('T');
        two(out, local.getHour()).append(':');
        two(out, local.getMinute()).append(':');
        two(out, local.getSecond());
        int micros = local.getNano() / 1000;
        if (micros != 0) {
            out.append('.').append(String.format(Locale.ROOT, "%06d", micros));
        }
        if (value.isSupported(ChronoField.OFFSET_SECONDS)) {
            appendOffset(out, value.get(ChronoField.OFFSET_SECONDS));
        }
        return out.toString();
    }

    /** Python's {@code int(dt.timestamp() * 1000)}: float arithmetic, then truncation. */
    public static long toEpochMillisLikePython(Instant instant) {
        long micros = Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                instant.getNano() / 1000);
        double seconds = (double) micros / 1e6;
        return (long) (seconds * 1000);
    }

    /** Python's {@code datetime.fromtimestamp(ms / 1000, tz=UTC).isoformat()}. */
    public static String formatEpochMillis(long epochMillis) {
        double seconds = epochMillis / 1000.0;
        long whole = (long) Math.floor(seconds);
        long micros = Math.round((seconds - whole) * 1e6);
        if (micros == 1_000_000L) {
            whole++;
            micros = 0;
        }
        return formatUtc(Instant.ofEpochSecond(whole, micros * 1000));
    }

    public static OffsetDateTime atUtc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static void appendOffset(StringBuilder out, int totalSeconds) {
        out.append(totalSeconds < 0 ? '-' : '+');
        int abs = Math.abs(totalSeconds);
        two(out, abs / 3600).append(':');
        two(out, abs / 60 % 60);
        if (abs % 60 != 0) {
            out.append(':');
            two(out, abs % 60);
        }
    }

    private static int field(TemporalAccessor parsed, ChronoField field) {
        return parsed.isSupported(field) ? parsed.get(field) : 0;
    }

    private static StringBuilder two(StringBuilder out, int value) {
        if (value < 10) {
            out.append('0');
        }
        return out.append(value);
    }
}
