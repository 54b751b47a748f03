package dev.iafbt.check;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts, across the worker threads of one run, which round trips cost a re-encode and which were remembered. */
final class RoundTripTally {
    private final AtomicInteger reencoded = new AtomicInteger();
    private final AtomicInteger remembered = new AtomicInteger();

    void count(boolean wasRemembered) {
        (wasRemembered ? remembered : reencoded).incrementAndGet();
    }

    RoundTripCounts counts() {
        return new RoundTripCounts(reencoded.get(), remembered.get());
    }
}
