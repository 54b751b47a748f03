package dev.iafbt.internal.bundle;

import dev.iafbt.bundle.DocList;
import dev.iafbt.internal.bundle.IsoDateTimes;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Java counterpart of the reference's {@code _msgpack_default}: what a value
 * msgpack cannot hold natively becomes. Temporals become ISO strings with no UTC forcing
 * ("ISO-raw"), decimals and UUIDs their string form, collections lists, enums their name,
 * anything else its {@code toString()} (the reference's {@code repr} fallback).
 */
final class DefaultHook {
    private DefaultHook() {
    }

    static Object convert(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return value;
        }
        if (value instanceof BigDecimal || value instanceof UUID) {
            return value.toString();
        }
        if (value instanceof AtomicInteger
                || value instanceof AtomicLong) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Instant i) {
            return IsoDateTimes.formatUtc(i);
        }
        if (value instanceof OffsetDateTime || value instanceof ZonedDateTime
                || value instanceof LocalDateTime || value instanceof LocalDate) {
            return IsoDateTimes.formatRaw((TemporalAccessor) value);
        }
        if (value instanceof Collection<?> c) {
            return new DocList(c);
        }
        if (value instanceof Object[] array) {
            return DocList.of(array);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        return value.toString();
    }
}
