package dev.iafbt.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.index.BacktestIndex;
import dev.iafbt.index.SqliteIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference's prune tests plus its data-loss traps, refused here. */
class PrunePlannerTest {
    @TempDir
    Path tmp;

    private static List<LinkedHashMap<String, Object>> top1(BacktestIndex index) {
        return IndexQuery.builder().sortBy("sharpe_ratio").limit(1).columns(IndexQuery.DEFAULT_RANK_COLUMNS).build().run(index);
    }

    private static List<String> bundlesIn(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".iafbt")).sorted().toList();
        }
    }

    @Test
    void deletesBundlesNotKeptAndRefreshesTheIndex() throws Exception {
        Path folder = tmp.resolve("bundles");
        try (BacktestIndex index = DemoIndex.threeAlgos(folder)) {
            List<LinkedHashMap<String, Object>> keep = top1(index);
            assertThat(keep.get(0)).containsEntry("algorithm_id", "algo_1");
            PrunePlan plan = PrunePlanner.plan(folder, keep, null);
            assertThat(plan.keep()).containsExactly(Path.of("algo_1.iafbt"));
            assertThat(plan.remove()).containsExactly(Path.of("algo_0.iafbt"), Path.of("algo_2.iafbt"));
            PruneResult result = plan.execute(index);
            assertThat(result.kept()).isEqualTo(1);
            assertThat(result.pruned()).hasSize(2).allSatisfy(p -> assertThat(p.archivedTo()).isNull());
            assertThat(result.rowsRemoved()).isEqualTo(2);
            assertThat(bundlesIn(folder)).containsExactly("algo_1.iafbt");
            assertThat(index.bundlePaths()).containsExactly("algo_1.iafbt");
        }
    }

    @Test
    void archivesWithoutOverwritingAndSkipsTheArchiveNextTime() throws Exception {
        Path folder = tmp.resolve("bundles");
        Path archive = folder.resolve("_archive");
        try (BacktestIndex index = DemoIndex.threeAlgos(folder)) {
            Files.createDirectories(archive);
            Files.writeString(archive.resolve("algo_0.iafbt"), "an earlier archived bundle");
            PruneResult result = PrunePlanner.plan(folder, top1(index), archive).execute(index);
            assertThat(result.pruned()).extracting(p -> p.archivedTo().getFileName().toString())
                    .containsExactly("algo_0-1.iafbt", "algo_2.iafbt");
            assertThat(Files.readString(archive.resolve("algo_0.iafbt"))).isEqualTo("an earlier archived bundle");
            assertThat(bundlesIn(archive)).containsExactly("algo_0-1.iafbt", "algo_0.iafbt", "algo_2.iafbt");
            assertThat(bundlesIn(folder)).containsExactly("algo_1.iafbt");
            // a second prune never treats archived bundles as candidates
            assertThat(PrunePlanner.plan(folder, top1(index), archive).remove()).isEmpty();
        }
    }

    @Test
    void dryRunIsThePlanAndTouchesNothing() throws Exception {
        Path folder = tmp.resolve("bundles");
        try (BacktestIndex index = DemoIndex.threeAlgos(folder)) {
            PrunePlan plan = PrunePlanner.plan(folder, top1(index), tmp.resolve("archive"));
            assertThat(plan.keep()).hasSize(1);
            assertThat(plan.remove()).hasSize(2);
            assertThat(plan.archives()).isTrue();
            assertThat(bundlesIn(folder)).hasSize(3);
            assertThat(tmp.resolve("archive")).doesNotExist();
            assertThat(index.count()).isEqualTo(3);
        }
    }

    @Test
    void refusesRowsWithoutBundlePath() throws Exception {
        Path folder = tmp.resolve("bundles");
        try (BacktestIndex index = DemoIndex.threeAlgos(folder)) {
            List<LinkedHashMap<String, Object>> keep = IndexQuery.builder().sortBy("sharpe_ratio").limit(1)
                    .columns("algorithm_id").build().run(index);
            assertThatThrownBy(() -> PrunePlanner.plan(folder, keep, null)).isInstanceOf(PruneException.class)
                    .hasMessageContaining("no bundle_path").hasMessageContaining("include bundle_path");
            assertThat(bundlesIn(folder)).hasSize(3);
        }
    }

    @Test
    void refusesKeptPathsOutsideTheFolderAndAnEmptyShortlist() throws Exception {
        Path folder = tmp.resolve("bundles");
        DemoIndex.threeAlgos(folder).close();
        Path elsewhere = tmp.resolve("other/algo_1.iafbt").toAbsolutePath();
        for (String outside : List.of(elsewhere.toString(), "../other/algo_1.iafbt")) {
            assertThatThrownBy(() -> PrunePlanner.plan(folder, List.of(Map.of("bundle_path", outside)), null))
                    .isInstanceOf(PruneException.class).hasMessageContaining("does not resolve inside");
        }
        assertThatThrownBy(() -> PrunePlanner.plan(folder, List.of(), null)).hasMessageContaining("empty");
        assertThatThrownBy(() -> PrunePlanner.plan(folder.resolve("index.sqlite"), List.of(Map.of("bundle_path", "a")), null))
                .hasMessageContaining("not a directory");
        assertThatThrownBy(() -> PrunePlanner.plan(folder, List.of(Map.of("bundle_path", "algo_1.iafbt")), folder))
                .hasMessageContaining("is the bundle folder itself");
        assertThat(bundlesIn(folder)).hasSize(3);
    }

    @Test
    void absolutePathsInsideTheFolderAreAcceptedAndNestedBundlesVisitedInPythonOrder() throws Exception {
        Path folder = tmp.resolve("bundles");
        DemoIndex.threeAlgos(folder).close();
        Files.createDirectories(folder.resolve("algo_0"));
        Files.writeString(folder.resolve("algo_0/nested.iafbt"), "x");
        Files.createDirectories(folder.resolve("dir.iafbt")); // a directory with the extension is no bundle
        PrunePlan plan = PrunePlanner.plan(folder,
                List.of(Map.of("bundle_path", folder.resolve("algo_1.iafbt").toAbsolutePath().toString()),
                        Map.of("bundle_path", "gone.iafbt")), null);
        assertThat(plan.keep()).containsExactly(Path.of("algo_1.iafbt"));
        assertThat(plan.remove()).containsExactly(Path.of("algo_0/nested.iafbt"), Path.of("algo_0.iafbt"), Path.of("algo_2.iafbt"));
        assertThat(plan.missingKept()).containsExactly(Path.of("gone.iafbt"));
    }
}
