package dev.iafbt.metrics;

import java.util.Arrays;
import java.util.Map;

/** Monthly and yearly returns and what the reference derives from them, VaR and CVaR included. */
final class PeriodMetrics {
    /** {@code 1 - 0.95} in double, as the reference computes the quantile level. */
    private static final double VAR_LEVEL = 1 - 0.95;

    private PeriodMetrics() {
    }

    static void putInto(Map<String, Object> m, SnapshotOrderings s, CalendarReturns calendar) {
        CalendarReturns.Returns monthly = calendar.monthly();
        CalendarReturns.Returns yearly = calendar.yearly();
        m.put("monthly_returns", labelled(monthly, CalendarReturns.Period.MONTH));
        m.put("yearly_returns", labelled(yearly, CalendarReturns.Period.YEAR));
        double[] mr = monthly.values();
        m.put("percentage_winning_months", winningShare(mr));
        m.put("percentage_winning_years", winningShare(yearly.values()));
        m.put("average_monthly_return", NumpyMath.sequentialMean(mr, mr.length));
        double[] losing = Arrays.stream(mr).filter(r -> r < 0).toArray();
        double[] winning = Arrays.stream(mr).filter(r -> r > 0).toArray();
        m.put("average_monthly_return_losing_months", NumpyMath.sequentialMean(losing, losing.length));
        m.put("average_monthly_return_winning_months", NumpyMath.sequentialMean(winning, winning.length));
        m.put("best_month", extreme(monthly, CalendarReturns.Period.MONTH, true, 0.0));
        m.put("best_year", extreme(yearly, CalendarReturns.Period.YEAR, true, null));
        m.put("worst_month", extreme(monthly, CalendarReturns.Period.MONTH, false, 0.0));
        m.put("worst_year", extreme(yearly, CalendarReturns.Period.YEAR, false, null));
        putValueAtRisk(m, s, mr);
    }

    /** {@code get_value_at_risk} / {@code get_conditional_value_at_risk} at 95% over monthly TWR returns. */
    private static void putValueAtRisk(Map<String, Object> m, SnapshotOrderings s, double[] monthly) {
        if (s.size() < 2 || monthly.length < 3) {
            m.put("var_95", 0.0);
            m.put("cvar_95", 0.0);
            return;
        }
        double[] sorted = monthly.clone();
        Arrays.sort(sorted);
        double var = NumpyMath.linearQuantile(sorted, VAR_LEVEL);
        double[] tail = Arrays.stream(monthly).filter(r -> r <= var).toArray();
        m.put("var_95", var);
        m.put("cvar_95", tail.length == 0 ? var : NumpyMath.mean(tail, tail.length));
    }

    static TimeSeries labelled(CalendarReturns.Returns r, CalendarReturns.Period period) {
        long[] ms = new long[r.size()];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = period.labelMillis(r.keys()[i]);
        }
        return new TimeSeries(ms, r.values().clone());
    }

    private static double winningShare(double[] returns) {
        if (returns.length == 0) {
            return 0.0;
        }
        return (double) Arrays.stream(returns).filter(r -> r > 0).count() / returns.length;
    }

    /** The first max (or min) with its label; the reference's empty value otherwise. */
    private static DatedValue extreme(CalendarReturns.Returns r, CalendarReturns.Period period, boolean max,
            Double emptyValue) {
        if (r.size() == 0) {
            return new DatedValue(emptyValue, null);
        }
        int chosen = 0;
        for (int i = 1; i < r.size(); i++) {
            double v = r.values()[i];
            if (max ? v > r.values()[chosen] : v < r.values()[chosen]) {
                chosen = i;
            }
        }
        return new DatedValue(r.values()[chosen], period.labelMillis(r.keys()[chosen]));
    }
}
