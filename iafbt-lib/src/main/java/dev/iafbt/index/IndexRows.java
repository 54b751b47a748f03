package dev.iafbt.index;

import dev.iafbt.model.Backtest;
import dev.iafbt.model.SummaryField;
import dev.iafbt.model.SummaryMetrics;

/**
 * Builds the index row of a backtest: the reference's {@code Backtest.index_row(bundle_path)}
 * plus the file's provenance, which the reference passes to {@code upsert}
 * separately.
 */
public final class IndexRows {
    private IndexRows() {
    }

    /**
     * The row of {@code backtest} under {@code bundlePath}. As in the reference,
     * {@code framework_version} and {@code extras} stay empty and {@code number_of_runs} counts the
     * runs (read from the array header after a summary-only open). Two deliberate differences, both
     * so that a bundle the reference cannot read still gets a useful row: a summary key that is none
     * of the 55 fields goes to {@code summary_extras_json} (the reference fails with TypeError), and
     * a non-numeric summary value other than a bool is left out (the reference would store its
     * {@code str()}, which no metric query can use).
     */
    public static IndexRow fromBacktest(Backtest backtest, String bundlePath, long mtimeNs, long size) {
        IndexRow.Builder row = IndexRow.builder()
                .bundlePath(bundlePath)
                .algorithmId(backtest.algorithmId())
                .tag(backtest.tag())
                .engineType(backtest.engineTypeValue())
                .riskFreeRate(backtest.riskFreeRate())
                .numberOfRuns(backtest.numberOfRuns())
                .parameters(backtest.parameters())
                .strategyIds(backtest.strategyIds())
                .provenance(mtimeNs, size);
        backtest.summary().ifPresent(summary -> addSummary(row, summary));
        return row.build();
    }

    private static void addSummary(IndexRow.Builder row, SummaryMetrics summary) {
        for (SummaryField field : SummaryField.values()) {
            Object value = summary.stored(field);
            if (value instanceof Number number) {
                row.summary(field, number);
            } else if (value instanceof Boolean bool) {
                row.summary(field, bool ? 1L : 0L); // as the reference: bool → int
            }
        }
        summary.unknownEntries().forEach(row::summaryExtra);
    }
}
