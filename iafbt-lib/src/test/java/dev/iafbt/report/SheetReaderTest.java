package dev.iafbt.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.bundle.RawMsgpack;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.BacktestRun;
import dev.iafbt.testing.ReferenceFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A tear sheet from the lazily decoded bundle is the one a full open gives, for every reference bundle. */
class SheetReaderTest {
    @Test
    void lazyAndFullOpensGiveTheSameTearSheet() {
        TearSheetBuilder builder = new TearSheetBuilder(ReportOptions.defaults());
        for (Path file : ReferenceFixtures.bundles()) {
            Strategy strategy = Strategy.of(file, file.getFileName().toString(), Backtest.openSummary(file));
            TearSheetBuilder.Detailed lazy = builder.build(strategy, SheetReader.open(file), 1, "s1");
            TearSheetBuilder.Detailed full = builder.build(strategy, Backtest.open(file), 1, "s1");
            assertThat(lazy.sheet()).as(file.toString()).isEqualTo(full.sheet());
            assertThat(lazy.dailyReturns()).as(file.toString()).isEqualTo(full.dailyReturns());
            assertThat(lazy.notes()).as(file.toString()).isEqualTo(full.notes());
        }
    }

    @Test
    void snapshotsStayUndecodedUntilRead() {
        Path file = ReferenceFixtures.file("real-0aa37205-event-v2.iafbt");
        BacktestRun run = SheetReader.open(file).runs().get(0);
        assertThat(run.raw().get("portfolio_snapshots")).isInstanceOf(RawMsgpack.class);
        assertThat(run.metrics().raw().get("drawdown_series")).isInstanceOf(RawMsgpack.class);
        assertThat(run.portfolioSnapshots()).hasSize(Backtest.open(file).runs().get(0).portfolioSnapshots().size())
                .isNotEmpty();
    }

    @Test
    void aV1BundleKeepsItsPermutationTestsUndecodedAndReadsItsRuns() {
        Path file = ReferenceFixtures.file("real-0aa37205-v1.iafbt");
        Backtest lazy = SheetReader.open(file);
        assertThat(lazy.raw().get("backtest_runs")).isNotInstanceOf(RawMsgpack.class);
        assertThat(lazy.raw().get("backtest_permutation_tests")).isInstanceOf(RawMsgpack.class);
        assertThat(lazy.runs()).hasSize(Backtest.open(file).runs().size()).isNotEmpty();
        assertThat(lazy.runs().get(0).trades()).hasSize(Backtest.open(file).runs().get(0).trades().size());
    }
}
