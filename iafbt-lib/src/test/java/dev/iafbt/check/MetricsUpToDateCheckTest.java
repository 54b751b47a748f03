package dev.iafbt.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.iafbt.testing.GoldenMetrics;
import dev.iafbt.testing.ReferenceFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsUpToDateCheckTest {
    @TempDir
    Path project;

    private List<CheckResult> results(double tolerance) {
        CheckSettings settings = new CheckSettings(List.of("backtests"), project, List.of(), List.of(), Optional.empty(),
                false, Optional.empty(), false, "allow it", 2).withMetricsUpToDate(tolerance);
        return new CheckRun(settings).verdicts().flatMap(v -> v.checks().stream())
                .filter(c -> c.name().equals(MetricsUpToDateCheck.NAME)).toList();
    }

    @Test
    void staleMetricsFailNamingBundleRunFieldAndBothValues() throws IOException {
        Path dir = Files.createDirectories(project.resolve("backtests"));
        Files.copy(ReferenceFixtures.file("real-05764fc8-vector-v2.iafbt"), dir.resolve("old.iafbt"));
        Files.copy(GoldenMetrics.file("recomputed/real-05764fc8-vector-v2.iafbt"), dir.resolve("fresh.iafbt"));

        List<CheckResult> results = results(1e-9);

        assertThat(results).hasSize(2);
        assertThat(results.get(0).isFailure()).isFalse(); // fresh.iafbt, in path order
        CheckResult stale = results.get(1);
        assertThat(stale.isFailure()).isTrue();
        assertThat(stale.message()).startsWith("backtests/old.iafbt (")
                .containsPattern("run 0 \\([^)]*\\) twr_max_drawdown: stored 0.0, recomputed 0\\.\\d+")
                .containsPattern("; and \\d+ more\\.")
                .endsWith("Refresh them with: mvn iafbt:recompute -Diafbt.inPlace=true");
    }

    @Test
    void aNegativeToleranceIsRefused() {
        CheckSettings settings = new CheckSettings(List.of("backtests"), project, List.of(), List.of(), Optional.empty(),
                false, Optional.empty(), false, "allow it", 2);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings.withMetricsUpToDate(-1)).withMessageContaining("tolerance");
    }
}
