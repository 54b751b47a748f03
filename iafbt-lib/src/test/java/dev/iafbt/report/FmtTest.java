package dev.iafbt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FmtTest {
    @Test
    void coordinatesPrintLikeOneDecimalFormatting() {
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            // three decimals, never on a .x5 boundary, where binary doubles make the rounding ambiguous
            double v = (random.nextInt(2_000_000) - 1_000_000) / 1000.0 + (random.nextBoolean() ? 0.0001 : -0.0001);
            assertThat(Fmt.coord(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.1f", v));
        }
    }

    @Test
    void coordinatesKeepSignsAndRoundHalvesAwayFromZero() {
        assertThat(Fmt.coord(0)).isEqualTo("0.0");
        assertThat(Fmt.coord(-0.04)).isEqualTo("-0.0");
        assertThat(Fmt.coord(12.25)).isEqualTo("12.3");
        assertThat(Fmt.coord(-12.25)).isEqualTo("-12.3");
        assertThat(Fmt.coord(1234.96)).isEqualTo("1235.0");
        assertThat(Fmt.coord(Double.NaN)).isEqualTo("NaN");
        assertThat(Fmt.coord(1e20)).isEqualTo(String.format(Locale.ROOT, "%.1f", 1e20));
    }

    @Test
    void countsPrintLikeTheFormatter() {
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            double v = random.nextGaussian() * Math.pow(10, random.nextInt(20));
            assertThat(Fmt.count(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%d", Math.round(v)));
        }
        assertThat(Fmt.count(-0.4)).isEqualTo("0");
        assertThat(Fmt.count(2.5)).isEqualTo("3");
        assertThat(Fmt.count(Double.NaN)).isEqualTo(Fmt.NONE);
    }

    @Test
    void fixedDecimalsPrintExactlyLikeTheFormatter() {
        Random random = new Random(13);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 5) {
                case 0 -> random.nextGaussian() * Math.pow(10, random.nextInt(30) - 15);
                case 1 -> (random.nextInt(2_000_001) - 1_000_000) / Math.pow(10, random.nextInt(7));
                case 2 -> Double.longBitsToDouble(random.nextLong());
                case 3 -> random.nextInt(2001) / 8.0 - 125; // exact binary halves and quarters
                default -> (random.nextInt(2_000_001) - 1_000_000 + 0.5) / Math.pow(10, random.nextInt(7)) // decimal halves
                        + (random.nextInt(3) - 1) * Math.ulp(1.0) * random.nextInt(4);
            };
            if (!Double.isFinite(v)) {
                continue;
            }
            int digits = random.nextInt(7);
            assertThat(Fmt.fixed(v, digits)).as("%s with %d digits", v, digits)
                    .isEqualTo(String.format(Locale.ROOT, "%." + digits + "f", v));
        }
        assertThat(Fmt.fixed(-0.0, 2)).isEqualTo("-0.00");
        assertThat(Fmt.fixed(-0.001, 2)).isEqualTo("-0.00");
        assertThat(Fmt.pct(0.12345)).isEqualTo("12.35%");
        assertThat(Fmt.fixed(9.995, 2)).isEqualTo(String.format(Locale.ROOT, "%.2f", 9.995));
        assertThat(Fmt.fixed(0.0006, 3)).isEqualTo("0.001");
        assertThat(Fmt.fixed(0.0004, 3)).isEqualTo("0.000");
        assertThat(Fmt.fixed(0.5, 0)).isEqualTo("1");
        assertThat(Fmt.fixed(0.4, 0)).isEqualTo("0");
        assertThat(Fmt.fixed(99.96, 1)).isEqualTo("100.0");
        assertThat(Fmt.fixed(1.0E-20, 2)).isEqualTo("0.00");
        assertThat(Fmt.fixed(123456789.125, 2)).isEqualTo("123456789.13");
    }
}
