package dev.iafbt.metrics;

import dev.iafbt.IafbtException;

/** A run whose metrics cannot be computed, as the reference also refuses them (for example no snapshots). */
public final class MetricsException extends IafbtException {
    public MetricsException(String message) {
        super(message);
    }
}
