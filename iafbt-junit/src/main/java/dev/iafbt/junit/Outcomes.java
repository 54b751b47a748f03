package dev.iafbt.junit;

import dev.iafbt.check.CheckResult;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Turns the library's check results into what JUnit reports, on the thread JUnit runs the test
 * on: a failure is one {@link AssertionFailedError} whose message is the whole story, a skip a
 * {@link TestAbortedException} with the reason, a pass with a note (a baseline rewrite) a line on
 * the console. The exceptions carry at most one stack frame, the gate method: every other frame
 * would be JUnit's or the gate's own machinery, which only hides the message in a report.
 */
final class Outcomes {
    private Outcomes() {
    }

    /** Throws for failures (several become one assertion listing them all), then for skips; prints notes of passes. */
    static void replay(String displayName, List<CheckResult> results, StackTraceElement where) {
        List<CheckResult> failures = results.stream().filter(CheckResult::isFailure).toList();
        if (failures.size() == 1) {
            throw trimmed(new AssertionFailedError(failures.get(0).message()), where);
        }
        if (failures.size() > 1) {
            throw trimmed(new AssertionFailedError(displayName + ": " + failures.size() + " checks failed ("
                    + failures.stream().map(CheckResult::name).collect(Collectors.joining(", ")) + ")\n"
                    + failures.stream().map(CheckResult::message).collect(Collectors.joining("\n"))), where);
        }
        for (CheckResult result : results) {
            if (result.status() == CheckResult.Status.SKIPPED) {
                throw trimmed(new TestAbortedException(result.message()), where);
            }
        }
        results.stream().filter(r -> !r.message().isEmpty()).forEach(r -> console().println("[iafbt] " + r.message()));
    }

    static void replay(CheckResult result, StackTraceElement where) {
        replay(result.name(), List.of(result), where);
    }

    private static <T extends Throwable> T trimmed(T error, StackTraceElement where) {
        error.setStackTrace(where == null ? new StackTraceElement[0] : new StackTraceElement[] {where});
        return error;
    }

    /** Surefire shows a test's standard output on the console (and in its report): where a baseline update says what it wrote. */
    private static PrintStream console() {
        return System.out;
    }
}
