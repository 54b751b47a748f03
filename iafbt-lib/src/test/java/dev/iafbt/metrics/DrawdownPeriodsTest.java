package dev.iafbt.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Drawdown periods and the underwater curve against hand-worked values and the reference's own drawdown fields. */
class DrawdownPeriodsTest {
    private static final long DAY = 86_400_000L;

    static long[] days(int n) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * DAY;
        }
        return t;
    }

    @Test
    void periodsHavePeakFirstPointUnderWaterValleyRecoveryAndDepth() {
        double[] v = {100, 110, 99, 121, 121, 96.8, 130};
        List<DrawdownPeriod> periods = DrawdownPeriods.of(days(v.length), v);
        assertThat(periods).hasSize(2);
        DrawdownPeriod first = periods.get(0);
        assertThat(List.of(first.peakIndex(), first.underwaterIndex(), first.valleyIndex(), first.recoveryIndex()))
                .containsExactly(1, 2, 2, 3);
        assertThat(first.depth()).isCloseTo(-0.1, within(1e-12));
        DrawdownPeriod second = periods.get(1);
        // 121 twice: the peak is the later one, as the reference moves its peak on V >= peak
        assertThat(List.of(second.peakIndex(), second.underwaterIndex(), second.valleyIndex(), second.recoveryIndex()))
                .containsExactly(4, 5, 5, 6);
        assertThat(second.depth()).isCloseTo(-0.2, within(1e-12));
        // counted from the first day under water (day 5) to the recovery (day 6), as max_drawdown_duration does
        assertThat(second.lengthDays(0)).isEqualTo(1);
        assertThat(DrawdownPeriods.worst(periods, 5)).containsExactly(second, first);
        assertThat(DrawdownPeriods.worst(periods, 1)).containsExactly(second);
    }

    @Test
    void anUnrecoveredDrawdownRunsToTheEnd() {
        double[] v = {100, 80, 90, 85};
        DrawdownPeriod p = DrawdownPeriods.of(days(v.length), v).get(0);
        assertThat(p.recovered()).isFalse();
        assertThat(p.recoveryMillis()).isEqualTo(-1);
        assertThat(p.valleyIndex()).isEqualTo(1);
        assertThat(p.depth()).isCloseTo(-0.2, within(1e-12));
        assertThat(p.lengthDays(3 * DAY)).isEqualTo(2);
    }

    @Test
    void underwaterIsTheReferencesDrawdownSeries() {
        assertThat(DrawdownPeriods.underwater(new double[] {100, 110, 99, 121, 121, 96.8, 130}))
                .containsExactly(new double[] {0, 0, -0.1, 0, 0, -0.2, 0}, within(1e-12));
    }

    @Test
    void theDeepestPeriodIsMaxDrawdownAndTheLongestIsMaxDrawdownDuration() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + random.nextInt(400);
            double[] v = new double[n];
            long[] micros = new long[n];
            long[] millis = new long[n];
            v[0] = 1000;
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    v[i] = v[i - 1] * (1 + random.nextGaussian() * 0.03);
                    micros[i] = micros[i - 1] + 1_000L * (1 + random.nextInt(2 * 86_400_000));
                }
                millis[i] = micros[i] / 1000;
            }
            List<DrawdownPeriod> periods = DrawdownPeriods.of(millis, v);
            double deepest = periods.stream().mapToDouble(DrawdownPeriod::depth).min().orElse(0.0);
            long longest = periods.stream().mapToLong(p -> p.lengthDays(millis[n - 1])).max().orElse(0);
            assertThat(-deepest).as("trial %d", trial).isEqualTo(DrawdownMetrics.maxDrawdown(v));
            assertThat(longest).as("trial %d", trial).isEqualTo(DrawdownMetrics.maxDrawdownDuration(v, micros));
        }
    }
}
