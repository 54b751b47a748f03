package dev.iafbt.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress lines with an estimate of the time left, on a timer that keeps going during a slow bundle. */
class ProgressMeterTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void theEstimateIsTheAverageTimePerBundleTimesWhatIsLeft() {
        AtomicLong now = new AtomicLong();
        ProgressMeter meter = ProgressMeter.manual("Checked", 480, now::get);

        now.set(5 * SECOND);
        assertThat(meter.line()).isEqualTo("Checked 0 of 480 bundle(s) (0%) in 5 s; the first bundle is still being read");
        for (int i = 0; i < 120; i++) {
            meter.step();
        }
        now.set(70 * SECOND);
        assertThat(meter.line()).isEqualTo("Checked 120 of 480 bundle(s) (25%) in 1 min 10 s; about 3 min 30 s left");
        assertThat(ProgressMeter.duration(3_900 * SECOND)).isEqualTo("1 h 5 min");
    }

    @Test
    void theTimerReportsWhileNothingFinishesAndStopsWhenClosed() throws InterruptedException {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (ProgressMeter meter = ProgressMeter.start("Checked", 3, Duration.ofMillis(50), lines::add)) {
            Thread.sleep(400); // a slow first bundle: lines come anyway
            assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("Checked 0 of 3 bundle(s)"));
        }
        int afterClose = lines.size();
        Thread.sleep(200);
        assertThat(lines).hasSize(afterClose);
    }
}
