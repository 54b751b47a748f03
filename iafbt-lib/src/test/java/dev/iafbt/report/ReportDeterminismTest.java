package dev.iafbt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The report's bytes depend on the bundles and the options only: not on how many threads read
 * the bundles and build the tear sheets, nor on which opened bundles the loader kept for them.
 */
class ReportDeterminismTest {
    /** The 24-bundle sample sweep with 7 tear sheets: within the one-pass limit, larger than topK. */
    private static final ReportOptions OPTIONS = ReportOptions.defaults().withTopK(7);

    @Test
    void theSameBytesOnOneThreadAsOnMany() throws Exception {
        byte[] many = inPool(4, () -> render(ReportSource.folder(HtmlReportTest.SWEEP)));
        byte[] one = inPool(1, () -> render(ReportSource.folder(HtmlReportTest.SWEEP)));
        assertThat(one).isEqualTo(many);
    }

    @Test
    void theSameBytesWhetherOpenedBundlesWereKeptOrOpenedAgain() {
        assertThat(StrategyLoader.load(HtmlReportTest.SWEEP, OPTIONS.topK()).opened()).as("kept").hasSize(24);
        byte[] kept = render(ReportSource.folder(HtmlReportTest.SWEEP));
        byte[] openedAgain = render(ReportSource.folder(HtmlReportTest.SWEEP, 0));
        assertThat(openedAgain).isEqualTo(kept);
    }

    private static byte[] render(ReportSource source) {
        return ReportRenderer.render(HtmlReport.build(source, OPTIONS));
    }

    /** Parallel streams started from a fork-join pool's thread run in that pool. */
    private static byte[] inPool(int threads, Supplier<byte[]> work) throws InterruptedException, ExecutionException {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(work::get).get();
        } finally {
            pool.shutdown();
        }
    }
}
