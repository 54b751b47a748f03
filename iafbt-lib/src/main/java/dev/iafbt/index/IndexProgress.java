package dev.iafbt.index;

import java.time.Duration;

/**
 * How far an indexing run has got. The total is unknown until the walk ends, because the walk
 * streams ({@link #scanComplete()} tells when {@link #scanned()} is final).
 *
 * @param scanned      bundles found so far
 * @param indexed      rows written (committed) so far
 * @param unchanged    bundles skipped because their mtime and size match their row
 * @param failed       bundles that could not be read
 * @param scanComplete whether the walk has finished
 * @param elapsed      time since the run started
 */
public record IndexProgress(long scanned, long indexed, long unchanged, long failed,
        boolean scanComplete, Duration elapsed) {

    /** Bundles dealt with (indexed, unchanged or failed) per second, or 0 at the start. */
    public double bundlesPerSecond() {
        long millis = elapsed.toMillis();
        return millis <= 0 ? 0 : (indexed + unchanged + failed) * 1000.0 / millis;
    }
}
