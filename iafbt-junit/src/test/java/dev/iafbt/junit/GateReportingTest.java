package dev.iafbt.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.check.CheckRun;
import dev.iafbt.junit.samples.AnnotatedGates;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/** What a person sees when a gate fails or rewrites its baseline. */
class GateReportingTest {
    @TempDir
    Path project;

    @Test
    void aViolationIsOneAssertionWithoutStackTraceAndValuesAsAPersonWritesThem() {
        TestBundles.write(project.resolve("backtests"), "weak", 1.2, 0.25279999999999997, 40);

        EngineExecutionResults results = GateKit.run(AnnotatedGates.StandardBar.class, project);

        Throwable failure = results.testEvents().failed().stream().findFirst().orElseThrow()
                .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(AssertionFailedError.class).hasNoCause().hasMessage(
                "backtests/weak.iafbt (weak): 1 of 3 summary thresholds violated:\n"
                        + "    max_drawdown = 0.2528, required <= 0.25 [decimal fraction, positive, 0.14 = 14%]");
        // no frames of the reading pool or of JUnit: the message and the test's name are the whole story
        assertThat(failure.getStackTrace()).isEmpty();
    }

    @Test
    void aMissingBaselineFileIsOneFailureSayingHowToCreateItNotOnePerBundle() {
        TestBundles.write(project.resolve("backtests"), "a_algo", 1.2, 0.1, 40);
        TestBundles.write(project.resolve("backtests"), "b_algo", 1.3, 0.1, 40);

        EngineExecutionResults results = GateKit.run(AnnotatedGates.WithBaseline.class, project);

        results.testEvents().assertStatistics(stats -> stats.failed(1).succeeded(2));
        assertThat(GateKit.names(results.testEvents().failed())).containsExactly(CheckRun.BASELINE_FILE);
        assertThat(GateKit.messages(results.testEvents().failed())).singleElement().asString()
                .startsWith("baseline.csv does not exist (" + project.resolve("baseline.csv") + ").")
                .contains("Record the current values of 2 bundle(s) with -Diafbt.baseline.update=true");
    }

    @Test
    void verifiedRoundTripsAreRememberedUnderTargetUnlessSwitchedOff() {
        TestBundles.write(project.resolve("backtests"), "remembered_by_gate", 1.2, 0.1, 40);
        GateKit.run(AnnotatedGates.StandardBar.class, project, GateConfiguration.ROUND_TRIP_CACHE, "none")
                .testEvents().assertStatistics(stats -> stats.failed(0));
        assertThat(project.resolve("target")).doesNotExist();

        GateKit.run(AnnotatedGates.StandardBar.class, project).testEvents().assertStatistics(stats -> stats.failed(0));
        assertThat(project.resolve("target/iafbt/roundtrip-cache")).isDirectory();
    }

    @Test
    void anUpdateSaysOnTheConsoleWhatItWrote() {
        TestBundles.write(project.resolve("backtests"), "a_algo", 1.2, 0.1, 40);
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            GateKit.run(AnnotatedGates.WithBaseline.class, project, GateConfiguration.BASELINE_UPDATE, "true")
                    .testEvents().assertStatistics(stats -> stats.failed(0));
        } finally {
            System.setOut(console);
        }

        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("[iafbt] Wrote baseline " + project.resolve("baseline.csv")
                + ": 1 algorithm id(s) x 2 metric(s)\n  added (1): a_algo\nReview the diff and commit it.");
    }
}
