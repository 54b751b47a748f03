package dev.iafbt.report;

import dev.iafbt.metrics.CurveReturns;
import dev.iafbt.model.BacktestRun;
import dev.iafbt.model.MetricSeries;
import dev.iafbt.model.PortfolioSnapshot;
import java.util.Arrays;
import java.util.List;

/** One run (window) of a detailed strategy with its equity as a clean series. */
record RunData(String name, BacktestRun run, Series equity) {

    static RunData of(int index, BacktestRun run) {
        String name = run.dateRangeName();
        name = name == null || name.isBlank() ? "run " + (index + 1) : DisplayText.clip(name);
        // the reference writes runs without backtest_metrics (its summary skips them)
        Series equity = run.metrics() == null ? Series.EMPTY : Series.of(run.metrics().equityCurve());
        if (equity.isEmpty()) {
            equity = fromSnapshots(run.portfolioSnapshots()); // older bundles keep only snapshots
        }
        return new RunData(name, run, equity);
    }

    /** Why this run shows less than a complete one, for "Skipped &amp; capped"; empty when it is complete. */
    String gap() {
        if (equity.isEmpty()) {
            return "window " + name + " has " + (run.metrics() == null ? "no backtest_metrics" : "no equity curve series")
                    + " and no portfolio snapshots: no equity curve, return or drawdown for it";
        }
        return run.metrics() == null ? "window " + name + " has no backtest_metrics: its curve is drawn from its"
                + " portfolio snapshots, its Sharpe is not known" : "";
    }

    long span() {
        return equity.isEmpty() ? -1 : equity.times()[equity.size() - 1] - equity.times()[0];
    }

    /**
     * The run's calendar returns by the reference's definitions, from its snapshots (their cash
     * flows included, as the bundle's monthly and yearly series are computed), or from the equity
     * curve with no cash flows when the bundle kept no snapshots.
     */
    CurveReturns returns() {
        CurveReturns fromSnapshots = run.curveReturns(); // reads only the three columns it needs
        if (!fromSnapshots.isEmpty()) {
            return fromSnapshots;
        }
        long[] micros = Arrays.stream(equity.times()).map(ms -> ms * 1000).toArray();
        return CurveReturns.of(micros, equity.values(), new double[micros.length]);
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
