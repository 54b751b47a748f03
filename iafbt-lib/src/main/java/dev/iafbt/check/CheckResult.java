package dev.iafbt.check;

import java.util.List;
import java.util.Objects;

/**
 * The result of one check of one bundle (or of one check over the whole set): passed, failed with
 * a message that names the bundle and every violation, or skipped with the reason. Plain data, so
 * a JUnit adapter can turn it into an assertion and a Maven goal into log lines.
 */
public record CheckResult(String name, Status status, String message, List<String> failedRules) {

    /** How a check ended. */
    public enum Status { PASSED, FAILED, SKIPPED }

    /**
     * @param failedRules the rules ({@link MetricRule#describe()}) this result failed, for the one
     *     summary line per rule a report ends with; empty for checks that are no threshold rule
     */
    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
        failedRules = failedRules == null ? List.of() : List.copyOf(failedRules);
    }

    /** A result that names no rule. */
    public CheckResult(String name, Status status, String message) {
        this(name, status, message, List.of());
    }

    /** A check that held. */
    public static CheckResult passed(String name) {
        return new CheckResult(name, Status.PASSED, "");
    }

    /** Passed, with a note worth showing (e.g. what a baseline rewrite wrote). */
    public static CheckResult passed(String name, String note) {
        return new CheckResult(name, Status.PASSED, note);
    }

    /** A check that did not hold; {@code message} names the bundle and every violation. */
    public static CheckResult failed(String name, String message) {
        return new CheckResult(name, Status.FAILED, message);
    }

    /** A threshold check that did not hold, naming the rules it broke. */
    static CheckResult failed(String name, String message, List<String> failedRules) {
        return new CheckResult(name, Status.FAILED, message, failedRules);
    }

    /** A check that was not made (an allowed empty folder, a baseline being rewritten), with the reason. */
    public static CheckResult skipped(String name, String message) {
        return new CheckResult(name, Status.SKIPPED, message);
    }

    /** Whether this result should fail a build. */
    public boolean isFailure() {
        return status == Status.FAILED;
    }
}
