package dev.iafbt.recompute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.model.Backtest;
import dev.iafbt.testing.GoldenMetrics;
import dev.iafbt.testing.ReferenceFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderRecomputeTest {
    @TempDir
    Path dir;

    private Path sweep() throws IOException {
        Path in = dir.resolve("in");
        Files.createDirectories(in.resolve("sub"));
        Files.copy(ReferenceFixtures.file("small-v2.iafbt"), in.resolve("small-v2.iafbt"));
        Files.copy(ReferenceFixtures.file("real-05764fc8-vector-v2.iafbt"), in.resolve("sub/real.iafbt"));
        return in;
    }

    @Test
    void theOutputMirrorsTheInputAndARerunSkipsWhatIsUpToDate() throws IOException {
        Path in = sweep();
        Path out = dir.resolve("out");
        List<String> progress = new ArrayList<>();
        FolderRecompute.Settings settings = new FolderRecompute.Settings(in, out, null, 2);
        FolderRecompute.Result first = FolderRecompute.run(settings,
                (file, outcome, done, total) -> progress.add(done + "/" + total + " " + outcome));
        assertThat(first.recomputed()).hasSize(2);
        assertThat(progress).containsExactlyInAnyOrder("1/2 RECOMPUTED", "2/2 RECOMPUTED");
        assertThat(out.resolve("small-v2.iafbt")).hasSameBinaryContentAs(GoldenMetrics.file("recomputed/small-v2.iafbt"));
        assertThat(MetricsAudit.audit(Backtest.open(out.resolve("sub/real.iafbt")), 0.0)).isEmpty();
        assertThat(MetricsAudit.audit(Backtest.open(in.resolve("sub/real.iafbt")), 1e-9)).isNotEmpty(); // source untouched

        FolderRecompute.Result second = FolderRecompute.run(settings, (f, o, d, t) -> { });
        assertThat(second.recomputed()).isEmpty();
        assertThat(second.upToDate()).hasSize(2);
    }

    @Test
    void inPlaceRewritesOnlyStaleBundlesAndReportsUnreadableOnes() throws IOException {
        Path in = sweep();
        Files.copy(GoldenMetrics.file("edge/edge-05-fully-flat.iafbt"), in.resolve("fresh.iafbt"));
        Files.writeString(in.resolve("broken.iafbt"), "not a bundle");
        FolderRecompute.Result result = FolderRecompute.run(new FolderRecompute.Settings(in, null, null, 2), (f, o, d, t) -> { });
        assertThat(result.recomputed()).containsExactly(in.resolve("small-v2.iafbt"), in.resolve("sub/real.iafbt"));
        assertThat(result.upToDate()).containsExactly(in.resolve("fresh.iafbt"));
        assertThat(result.failed()).containsOnlyKeys(in.resolve("broken.iafbt"));
        assertThat(result.failed().get(in.resolve("broken.iafbt"))).contains("broken.iafbt");
        assertThat(in.resolve("small-v2.iafbt")).hasSameBinaryContentAs(GoldenMetrics.file("recomputed/small-v2.iafbt"));
        assertThat(in.resolve("fresh.iafbt")).hasSameBinaryContentAs(GoldenMetrics.file("edge/edge-05-fully-flat.iafbt"));
    }

    @Test
    void anExplicitRateIsUsedForEveryBundle() throws IOException {
        Path in = sweep();
        Path out = dir.resolve("out");
        FolderRecompute.run(new FolderRecompute.Settings(in, out, 0.05, 1), (f, o, d, t) -> { });
        Backtest recomputed = Backtest.open(out.resolve("sub/real.iafbt"));
        assertThat(MetricsAudit.audit(recomputed, 0.05, 0.0)).isEmpty();
        assertThat(MetricsAudit.audit(recomputed, 0.027, 0.0)).extracting(StaleValue::field).contains("sharpe_ratio");
    }
}
