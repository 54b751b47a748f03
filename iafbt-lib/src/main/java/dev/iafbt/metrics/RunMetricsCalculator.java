package dev.iafbt.metrics;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code create_backtest_metrics(run, risk_free_rate)} with the reference's default metric list:
 * every per-run field and series of one run. The risk-free rate is an annual decimal (0.027 for
 * 2.7%); only the Sharpe and Sortino ratios use it.
 */
public final class RunMetricsCalculator {
    private RunMetricsCalculator() {
    }

    /** Throws {@link MetricsException} where the reference's computation aborts (no snapshots, first value 0). */
    public static RunMetrics compute(RunInput run, double riskFreeRate) {
        SnapshotOrderings s = new SnapshotOrderings(run);
        CalendarReturns calendar = new CalendarReturns(s);
        Map<String, Object> m = new HashMap<>();
        Map<String, Object> notPersisted = new HashMap<>();
        long[] sortedMillis = millis(s.sortedMicros);

        m.put("equity_curve", new TimeSeries(sortedMillis, s.sortedValues.clone()));
        m.put("final_value", ReturnMetrics.finalValue(s));
        double[] total = ReturnMetrics.totalReturn(s);
        m.put("total_net_gain", total[0]);
        m.put("total_net_gain_percentage", total[1]);
        m.put("total_growth", total[0]);
        m.put("total_growth_percentage", total[1]);
        TradeMetrics trades = new TradeMetrics(run);
        trades.putInto(m, notPersisted, run.initialUnallocated());
        m.put("cumulative_return", ReturnMetrics.cumulativeReturn(s));
        m.put("cumulative_return_series",
                new TimeSeries(sortedMillis, DrawdownMetrics.cumulativeReturnSeries(s.sortedValues)));

        double cagr = ReturnMetrics.cagr(s);
        m.put("cagr", cagr);
        CalendarReturns.Returns ffill = calendar.dailyForwardFilled();
        double meanDaily = ReturnMetrics.meanDailyReturn(s, calendar, cagr);
        m.put("sharpe_ratio", ReturnMetrics.sharpe(meanDaily, ReturnMetrics.dailyStd(s, ffill), riskFreeRate));
        m.put("rolling_sharpe_ratio", ReturnMetrics.rollingSharpe(s, ffill));
        m.put("sortino_ratio", ReturnMetrics.sortino(s, meanDaily, ReturnMetrics.downsideStd(s, ffill), riskFreeRate));
        double maxDrawdown = DrawdownMetrics.maxDrawdown(s.sortedValues);
        m.put("calmar_ratio", maxDrawdown == 0 ? 0.0 : cagr / maxDrawdown);
        m.put("annual_volatility", ReturnMetrics.annualVolatility(s, calendar));

        PeriodMetrics.putInto(m, s, calendar);

        m.put("drawdown_series", new TimeSeries(sortedMillis, DrawdownMetrics.drawdownSeries(s.sortedValues)));
        m.put("max_drawdown", maxDrawdown);
        m.put("max_drawdown_absolute", DrawdownMetrics.maxDrawdownAbsolute(s.sortedValues));
        m.put("max_daily_drawdown", DrawdownMetrics.maxDailyDrawdown(calendar.dailyLastValues()));
        m.put("max_drawdown_duration", DrawdownMetrics.maxDrawdownDuration(s.sortedValues, s.sortedMicros));
        double[] twr = DrawdownMetrics.twrEquity(s.sortedValues, s.sortedFlows);
        m.put("twr_equity_curve", new TimeSeries(sortedMillis, twr));
        m.put("twr_drawdown_series", new TimeSeries(sortedMillis, DrawdownMetrics.drawdownSeries(twr)));
        m.put("twr_max_drawdown", DrawdownMetrics.maxDrawdown(twr));
        m.put("twr_max_drawdown_duration", DrawdownMetrics.maxDrawdownDuration(twr, s.sortedMicros));

        trades.putTradeFields(m, notPersisted);
        trades.putStreaks(m);
        notPersisted.put("total_number_of_days", Times.days(run.startMicros(), run.endMicros()));
        return new RunMetrics(m, notPersisted, run.initialUnallocated());
    }

    private static long[] millis(long[] micros) {
        long[] out = new long[micros.length];
        for (int i = 0; i < micros.length; i++) {
            out[i] = Times.toMillis(micros[i]);
        }
        return out;
    }
}
