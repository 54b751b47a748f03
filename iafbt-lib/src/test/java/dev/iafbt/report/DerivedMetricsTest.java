package dev.iafbt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The report's derived metrics against values worked out by hand. */
class DerivedMetricsTest {
    private static final long DAY = 86_400_000L;

    static Series daily(double... values) {
        long[] t = new long[values.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = i * DAY;
        }
        return new Series(t, values);
    }

    static Series dated(String[] dates, double[] values) {
        long[] t = new long[dates.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = Instant.parse(dates[i] + "T00:00:00Z").toEpochMilli();
        }
        return new Series(t, values);
    }

    @Test
    void drawdownPeriodsHavePeakValleyRecoveryAndDepth() {
        Series equity = daily(100, 110, 99, 121, 121, 96.8, 130);
        List<DrawdownPeriod> periods = Drawdowns.periods(equity);
        assertThat(periods).hasSize(2);
        DrawdownPeriod first = periods.get(0);
        assertThat(List.of(first.peakIndex(), first.valleyIndex(), first.recoveryIndex())).containsExactly(1, 2, 3);
        assertThat(first.depth()).isCloseTo(-0.1, within(1e-12));
        DrawdownPeriod second = periods.get(1);
        assertThat(List.of(second.peakIndex(), second.valleyIndex(), second.recoveryIndex())).containsExactly(4, 5, 6);
        assertThat(second.depth()).isCloseTo(-0.2, within(1e-12));
        assertThat(second.lengthDays(0)).isEqualTo(2);
        assertThat(Drawdowns.worst(equity, 5)).containsExactly(second, first);
        assertThat(Drawdowns.worst(equity, 1)).containsExactly(second);
    }

    @Test
    void anUnrecoveredDrawdownRunsToTheEnd() {
        Series equity = daily(100, 80, 90);
        DrawdownPeriod p = Drawdowns.periods(equity).get(0);
        assertThat(p.recovered()).isFalse();
        assertThat(p.valleyIndex()).isEqualTo(1);
        assertThat(p.depth()).isCloseTo(-0.2, within(1e-12));
        assertThat(p.lengthDays(2 * DAY)).isEqualTo(2);
    }

    @Test
    void underwaterIsTheFractionBelowTheRunningPeak() {
        assertThat(Drawdowns.underwater(daily(100, 110, 99, 121, 121, 96.8, 130)).values())
                .containsExactly(new double[] {0, 0, -0.1, 0, 0, -0.2, 0}, within(1e-12));
    }

    @Test
    void monthlyReturnsChainMonthEndsAndTheYearCompounds() {
        Series equity = dated(new String[] {"2024-01-01", "2024-01-31", "2024-02-15", "2024-02-29", "2024-12-31",
            "2025-01-31"}, new double[] {100, 110, 99, 121, 133.1, 66.55});
        Map<Integer, Double> monthly = PeriodReturns.monthly(equity);
        assertThat(monthly.keySet()).containsExactly(202401, 202402, 202412, 202501);
        assertThat(monthly.get(202401)).isCloseTo(0.1, within(1e-12));
        assertThat(monthly.get(202402)).isCloseTo(0.1, within(1e-12));
        assertThat(monthly.get(202412)).isCloseTo(0.1, within(1e-12));
        assertThat(monthly.get(202501)).isCloseTo(-0.5, within(1e-12));
        Map<Integer, Double> yearly = PeriodReturns.yearly(equity);
        // 1.1³ − 1 = 0.331, not the sum of the months (0.3)
        assertThat(yearly.get(2024)).isCloseTo(0.331, within(1e-12));
        assertThat(yearly.get(2025)).isCloseTo(-0.5, within(1e-12));
        assertThat(PeriodReturns.compound(List.of(0.1, 0.1, 0.1))).isCloseTo(0.331, within(1e-12));
    }

    @Test
    void rollingSharpeOfAlternatingReturnsIsKnown() {
        double[] values = new double[31];
        values[0] = 100;
        for (int i = 1; i < values.length; i++) {
            values[i] = values[i - 1] * (i % 2 == 1 ? 1.02 : 1.0);
        }
        Series sharpe = DailyReturns.rollingSharpe(daily(values), 20);
        // every 20-day window: ten +2% and ten 0% returns; mean 0.01, sample sd 0.01·√(20/19)
        assertThat(sharpe.size()).isEqualTo(11);
        assertThat(sharpe.times()[0]).isEqualTo(20 * DAY);
        for (double v : sharpe.values()) {
            assertThat(v).isCloseTo(Math.sqrt(19.0 / 20) * Math.sqrt(365), within(1e-9));
        }
    }

    @Test
    void rollingSharpeNeedsAFullWindow() {
        assertThat(DailyReturns.rollingSharpe(daily(100, 101, 102, 101), 90).isEmpty()).isTrue();
    }

    @Test
    void correlationUsesOnlySharedDays() {
        Map<Long, Double> a = new TreeMap<>(Map.of(1L, 0.01, 2L, 0.02, 3L, 0.03, 5L, 0.5));
        Map<Long, Double> b = new TreeMap<>(Map.of(1L, 0.02, 2L, 0.04, 3L, 0.06, 4L, 9.0));
        Map<Long, Double> c = new TreeMap<>(Map.of(1L, -0.01, 2L, -0.02, 3L, -0.03));
        assertThat(DailyReturns.correlation(a, b, 3)).isCloseTo(1.0, within(1e-12));
        assertThat(DailyReturns.correlation(a, c, 3)).isCloseTo(-1.0, within(1e-12));
        assertThat(DailyReturns.correlation(a, b, 4)).isNaN();
    }

    @Test
    void dailyReturnsUseEachDaysLastValue() {
        Series s = new Series(new long[] {0, DAY / 2, DAY, 2 * DAY}, new double[] {100, 50, 110, 121});
        Map<Long, Double> r = DailyReturns.of(s);
        assertThat(r.keySet()).containsExactly(1L, 2L);
        assertThat(r.get(1L)).isCloseTo(1.2, within(1e-12)); // day 0 closes at 50, its last value, not 100
        assertThat(r.get(2L)).isCloseTo(0.1, within(1e-12));
    }
}
