package dev.iafbt.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.IafbtException;
import dev.iafbt.bundle.DocList;
import dev.iafbt.bundle.DocMap;
import java.nio.file.Path;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every error a user can meet through the typed model names the bundle file and the document
 * path of the offending value, whichever accessor raised it.
 */
class ErrorLocationTest {
    private static final Instant START = Instant.parse("2023-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2023-06-01T00:00:00Z");

    @TempDir
    Path dir;

    /** A bundle iafbt writes with two runs, edited so that one value has a shape no accessor can use. */
    private Path bundleWith(String name, java.util.function.Consumer<DocMap> edit) {
        Backtest built = Backtest.builder(name)
                .run(RunBuilder.window(START, END).metrics(MetricsBuilder.window(START, END).sharpeRatio(1.0)))
                .run(RunBuilder.window(START, END).metrics(MetricsBuilder.window(START, END).sharpeRatio(2.0)))
                .build();
        edit.accept(built.bundle().document());
        return built.save(dir);
    }

    private static DocMap secondRunMetrics(DocMap document) {
        return (DocMap) ((DocMap) ((DocList) document.get("backtest_runs")).get(1)).get("backtest_metrics");
    }

    private static void assertLocated(Path file, String documentPath, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(IafbtException.class)
                .hasMessageStartingWith(file + ": " + documentPath + " ");
    }

    @Test
    void aTopLevelNumberThatIsAMapNamesFileAndKey() {
        Path file = bundleWith("rate", doc -> doc.put("risk_free_rate", new DocMap().with("x", 1L)));
        assertLocated(file, "risk_free_rate", () -> Backtest.open(file).riskFreeRate());
    }

    @Test
    void aRunMetricThatIsAMapNamesTheRunAndTheField() {
        Path file = bundleWith("sharpe", doc -> secondRunMetrics(doc).put("sharpe_ratio", new DocMap()));
        assertLocated(file, "backtest_runs[1].backtest_metrics.sharpe_ratio",
                () -> Backtest.open(file).runs().get(1).metrics().sharpeRatio());
    }

    @Test
    void anElementOfAPairNamesItsIndex() {
        Path file = bundleWith("pair", doc -> secondRunMetrics(doc).put("number_of_positive_trades",
                DocList.of("three", 1.5)));
        assertLocated(file, "backtest_runs[1].backtest_metrics.number_of_positive_trades[0]",
                () -> Backtest.open(file).runs().get(1).metrics().tradeCount("number_of_positive_trades"));
    }

    @Test
    void aCorruptMetricBlobNamesTheSeriesItBacks() {
        Path file = bundleWith("blob", doc -> {
            secondRunMetrics(doc).put("equity_curve", new DocMap().with("@blob", "eq1"));
            doc.put("blobs", new DocMap().with("eq1", "not parquet".getBytes()));
        });
        assertLocated(file, "backtest_runs[1].backtest_metrics.equity_curve",
                () -> Backtest.open(file).runs().get(1).metrics().equityCurve());
    }
}
