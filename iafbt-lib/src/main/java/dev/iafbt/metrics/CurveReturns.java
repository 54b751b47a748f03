package dev.iafbt.metrics;

import java.util.List;

/**
 * The calendar returns of one run's portfolio values, for readers of a curve (the report) that need
 * the reference's definitions without computing every metric: monthly and yearly time-weighted
 * returns exactly as the bundle's {@code monthly_returns} / {@code yearly_returns} series, the daily
 * returns the reference's volatility uses, and the rolling Sharpe ratio with a chosen window.
 * Built from the snapshots (times, total values, cash flows; any order, duplicates allowed), or
 * from a stored equity curve with zero cash flows when the snapshots are gone.
 */
public final class CurveReturns {
    private final CalendarReturns calendar;
    private final int points;

    private CurveReturns(CalendarReturns calendar, int points) {
        this.calendar = calendar;
        this.points = points;
    }

    /** True when built from no values at all (a run without snapshots): every series is empty. */
    public boolean isEmpty() {
        return points == 0;
    }

    /** Times in UTC epoch microseconds; the three arrays are read, not kept. */
    public static CurveReturns of(long[] snapshotMicros, double[] totalValues, double[] cashFlows) {
        long start = snapshotMicros.length == 0 ? 0 : snapshotMicros[0];
        RunInput run = new RunInput(snapshotMicros, totalValues, cashFlows, List.of(), start, start, 0.0);
        return new CurveReturns(new CalendarReturns(new SnapshotOrderings(run)), snapshotMicros.length);
    }

    /** The reference's {@code monthly_returns}: the first month is the base and has none; labels are month ends. */
    public TimeSeries monthly() {
        return PeriodMetrics.labelled(calendar.monthly(), CalendarReturns.Period.MONTH);
    }

    /** The reference's {@code yearly_returns}: the first year is the base and has none; labels are 1 January. */
    public TimeSeries yearly() {
        return PeriodMetrics.labelled(calendar.yearly(), CalendarReturns.Period.YEAR);
    }

    /**
     * Daily time-weighted returns of the days with a snapshot, each labelled by its UTC midnight; a
     * return after a day without snapshots spans the gap (what {@code annual_volatility} uses).
     * ±inf where the previous day's value is 0, as the reference keeps them.
     */
    public TimeSeries daily() {
        return PeriodMetrics.labelled(calendar.dailyDropped(), CalendarReturns.Period.DAY);
    }

    /**
     * {@code sqrt(365) · mean / std} of the daily returns (empty days forward-filled as 0%, as the
     * reference's Sharpe does) over a trailing window of {@code windowDays} days, from the
     * {@code min(30, windowDays)}-th day on, labelled by UTC midnight. With 365 days this is the
     * reference's {@code rolling_sharpe_ratio} on every day, not only on days with a snapshot at
     * midnight (the reference's quirk that leaves the stored series mostly NaN). NaN where the window
     * has no variance.
     */
    public TimeSeries rollingSharpe(int windowDays) {
        if (windowDays < 2) {
            throw new IllegalArgumentException("a rolling window needs at least 2 days, not " + windowDays);
        }
        CalendarReturns.Returns ffill = calendar.dailyForwardFilled();
        double[] sharpe = ReturnMetrics.rollingSharpe(ffill.values(), windowDays,
                Math.min(ReturnMetrics.REFERENCE_ROLLING_MIN_PERIODS, windowDays));
        long[] ms = new long[sharpe.length];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = CalendarReturns.Period.DAY.labelMillis(ffill.keys()[i]);
        }
        return new TimeSeries(ms, sharpe);
    }
}
