package dev.iafbt.recompute;

/**
 * One stored metric that disagrees with its fresh computation.
 *
 * @param run the run's index and name ({@code "run 3 (train_window_7)"}), or {@code "summary"}
 * @param field the bundle's field name
 * @param stored the stored value as text (a series: its size and first differing point)
 * @param recomputed the fresh value as text
 */
public record StaleValue(String run, String field, String stored, String recomputed) {
    @Override
    public String toString() {
        return run + " " + field + ": stored " + stored + ", recomputed " + recomputed;
    }
}
