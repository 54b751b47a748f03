package dev.iafbt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.iafbt.report.ReportView.Skipped;
import dev.iafbt.testing.ReferenceFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of up to four times the tear sheets is decoded once per bundle, what is kept for the sheets bounded
 * by a memory budget; the rows are those of a summary read.
 */
class StrategyLoaderTest {
    @TempDir
    Path folder;

    @Test
    void aFolderWithinTheSheetsIsOpenedForSheetsOnceWithTheSameRows() throws IOException {
        int bundles = copyFixturesAndOneBrokenFile();
        StrategyLoader.Loaded once = StrategyLoader.load(folder, bundles + 1);
        StrategyLoader.Loaded summaryOnly = StrategyLoader.load(folder, 0);

        assertThat(once.strategies()).hasSize(bundles).isEqualTo(summaryOnly.strategies());
        assertThat(once.opened().keySet()).containsExactlyInAnyOrderElementsOf(
                once.strategies().stream().map(Strategy::file).toList());
        assertThat(summaryOnly.opened()).isEmpty();
        assertThat(reasons(once.skipped())).isEqualTo(reasons(summaryOnly.skipped())).hasSize(1);
    }

    @Test
    void aFolderOfUpToFourTimesTheSheetsIsReadOnceAndKeptWithinTheMemoryBudget() throws IOException {
        int bundles = copyFixturesAndOneBrokenFile();
        int sheets = (bundles + 1 + StrategyLoader.ONE_PASS_FACTOR - 1) / StrategyLoader.ONE_PASS_FACTOR;
        StrategyLoader.Loaded kept = StrategyLoader.load(folder, sheets);
        StrategyLoader.Loaded notKept = StrategyLoader.load(folder, sheets, 0);
        StrategyLoader.Loaded summaryOnly = StrategyLoader.load(folder, 0);

        assertThat(kept.strategies()).hasSize(bundles).isEqualTo(summaryOnly.strategies())
                .isEqualTo(notKept.strategies());
        assertThat(kept.opened()).hasSize(bundles);
        assertThat(notKept.opened()).isEmpty();
        assertThat(reasons(kept.skipped())).isEqualTo(reasons(summaryOnly.skipped())).hasSize(1);
    }

    @Test
    void aFolderOfMoreThanFourTimesTheSheetsIsReadSummaryOnly() throws IOException {
        int bundles = copyFixturesAndOneBrokenFile();
        int sheets = bundles / StrategyLoader.ONE_PASS_FACTOR; // (bundles + the broken file) > 4 x sheets
        StrategyLoader.Loaded loaded = StrategyLoader.load(folder, sheets);

        assertThat(loaded.strategies()).hasSize(bundles);
        assertThat(loaded.opened()).isEmpty();
    }

    private int copyFixturesAndOneBrokenFile() throws IOException {
        List<Path> fixtures = ReferenceFixtures.bundles();
        assumeFalse(fixtures.isEmpty(), "reference fixtures not found");
        for (Path p : fixtures) {
            Files.copy(p, folder.resolve(p.getFileName()));
        }
        Files.write(folder.resolve("broken.iafbt"), new byte[] {1, 2, 3});
        return fixtures.size();
    }

    private static List<String> reasons(List<Skipped> skipped) {
        return skipped.stream().map(s -> s.bundle() + ": " + s.reason()).toList();
    }
}
