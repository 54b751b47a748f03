package dev.iafbt.rank;

import dev.iafbt.index.IndexRow;
import dev.iafbt.index.BacktestIndex;
import dev.iafbt.model.SummaryField;
import dev.iafbt.testing.IndexBackend;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The indexes the reference's checks describe, built row by row. */
final class DemoIndex {
    private DemoIndex() {
    }

    /** The storage-layer demo: six bundles tagged demo, with derived calmar and total_net_gain_percentage. */
    static BacktestIndex storageLayerDemo(Path folder) throws IOException {
        return storageLayerDemo(IndexBackend.SQLITE, folder);
    }

    static BacktestIndex storageLayerDemo(IndexBackend backend, Path folder) throws IOException {
        Object[][] table = {
            {"momentum_v1", 1.85, 2.40, -0.08, 145L, 0.61},
            {"momentum_v2", 1.42, 1.91, -0.12, 132L, 0.58},
            {"mean_revert_v1", 0.95, 1.20, -0.18, 88L, 0.54},
            {"mean_revert_v2", 1.10, 1.45, -0.15, 102L, 0.55},
            {"breakout_v1", 0.42, 0.55, -0.31, 41L, 0.48},
            {"breakout_v2", -0.20, -0.25, -0.42, 27L, 0.39},
        };
        List<IndexRow> rows = new ArrayList<>();
        for (Object[] r : table) {
            double sharpe = (Double) r[1];
            double mdd = (Double) r[3];
            rows.add(IndexRow.builder().bundlePath(r[0] + ".iafbt").algorithmId((String) r[0]).tag("demo")
                    .summary(SummaryField.SHARPE_RATIO, sharpe).summary(SummaryField.SORTINO_RATIO, (Double) r[2])
                    .summary(SummaryField.MAX_DRAWDOWN, mdd).summary(SummaryField.NUMBER_OF_TRADES, (Long) r[4])
                    .summary(SummaryField.WIN_RATE, (Double) r[5])
                    .summary(SummaryField.CALMAR_RATIO, round(Math.abs(sharpe / mdd), 3))
                    .summary(SummaryField.TOTAL_NET_GAIN_PERCENTAGE, round(sharpe * 0.12, 4)).build());
        }
        return write(backend, folder, rows);
    }

    /** The index command tests: algo_0..2 with sharpe 0.5 / 1.5 / 1.0 and every other metric equal. */
    static BacktestIndex threeAlgos(Path folder) throws IOException {
        return threeAlgos(IndexBackend.SQLITE, folder);
    }

    static BacktestIndex threeAlgos(IndexBackend backend, Path folder) throws IOException {
        double[] sharpe = {0.5, 1.5, 1.0};
        List<IndexRow> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            IndexRow.Builder b = IndexRow.builder().bundlePath("algo_" + i + ".iafbt").algorithmId("algo_" + i).tag("demo");
            for (SummaryField f : SummaryField.values()) {
                b.summary(f, f.isInteger() ? (Number) 3L : (Number) 0.25);
            }
            rows.add(b.summary(SummaryField.SHARPE_RATIO, sharpe[i]).build());
        }
        return write(backend, folder, rows);
    }

    /** Writes the rows to a new index of {@code backend} and a placeholder file per bundle in {@code folder}. */
    private static BacktestIndex write(IndexBackend backend, Path folder, List<IndexRow> rows) throws IOException {
        Files.createDirectories(folder);
        for (IndexRow row : rows) {
            Files.writeString(folder.resolve(row.bundlePath()), "IAFB placeholder " + row.algorithmId());
        }
        BacktestIndex index = backend.create(folder);
        index.upsertAll(rows);
        return index;
    }

    private static double round(double v, int places) {
        return new BigDecimal(v).setScale(places, RoundingMode.HALF_EVEN).doubleValue();
    }
}
