package dev.iafbt.report;

import dev.iafbt.model.BacktestRun;
import dev.iafbt.model.MetricSeries;
import dev.iafbt.model.PortfolioSnapshot;
import java.util.Arrays;
import java.util.List;

/** One run (window) of a detailed strategy with its equity as a clean series. */
record RunData(String name, BacktestRun run, Series equity) {

    static RunData of(int index, BacktestRun run) {
        String name = run.dateRangeName();
        if (name == null || name.isBlank()) {
            name = "run " + (index + 1);
        }
        Series equity = Series.of(run.metrics().equityCurve());
        if (equity.isEmpty()) {
            equity = fromSnapshots(run.portfolioSnapshots()); // older bundles keep only snapshots
        }
        return new RunData(name, run, equity);
    }

    long span() {
        return equity.isEmpty() ? -1 : equity.times()[equity.size() - 1] - equity.times()[0];
    }

    private static Series fromSnapshots(List<PortfolioSnapshot> snapshots) {
        long[] t = new long[snapshots.size()];
        double[] v = new double[snapshots.size()];
        int n = 0;
        for (PortfolioSnapshot s : snapshots) {
            if (s.createdAt() != null && Double.isFinite(s.totalValue())) {
                t[n] = s.createdAt().toEpochMilli();
                v[n++] = s.totalValue();
            }
        }
        return Series.of(MetricSeries.of(Arrays.copyOf(t, n), Arrays.copyOf(v, n)));
    }
}
