package dev.iafbt.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.index.BacktestIndex;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.testing.IndexBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

class RankRequestTest {
    @TempDir
    Path tmp;

    @Test
    void needsExactlyOneOfAMetricAndAWeightedScore() {
        assertThatThrownBy(() -> RankRequest.builder().build()).isInstanceOf(QueryException.class)
                .hasMessageContaining("nothing to rank by").hasMessageContaining("sharpe_ratio")
                .hasMessageContaining("risk_adjusted");
        assertThatThrownBy(() -> RankRequest.builder().by("sharpe_ratio").focus("profit").build())
                .isInstanceOf(QueryException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> RankRequest.builder().by("sharpe_ratio").weights("cagr=1").build())
                .isInstanceOf(QueryException.class).hasMessageContaining("not both");
        assertThat(RankRequest.builder().by(" ").focus("profit").build().weighted()).isTrue();
        assertThatThrownBy(() -> RankRequest.builder().focus("speed").build())
                .hasMessageContaining("balanced, profit, frequency, risk_adjusted");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(IndexBackend.class)
    void oneMetricRanksByItWithTheDefaultRankColumns(IndexBackend backend) throws Exception {
        try (BacktestIndex index = DemoIndex.storageLayerDemo(backend, tmp)) {
            RankRequest request = RankRequest.builder().by("sharpe_ratio").limit(2).build();
            RankRequest.RankResult result = request.run(index);
            assertThat(result.orderedBy()).isEqualTo("sharpe_ratio");
            assertThat(result.columns()).isEqualTo(IndexQuery.DEFAULT_RANK_COLUMNS);
            assertThat(result.rows()).extracting(r -> r.get("algorithm_id")).containsExactly("momentum_v1", "momentum_v2");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(IndexBackend.class)
    void aWeightedScoreAddsTheScoreColumnAndKeepBundlePathAddsThePath(IndexBackend backend) throws Exception {
        try (BacktestIndex index = DemoIndex.storageLayerDemo(backend, tmp)) {
            RankRequest request = RankRequest.builder().focus("risk-adjusted").weights("sharpe_ratio=2")
                    .columns(List.of("algorithm_id", " ")).keepBundlePath(true).where("tag = 'nope'").build();
            RankRequest.RankResult empty = request.run(index);
            assertThat(empty.rows()).isEmpty();
            assertThat(empty.columns()).containsExactly("algorithm_id", "bundle_path", "_score");
            assertThat(empty.orderedBy()).isEqualTo("weighted score (risk_adjusted + sharpe_ratio=2)");

            RankRequest.RankResult all = RankRequest.builder().focus("balanced").columns(List.of("algorithm_id"))
                    .build().run(index);
            assertThat(all.columns()).containsExactly("algorithm_id", "_score");
            assertThat(all.rows()).hasSize(6);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(IndexBackend.class)
    void writeFilesWritesTheSameBytesAsResultFiles(IndexBackend backend) throws Exception {
        try (BacktestIndex index = DemoIndex.storageLayerDemo(backend, tmp.resolve("db"))) {
            RankRequest.RankResult result = RankRequest.builder().by("max_drawdown").ascending(true).build().run(index);
            List<Path> files = result.writeFiles(tmp.resolve("out"), "rank");
            assertThat(files).containsExactly(tmp.resolve("out/rank.csv"), tmp.resolve("out/rank.json"));
            assertThat(Files.readString(files.get(0))).isEqualTo(ResultFiles.csv(result.rows(), result.columns()));
            assertThat(Files.readString(files.get(1))).isEqualTo(ResultFiles.json(result.rows(), result.columns()));
            assertThat(Files.readAllLines(files.get(0)).get(1)).startsWith("breakout_v2,");
        }
    }
}
