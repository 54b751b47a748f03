package dev.iafbt.store;

/**
 * Called by a store write, delete and collection at each step boundary of their protocol (see
 * docs/stores.md, "Crashes and races"). Production code passes {@link #NONE}; tests pass hooks
 * that pause a thread or halt the JVM there, to run every interleaving and every crash point
 * deterministically instead of hoping a random kill lands on it.
 */
@FunctionalInterface
interface StepHook {
    StepHook NONE = step -> { };

    /** @param step the step just completed, e.g. {@code intent-recorded} */
    void reached(String step);
}
