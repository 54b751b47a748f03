package dev.iafbt.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.opentest4j.TestAbortedException;

/** The console summary counts fixture skips by reason and ignores every other outcome. */
class FixtureSkipReportTest {
    @Test
    void countsOnlyFixtureSkipsAndPrintsOneSummary() {
        FixtureSkipReport report = new FixtureSkipReport();
        String reason = "reference fixtures not found at /x: skipped";
        report.executionFinished(null, TestExecutionResult.aborted(new TestAbortedException(reason)));
        report.executionFinished(null, TestExecutionResult.aborted(new TestAbortedException(reason)));
        report.executionFinished(null, TestExecutionResult.aborted(new TestAbortedException("root can write anywhere")));
        report.executionFinished(null, TestExecutionResult.successful());

        String printed = printedBy(report);
        assertThat(printed).contains("2 fixture test(s) SKIPPED", "2 × " + reason, ReferenceFixtures.REQUIRED_PROPERTY)
                .doesNotContain("root can write anywhere");
        assertThat(printedBy(report)).as("nothing left to report").isEmpty();
    }

    private static String printedBy(FixtureSkipReport report) {
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            report.testPlanExecutionFinished(null);
        } finally {
            System.setOut(console);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
