package dev.iafbt.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.metrics.DrawdownPeriod;
import dev.iafbt.metrics.DrawdownPeriods;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LttbTest {
    @Test
    void picksTheLargestTriangle() {
        Series s = ReturnCorrelationTest.daily(0, 10, 0, 0, 0);
        assertThat(Lttb.indices(s, 3)).containsExactly(0, 1, 4);
    }

    @Test
    void shortSeriesAreKeptWhole() {
        assertThat(Lttb.indices(ReturnCorrelationTest.daily(1, 2, 3), 400)).containsExactly(0, 1, 2);
    }

    @Test
    void keepsDrawdownPointsExactly() {
        SplittableRandom random = new SplittableRandom(7);
        double[] v = new double[5000];
        v[0] = 1000;
        for (int i = 1; i < v.length; i++) {
            v[i] = v[i - 1] * (1 + random.nextGaussian() * 0.01);
        }
        Series equity = ReturnCorrelationTest.daily(v);
        List<DrawdownPeriod> worst = DrawdownPeriods.worst(DrawdownPeriods.of(equity.times(), equity.values()), 5);
        int[] keep = worst.stream().flatMapToInt(d -> java.util.stream.IntStream.of(d.peakIndex(), d.valleyIndex(),
                d.recoveryIndex())).toArray();
        int[] kept = Lttb.indices(equity, 200, keep);
        assertThat(kept.length).isLessThanOrEqualTo(200 + keep.length).isGreaterThanOrEqualTo(200);
        assertThat(kept).isSorted().contains(0, v.length - 1);
        for (int k : keep) {
            if (k >= 0) {
                assertThat(kept).contains(k);
            }
        }
        // the downsampled curve has the same deepest drawdown as the full one
        Series sampled = equity.select(kept);
        assertThat(DrawdownPeriods.worst(DrawdownPeriods.of(sampled.times(), sampled.values()), 1).get(0).depth())
                .isEqualTo(worst.get(0).depth());
    }
}
