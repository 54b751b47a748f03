package dev.iafbt.metrics;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Compares computed values with the reference's values from {@code expected.json} and keeps the
 * tally: how many compared values are bit-equal, how many only within the 1e-9 tolerance, and
 * every mismatch with where it is. Expected values arrive as {@code PythonJson} parsed them.
 */
final class ParityLedger {
    static final double TOLERANCE = 1e-9;

    private int bitEqual;
    private int withinTolerance;
    private final List<String> mismatches = new ArrayList<>();
    private final List<String> nearMisses = new ArrayList<>();

    int bitEqual() {
        return bitEqual;
    }

    int withinTolerance() {
        return withinTolerance;
    }

    List<String> mismatches() {
        return mismatches;
    }

    List<String> nearMisses() {
        return nearMisses;
    }

    static Double expectedDouble(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        return switch (value.toString()) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> throw new IllegalArgumentException("not a number: " + value);
        };
    }

    void scalar(String where, Object expected, Double actual) {
        Double want = expectedDouble(expected);
        if (want == null || actual == null) {
            if (want == null && actual == null) {
                bitEqual++;
            } else {
                mismatches.add(where + ": expected " + want + ", computed " + actual);
            }
            return;
        }
        compare(where, want, actual);
    }

    private void compare(String where, double want, double actual) {
        if (Double.doubleToLongBits(want) == Double.doubleToLongBits(actual)
                || (want == 0.0 && actual == 0.0)) {
            bitEqual++;
        } else if (Double.isFinite(want) && Double.isFinite(actual)
                && Math.abs(want - actual) <= TOLERANCE * Math.max(1.0, Math.abs(want))) {
            withinTolerance++;
            nearMisses.add(where + ": expected " + want + ", computed " + actual);
        } else {
            mismatches.add(where + ": expected " + want + ", computed " + actual);
        }
    }

    /** A series: a full {@code [[ms, value], ...]} list, or a digest object for long ones. */
    @SuppressWarnings("unchecked")
    void series(String where, Object expected, TimeSeries actual) {
        if (expected instanceof Map<?, ?> digest) {
            long n = ((Number) digest.get("n")).longValue();
            if (n != actual.size()) {
                mismatches.add(where + ": expected " + n + " points, computed " + actual.size());
                return;
            }
            for (Object sample : (List<Object>) digest.get("samples")) {
                List<Object> s = (List<Object>) sample;
                int i = ((Number) s.get(0)).intValue();
                point(where + "[" + i + "]", ((Number) s.get(1)).longValue(), s.get(2), actual, i);
            }
            String sha = sha256(actual);
            if (sha.equals(digest.get("sha256"))) {
                bitEqual++;
            } else {
                // not bit-equal somewhere: the samples above tell how far off; count as tolerance-only
                withinTolerance++;
                nearMisses.add(where + ": digest differs (samples compared within tolerance)");
            }
            return;
        }
        List<Object> points = (List<Object>) expected;
        if (points.size() != actual.size()) {
            mismatches.add(where + ": expected " + points.size() + " points, computed " + actual.size());
            return;
        }
        for (int i = 0; i < points.size(); i++) {
            List<Object> p = (List<Object>) points.get(i);
            point(where + "[" + i + "]", ((Number) p.get(0)).longValue(), p.get(1), actual, i);
        }
    }

    private void point(String where, long ms, Object value, TimeSeries actual, int i) {
        if (ms != actual.epochMillis()[i]) {
            mismatches.add(where + ": expected time " + ms + ", computed " + actual.epochMillis()[i]);
            return;
        }
        compare(where, expectedDouble(value), actual.values()[i]);
    }

    /** The digest {@code expected.json} uses: per point int64 BE ms then the IEEE bits (canonical NaN). */
    static String sha256(TimeSeries series) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteBuffer buffer = ByteBuffer.allocate(16);
            for (int i = 0; i < series.size(); i++) {
                buffer.clear();
                buffer.putLong(series.epochMillis()[i]).putLong(Double.doubleToLongBits(series.values()[i]));
                sha.update(buffer.array());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
