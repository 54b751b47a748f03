package dev.iafbt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.iafbt.metrics.TimeSeries;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The correlation of daily returns on shared days, against values worked out by hand. */
class ReturnCorrelationTest {
    private static final long DAY = 86_400_000L;

    static Series daily(double... values) {
        long[] t = new long[values.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = i * DAY;
        }
        return new Series(t, values);
    }

    @Test
    void correlationUsesOnlySharedDays() {
        Map<Long, Double> a = new TreeMap<>(Map.of(1L, 0.01, 2L, 0.02, 3L, 0.03, 5L, 0.5));
        Map<Long, Double> b = new TreeMap<>(Map.of(1L, 0.02, 2L, 0.04, 3L, 0.06, 4L, 9.0));
        Map<Long, Double> c = new TreeMap<>(Map.of(1L, -0.01, 2L, -0.02, 3L, -0.03));
        assertThat(ReturnCorrelation.correlation(a, b, 3)).isCloseTo(1.0, within(1e-12));
        assertThat(ReturnCorrelation.correlation(a, c, 3)).isCloseTo(-1.0, within(1e-12));
        assertThat(ReturnCorrelation.correlation(a, b, 4)).isNaN();
    }

    @Test
    void daysAreKeyedByUtcDayAndNonFiniteReturnsAreLeftOut() {
        TimeSeries daily = new TimeSeries(new long[] {DAY, 2 * DAY, 3 * DAY}, new double[] {0.1, Double.POSITIVE_INFINITY, -0.2});
        assertThat(ReturnCorrelation.byDay(daily)).containsExactly(Map.entry(1L, 0.1), Map.entry(3L, -0.2));
    }
}
