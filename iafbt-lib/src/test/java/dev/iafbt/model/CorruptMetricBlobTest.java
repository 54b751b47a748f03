package dev.iafbt.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.bundle.BundleFormatException;
import dev.iafbt.bundle.DocMap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A metric blob that is not Parquet is a bundle-format problem to the caller: the exception is
 * the public {@link BundleFormatException}, never the internal Parquet codec's own type.
 */
class CorruptMetricBlobTest {
    @TempDir
    Path dir;

    @Test
    void fullOpenOfABundleWithAnUnreadableBlobThrowsBundleFormatExceptionNamingFileAndBlob() {
        Backtest backtest = WriterTest.sample("broken_blob");
        DocMap blobs = (DocMap) backtest.bundle().document().get("blobs");
        blobs.put("runs/0/metrics/equity_curve.parquet", "not parquet".getBytes(StandardCharsets.US_ASCII));
        Path file = backtest.save(dir);

        assertThatThrownBy(() -> Backtest.open(file))
                .isExactlyInstanceOf(BundleFormatException.class)
                .hasMessageContainingAll("broken_blob.iafbt", "runs/0/metrics/equity_curve.parquet")
                .satisfies(e -> assertThat(e.getCause()).isNotNull());
    }

    @Test
    void summaryOpenFailsOnlyWhenTheSeriesIsRead() {
        Backtest backtest = WriterTest.sample("broken_later");
        DocMap blobs = (DocMap) backtest.bundle().document().get("blobs");
        blobs.put("runs/0/metrics/equity_curve.parquet", new byte[] {1, 2, 3});
        Backtest summary = Backtest.openSummary(backtest.save(dir));

        BacktestMetrics metrics = summary.runs().get(0).metrics();
        assertThatThrownBy(metrics::equityCurve).isExactlyInstanceOf(BundleFormatException.class)
                .hasMessageContaining("broken_later.iafbt");
    }
}
