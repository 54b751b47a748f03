package dev.iafbt.metrics;

import java.util.List;

/**
 * One run as the metrics see it: the snapshots in their stored order (three parallel columns,
 * times in UTC epoch microseconds; a missing value or cash flow is 0, as in the reference), the
 * trades, the run's dates and its initial balance.
 */
public record RunInput(long[] snapshotMicros, double[] totalValues, double[] cashFlows,
        List<TradeInput> trades, long startMicros, long endMicros, double initialUnallocated) {
    public RunInput {
        if (snapshotMicros.length != totalValues.length || snapshotMicros.length != cashFlows.length) {
            throw new IllegalArgumentException("snapshot columns differ in length: " + snapshotMicros.length
                    + ", " + totalValues.length + ", " + cashFlows.length);
        }
        trades = List.copyOf(trades);
    }

    public int snapshotCount() {
        return snapshotMicros.length;
    }
}
