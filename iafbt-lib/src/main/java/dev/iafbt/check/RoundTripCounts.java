package dev.iafbt.check;

/**
 * How a run paid for its round trips.
 *
 * @param reencoded bundles re-encoded in this run (or by another check in this JVM at the same time)
 * @param remembered bundles whose round trip was known already, from this JVM or from the cache folder
 */
public record RoundTripCounts(int reencoded, int remembered) {
}
