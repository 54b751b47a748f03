package dev.iafbt.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class GcOhlcvMojoTest {
    @Test
    void gracePeriodAcceptsShortFormsZeroAndIso() throws Exception {
        assertThat(GcOhlcvMojo.parseGrace("24h")).isEqualTo(Duration.ofHours(24));
        assertThat(GcOhlcvMojo.parseGrace(" 90m ")).isEqualTo(Duration.ofMinutes(90));
        assertThat(GcOhlcvMojo.parseGrace("2D")).isEqualTo(Duration.ofDays(2));
        assertThat(GcOhlcvMojo.parseGrace("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(GcOhlcvMojo.parseGrace("0")).isEqualTo(Duration.ZERO);
        assertThat(GcOhlcvMojo.parseGrace("PT36H")).isEqualTo(Duration.ofHours(36));
    }

    @Test
    void aBadGracePeriodSaysWhatToWrite() {
        for (String bad : new String[] {"", "soon", "-PT1H", "24 hours", "1w"}) {
            assertThatThrownBy(() -> GcOhlcvMojo.parseGrace(bad)).as(bad).isInstanceOf(MojoFailureException.class)
                    .hasMessage("iafbt.gracePeriod '" + bad + "' is not a duration; use for example"
                            + " -Diafbt.gracePeriod=24h (also 90m, 2d, 30s, 0 or PT24H)");
        }
    }
}
