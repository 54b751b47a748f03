package dev.iafbt.metrics;

/** {@code best_month} and friends: a value with its bucket label (epoch ms); either may be null. */
public record DatedValue(Double value, Long epochMillis) {
}
