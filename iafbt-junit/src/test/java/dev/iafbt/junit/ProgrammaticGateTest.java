package dev.iafbt.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.check.CheckRun;

import dev.iafbt.junit.samples.ProgrammaticGates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class ProgrammaticGateTest {
    @TempDir
    Path project;

    @BeforeEach
    void pointSamplesHere() {
        ProgrammaticGates.project = project;
        ProgrammaticGates.configuration = Map.of();
    }

    @AfterEach
    void reset() {
        ProgrammaticGates.configuration = Map.of();
    }

    @Test
    void oneContainerPerBundleWithOneTestPerCheck() {
        TestBundles.write(project.resolve("backtests"), "good", 1.4, 0.12, 40);
        TestBundles.save(project.resolve("backtests"), TestBundles.builder("weak_run", 0.9, 0.1)
                .summary(dev.iafbt.model.SummaryField.SHARPE_RATIO, 1.5)
                .summary(dev.iafbt.model.SummaryField.MAX_DRAWDOWN, 0.3));

        EngineExecutionResults results = GateKit.run(ProgrammaticGates.Thresholds.class, project);

        assertThat(GateKit.names(results.containerEvents().started()))
                .contains("backtests/good.iafbt (good)", "backtests/weak_run.iafbt (weak_run)");
        results.testEvents().assertStatistics(stats -> stats.succeeded(4).failed(2));
        assertThat(GateKit.names(results.testEvents().failed())).containsExactly("summary thresholds: backtests/weak_run.iafbt (weak_run)",
                "run thresholds: backtests/weak_run.iafbt (weak_run)");
        assertThat(GateKit.messages(results.testEvents().failed())).containsExactly(
                "backtests/weak_run.iafbt (weak_run): 1 of 2 summary thresholds violated:\n"
                        + "    max_drawdown = 0.3, required <= 0.25 [decimal fraction, positive, 0.14 = 14%]",
                "backtests/weak_run.iafbt (weak_run): 1 of 2 run thresholds (1 rule x 2 runs) violated:\n"
                        + "    run 1 (2024-01-01T00:00:00Z..2024-06-30T00:00:00Z): sharpe_ratio = 0.1, required >= 0.5 [annualised ratio]");
        assertThat(results.testEvents().started().stream().map(e -> e.getTestDescriptor().getSource().orElseThrow().toString()))
                .allMatch(source -> source.contains(".iafbt"));
    }

    @Test
    void anEmptyGlobFails() {
        EngineExecutionResults results = GateKit.run(ProgrammaticGates.Empty.class, project);

        assertThat(GateKit.names(results.testEvents().failed())).containsExactly(CheckRun.NO_BUNDLES);
        assertThat(GateKit.messages(results.testEvents().failed())).singleElement().asString()
                .startsWith("no .iafbt bundles matched [nothing-here/*.iafbt]").contains("nothing-here does not exist");
    }

    @Test
    void theBaselineUpdateSwitchWorksThroughTheConfigurationToo() throws IOException {
        TestBundles.write(project.resolve("backtests"), "momo", 1.25, 0.2, 40);
        ProgrammaticGates.configuration = Map.of(GateConfiguration.BASELINE_UPDATE, "true");

        GateKit.run(ProgrammaticGates.WithBaseline.class, project).testEvents()
                .assertStatistics(stats -> stats.failed(0).aborted(1).succeeded(2));
        assertThat(Files.readAllLines(project.resolve("baseline.csv"))).endsWith("momo,sharpe_ratio,1.25");

        ProgrammaticGates.configuration = Map.of();
        TestBundles.write(project.resolve("backtests"), "momo", 1.0, 0.2, 40);
        EngineExecutionResults regressed = GateKit.run(ProgrammaticGates.WithBaseline.class, project);
        assertThat(GateKit.messages(regressed.testEvents().failed())).singleElement().asString()
                .contains("sharpe_ratio = 1, baseline 1.25 (higher is better, allowed down to 1.188)");
    }
}
