package dev.iafbt.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricUnitsTest {
    @Test
    void formatDropsBinaryNoiseAndKeepsSpecialValuesReadable() {
        assertThat(MetricUnits.format(0.25279999999999997)).isEqualTo("0.2528");
        assertThat(MetricUnits.format(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(MetricUnits.format(40.0)).isEqualTo("40");
        assertThat(MetricUnits.format(-1234567.125)).isEqualTo("-1234567.125");
        assertThat(MetricUnits.format(0.05 * 100)).isEqualTo("5");
        assertThat(MetricUnits.format(1e-9)).isEqualTo("1.0E-9");
        assertThat(MetricUnits.format(Double.NaN)).isEqualTo("NaN");
        assertThat(MetricUnits.format(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        assertThat(MetricUnits.format(0)).isEqualTo("0");
    }

    @Test
    void aLimitIsRoundedToTheDigitsThatTellItFromTheValue() {
        assertThat(MetricUnits.formatAgainst(1.4271828 * 0.95, 1.2, MetricUnits.LIMIT_DIGITS)).isEqualTo("1.356");
        assertThat(MetricUnits.formatAgainst(1.35582366, 1.3558, MetricUnits.LIMIT_DIGITS)).isEqualTo("1.35582");
        assertThat(MetricUnits.formatAgainst(1.5 * 0.95, 1.2, MetricUnits.LIMIT_DIGITS)).isEqualTo("1.425");
    }
}
