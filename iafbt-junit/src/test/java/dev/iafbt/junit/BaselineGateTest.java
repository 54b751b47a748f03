package dev.iafbt.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.check.BaselineFile;
import dev.iafbt.junit.samples.AnnotatedGates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class BaselineGateTest {
    @TempDir
    Path project;

    private Path baseline() {
        return project.resolve("baseline.csv");
    }

    private void writeBaseline(String... rows) throws IOException {
        Files.writeString(baseline(), BaselineFile.HEADER + "\n" + String.join("\n", rows) + "\n");
    }

    @Test
    void withinToleranceOfTheBaselinePasses() throws IOException {
        TestBundles.write(project.resolve("backtests"), "momo", 1.45, 0.125, 40);
        writeBaseline("momo,sharpe_ratio,1.5", "momo,max_drawdown,0.12");

        GateKit.run(AnnotatedGates.WithBaseline.class, project).testEvents()
                .assertStatistics(stats -> stats.failed(0).succeeded(2)); // the bundle + "baseline entries have bundles"
    }

    @Test
    void fallingBehindTheBaselineFailsWithEveryRegressedMetricAndItsDirection() throws IOException {
        TestBundles.write(project.resolve("backtests"), "momo", 1.2, 0.2, 40);
        writeBaseline("momo,sharpe_ratio,1.5", "momo,max_drawdown,0.12");

        EngineExecutionResults results = GateKit.run(AnnotatedGates.WithBaseline.class, project);

        assertThat(GateKit.messages(results.testEvents().failed())).singleElement().asString()
                .startsWith("backtests/momo.iafbt (momo): 2 of 2 metrics fell behind baseline baseline.csv (tolerance 5%):")
                .contains("sharpe_ratio = 1.2, baseline 1.5 (higher is better, allowed down to 1.425) [annualised ratio]")
                .contains("max_drawdown = 0.2, baseline 0.12 (lower is better, allowed up to 0.126)")
                .contains("-Diafbt.baseline.update=true");
    }

    @Test
    void newBundlesAndOrphanedEntriesAreReported() throws IOException {
        TestBundles.write(project.resolve("backtests"), "brand_new", 1.2, 0.2, 40);
        writeBaseline("retired,sharpe_ratio,1.5", "retired,max_drawdown,0.12");

        EngineExecutionResults results = GateKit.run(AnnotatedGates.WithBaseline.class, project);

        assertThat(GateKit.messages(results.testEvents().failed())).containsExactly(
                "backtests/brand_new.iafbt (brand_new): new bundle: no baseline entry for algorithm id 'brand_new'"
                        + " in baseline.csv; record it with -Diafbt.baseline.update=true",
                "baseline.csv: 1 baseline entry has no bundle: [retired]; was a bundle removed or renamed?"
                        + " Rewrite the baseline with -Diafbt.baseline.update=true");

        GateKit.run(AnnotatedGates.WithBaseline.class, project, GateConfiguration.BASELINE_UNMATCHED, "skip")
                .testEvents().assertStatistics(stats -> stats.failed(0).aborted(2));
    }

    @Test
    void theUpdateSwitchRewritesTheBaselineOnPurposeAndTheNextRunPasses() throws IOException {
        TestBundles.write(project.resolve("backtests"), "b_algo", 1.2, 0.2, 40);
        TestBundles.write(project.resolve("backtests"), "a_algo", 2.0, 0.05, 40);
        writeBaseline("b_algo,sharpe_ratio,1.9", "retired,sharpe_ratio,1.5");

        EngineExecutionResults update = GateKit.run(AnnotatedGates.WithBaseline.class, project,
                GateConfiguration.BASELINE_UPDATE, "true");

        update.testEvents().assertStatistics(stats -> stats.failed(0).aborted(2).succeeded(1));
        assertThat(GateKit.messages(update.testEvents().aborted())).first().asString()
                .isEqualTo("backtests/a_algo.iafbt (a_algo): baseline not compared: iafbt.baseline.update=true records"
                        + " sharpe_ratio=2, max_drawdown=0.05 for 'a_algo' in baseline.csv");
        assertThat(GateKit.names(update.testEvents().succeeded()))
                .containsExactly("baseline rewritten: baseline.csv (2 algorithm ids; removed [retired])");
        assertThat(Files.readString(baseline())).isEqualTo("# iafbt baseline: rewrite with -Diafbt.baseline.update=true\n"
                + "# bundles: [backtests]\n" + BaselineFile.HEADER + "\n"
                + "a_algo,max_drawdown,0.05\na_algo,sharpe_ratio,2\nb_algo,max_drawdown,0.2\nb_algo,sharpe_ratio,1.2\n");

        GateKit.run(AnnotatedGates.WithBaseline.class, project).testEvents()
                .assertStatistics(stats -> stats.failed(0).succeeded(3));
    }

    @Test
    void twoBundlesWithOneAlgorithmIdCannotShareABaselineEntry() throws IOException {
        TestBundles.write(project.resolve("backtests"), "twin", 1.2, 0.2, 40);
        TestBundles.write(project.resolve("backtests/copy"), "twin", 1.2, 0.2, 40);
        writeBaseline("twin,sharpe_ratio,1.2", "twin,max_drawdown,0.2");

        EngineExecutionResults results = GateKit.run(AnnotatedGates.WithBaseline.class, project);

        assertThat(GateKit.messages(results.testEvents().failed())).singleElement().asString()
                .isEqualTo("backtests/twin.iafbt (twin): algorithm id 'twin' is also used by backtests/copy/twin.iafbt;"
                        + " the baseline is keyed by algorithm id, so each bundle needs its own");
    }
}
