package dev.iafbt.metrics;

/**
 * {@code number_of_positive_trades} / {@code _negative_}: the reference stores the whole
 * {@code (count, percent)} tuple in the count field (its quirk 1), percent on a 0–100 scale.
 */
public record TradeCount(long count, double percentage) {
}
