package dev.iafbt.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.bundle.DocList;
import dev.iafbt.bundle.DocMap;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys a newer writer adds — top-level, inside runs, extra blobs — survive an open and a save. */
class UnknownKeysTest {
    @TempDir
    Path dir;

    @Test
    void unknownKeysAndBlobsAreKeptThroughOpenAndSave() {
        Backtest built = WriterTest.sample("future");
        DocMap doc = built.bundle().document();
        doc.put("written_by", "a future writer");
        ((DocMap) ((DocList) doc.get("vector_runs")).get(0)).put("new_run_field", 42L);
        ((DocMap) doc.get("blobs")).put("runs/0/extra/heatmap.parquet", new byte[] {1, 2, 3});
        Path file = built.save(dir.resolve("future"));

        for (Backtest reopened : new Backtest[] {Backtest.open(file), Backtest.openSummary(file)}) {
            Path again = reopened.save(dir.resolve("again"));
            Backtest back = Backtest.open(again);
            DocMap root = back.bundle().document();
            assertThat(root).containsEntry("written_by", "a future writer");
            assertThat(back.runs().get(0).raw()).containsEntry("new_run_field", 42L);
            assertThat((byte[]) ((DocMap) root.get("blobs")).get("runs/0/extra/heatmap.parquet"))
                    .containsExactly(1, 2, 3);
            assertThat(back.runs().get(0).metrics().equityCurve().size()).isEqualTo(3);
        }
    }
}
