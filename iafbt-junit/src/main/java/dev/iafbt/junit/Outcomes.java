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
 * the console. The exceptions carry no stack trace: every frame would be JUnit's or the gate's own
 * machinery (the reading pool's, for a failure found there), which only buries the message; the
 * test's name already says which gate and which bundle failed. Surefire then prints
 * {@code GateTest.method <message>} and nothing else.
 */
final class Outcomes {
    private Outcomes() {
    }

    /** Throws for failures (several become one assertion listing them all), then for skips; prints notes of passes. */
    static void replay(String displayName, List<CheckResult> results) {
        List<CheckResult> failures = results.stream().filter(CheckResult::isFailure).toList();
        if (failures.size() == 1) {
            throw trimmed(new AssertionFailedError(failures.get(0).message()));
        }
        if (failures.size() > 1) {
            throw trimmed(new AssertionFailedError(displayName + ": " + failures.size() + " checks failed ("
                    + failures.stream().map(CheckResult::name).collect(Collectors.joining(", ")) + ")\n"
                    + failures.stream().map(CheckResult::message).collect(Collectors.joining("\n"))));
        }
        for (CheckResult result : results) {
            if (result.status() == CheckResult.Status.SKIPPED) {
                throw trimmed(new TestAbortedException(result.message()));
            }
        }
        results.stream().filter(r -> !r.message().isEmpty()).forEach(r -> console().println("[iafbt] " + r.message()));
    }

    static void replay(CheckResult result) {
        replay(result.name(), List.of(result));
    }

    private static <T extends Throwable> T trimmed(T error) {
        error.setStackTrace(new StackTraceElement[0]);
        return error;
    }

    /** Surefire shows a test's standard output on the console (and in its report): where a baseline update says what it wrote. */
    private static PrintStream console() {
        return System.out;
    }
}
