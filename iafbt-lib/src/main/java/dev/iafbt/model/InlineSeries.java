package dev.iafbt.model;

import dev.iafbt.bundle.DocList;
import dev.iafbt.internal.bundle.IsoDateTimes;
import java.time.Instant;
import java.util.List;

/** Parses an inline series, a list of {@code [value, datetime]} pairs. */
final class InlineSeries {
    private InlineSeries() {
    }

    /** Parses the pairs; a nil value reads as NaN. */
    static MetricSeries parse(DocList pairs, String file, String where) {
        return parse(pairs, file, where, true);
    }

    /**
     * Parses the pairs, throwing {@link ModelShapeException} at the first entry that is not a
     * {@code [number, datetime]} pair, or that has a nil value when {@code nilValues} is false.
     */
    static MetricSeries parse(List<?> pairs, String file, String where, boolean nilValues) {
        long[] times = new long[pairs.size()];
        double[] values = new double[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            int index = i;
            if (!(pairs.get(i) instanceof List<?> pair) || pair.size() != 2) {
                throw new ModelShapeException(file + ": " + where + "[" + i + "] must be a [value, datetime] pair");
            }
            Double value = DocNumbers.toDouble(pair.get(0), () -> file + ": " + where + "[" + index + "][0]");
            if (value == null && !nilValues) {
                throw new ModelShapeException(file + ": " + where + "[" + i + "][0] is nil");
            }
            values[i] = value == null ? Double.NaN : value;
            times[i] = epochMillis(pair.get(1), file, where + "[" + i + "][1]");
        }
        return MetricSeries.wrap(times, values);
    }

    /** The reference's {@code _to_epoch_ms}: ISO strings, ints as they are, floats truncated. */
    static long epochMillis(Object time, String file, String where) {
        if (time instanceof Long l) {
            return l;
        }
        if (time instanceof Double d && !d.isNaN() && !d.isInfinite()) {
            return (long) d.doubleValue();
        }
        Instant instant = IsoDateTimes.parseOrNull(time);
        if (instant == null) {
            throw new ModelShapeException(file + ": " + where + " is not a datetime");
        }
        return IsoDateTimes.toEpochMillisLikePython(instant);
    }
}
