package dev.iafbt.junit;

import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The result of one check of one bundle, computed on a worker thread and replayed later on the
 * thread JUnit runs the test on: {@code failure} is null (passed), an {@link AssertionFailedError}
 * (failed) or a {@link TestAbortedException} (skipped, with the reason).
 */
record CheckOutcome(String name, Throwable failure) {
    CheckOutcome {
        if (failure != null && !(failure instanceof Error) && !(failure instanceof RuntimeException)) {
            throw new IllegalArgumentException("outcomes replay unchecked throwables only", failure);
        }
    }

    static CheckOutcome passed(String name) {
        return new CheckOutcome(name, null);
    }

    static CheckOutcome failed(String name, String message) {
        return new CheckOutcome(name, new AssertionFailedError(message));
    }

    static CheckOutcome skipped(String name, String message) {
        return new CheckOutcome(name, new TestAbortedException(message));
    }

    boolean isFailure() {
        return failure instanceof AssertionError;
    }

    /** Throws the recorded failure or abort; returns normally for a passed check. */
    void replay() {
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure instanceof RuntimeException exception) {
            throw exception;
        }
    }
}
