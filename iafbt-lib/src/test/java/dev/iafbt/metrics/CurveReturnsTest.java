package dev.iafbt.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The calendar returns a curve reader gets, against hand-worked values and the full metric computation. */
class CurveReturnsTest {
    private static final long DAY_MICROS = 86_400_000_000L;

    private static long micros(String date) {
        return Instant.parse(date + "T00:00:00Z").toEpochMilli() * 1000;
    }

    private static long millis(String date) {
        return Instant.parse(date + "T00:00:00Z").toEpochMilli();
    }

    @Test
    void monthlyAndYearlyReturnsAreTimeWeightedFromTheSecondPeriodOn() {
        long[] t = {micros("2024-01-01"), micros("2024-01-31"), micros("2024-02-15"), micros("2024-02-29"),
            micros("2024-12-31"), micros("2025-01-31")};
        double[] v = {100, 110, 99, 131, 133.1, 66.55};
        double[] flows = {0, 0, 0, 10, 0, 0}; // a deposit of 10 in February is not a return
        CurveReturns r = CurveReturns.of(t, v, flows);
        TimeSeries monthly = r.monthly();
        // January is the base; labels are month ends
        assertThat(monthly.epochMillis()).containsExactly(millis("2024-02-29"), millis("2024-12-31"), millis("2025-01-31"));
        assertThat(monthly.values()).containsExactly(new double[] {0.1, 133.1 / 131 - 1, -0.5}, within(1e-12));
        TimeSeries yearly = r.yearly();
        assertThat(yearly.epochMillis()).containsExactly(millis("2025-01-01"));
        assertThat(yearly.values()).containsExactly(new double[] {-0.5}, within(1e-12));
    }

    @Test
    void dailyReturnsUseEachDaysLastValueAndSpanGaps() {
        long[] t = {0, DAY_MICROS / 2, DAY_MICROS, 3 * DAY_MICROS};
        TimeSeries daily = CurveReturns.of(t, new double[] {100, 50, 110, 121}, new double[4]).daily();
        assertThat(daily.epochMillis()).containsExactly(86_400_000L, 3 * 86_400_000L);
        assertThat(daily.values()).containsExactly(new double[] {1.2, 0.1}, within(1e-12));
    }

    @Test
    void rollingSharpeOfAlternatingReturnsIsKnown() {
        int n = 31;
        long[] t = new long[n];
        double[] v = new double[n];
        v[0] = 100;
        for (int i = 1; i < n; i++) {
            t[i] = i * DAY_MICROS;
            v[i] = v[i - 1] * (i % 2 == 1 ? 1.02 : 1.0);
        }
        TimeSeries sharpe = CurveReturns.of(t, v, new double[n]).rollingSharpe(20);
        double[] values = Arrays.stream(sharpe.values()).filter(x -> !Double.isNaN(x)).toArray();
        // every 20-day window: ten +2% and ten 0% returns; mean 0.01, sample sd 0.01·√(20/19)
        assertThat(values).hasSize(11);
        for (double x : values) {
            assertThat(x).isCloseTo(Math.sqrt(19.0 / 20) * Math.sqrt(365), within(1e-9));
        }
    }

    @Test
    void with365DaysItIsTheReferencesRollingSharpeOnMidnightSnapshots() {
        int n = 500;
        long[] t = new long[n];
        double[] v = new double[n];
        v[0] = 1000;
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int i = 1; i < n; i++) {
            t[i] = i * DAY_MICROS;
            v[i] = v[i - 1] * (1 + random.nextGaussian() * 0.02);
        }
        RunInput run = new RunInput(t, v, new double[n], List.of(), t[0], t[n - 1], 1000);
        TimeSeries reference = RunMetricsCalculator.compute(run, 0.0).series("rolling_sharpe_ratio");
        TimeSeries ours = CurveReturns.of(t, v, new double[n]).rollingSharpe(365);
        assertThat(ours.epochMillis()).containsExactly(reference.epochMillis());
        assertThat(ours.values()).containsExactly(reference.values());
    }

    @Test
    void aWindowShorterThanTwoDaysIsRefused() {
        CurveReturns r = CurveReturns.of(new long[1], new double[] {1}, new double[1]);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.rollingSharpe(1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1");
    }
}
