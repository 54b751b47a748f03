package dev.iafbt.internal.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written fast path must read every string exactly as the general parser does, or decline. */
class IsoDateTimesTest {
    @Test
    void theCommonFormsAreReadByTheFastPath() {
        assertThat(IsoDateTimes.parseCommon("2023-12-01T00:00:00+00:00")).isEqualTo(Instant.parse("2023-12-01T00:00:00Z"));
        assertThat(IsoDateTimes.parseCommon("2023-12-01 10:20:30.5-02:30"))
                .isEqualTo(Instant.parse("2023-12-01T12:50:30.500Z"));
        assertThat(IsoDateTimes.parseCommon("2024-02-29T23:59:59.123456")).isEqualTo(Instant.parse("2024-02-29T23:59:59.123456Z"));
        assertThat(IsoDateTimes.parseCommon("2023-01-01")).isEqualTo(Instant.parse("2023-01-01T00:00:00Z"));
        assertThat(IsoDateTimes.parseCommon("2023-01-01t01:02:03z")).isEqualTo(Instant.parse("2023-01-01T01:02:03Z"));
    }

    @Test
    void formsTheFastPathDoesNotKnowAreLeftToTheGeneralParser() {
        for (String s : List.of("2023-02-31", "2023-02-30T00:00:00", "2023-12-01T24:00:00", "2023-12-01T00:00",
                "2023-12-01T00:00:00+0000", "2023-12-01Z", " 2023-12-01", "2023-12-01 ", "2023-12-01T00:00:00.",
                "2023-12-01T00:00:00.1234567890", "2023-12-01T00:00:00+18:00", "2023-13-01", "20231201")) {
            assertThat(IsoDateTimes.parseCommon(s)).as(s).isNull();
        }
        assertThat(IsoDateTimes.parse("2023-12-01T00:00:00+0000")).isEqualTo(Instant.parse("2023-12-01T00:00:00Z"));
        assertThat(IsoDateTimes.parse(" 2023-12-01 ")).isEqualTo(Instant.parse("2023-12-01T00:00:00Z"));
    }

    @Test
    void fastAndGeneralParsersAgreeOnGeneratedStrings() {
        Random random = new Random(11);
        List<String> inputs = new ArrayList<>();
        String[] separators = {"T", " ", "t"};
        String[] offsets = {"", "Z", "+00:00", "-05:30", "+14:00", "-17:59", "+03:07"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%04d-%02d-%02d", 1900 + random.nextInt(250),
                    random.nextInt(14), random.nextInt(33)));
            if (random.nextInt(5) > 0) {
                s.append(separators[random.nextInt(separators.length)]).append(String.format(Locale.ROOT,
                        "%02d:%02d:%02d", random.nextInt(25), random.nextInt(61), random.nextInt(61)));
                if (random.nextBoolean()) {
                    s.append('.').append(Long.toString(Math.abs(random.nextLong())), 0, 1 + random.nextInt(9));
                }
            }
            s.append(offsets[random.nextInt(offsets.length)]);
            inputs.add(s.toString());
        }
        int fast = 0;
        for (String s : inputs) {
            Instant quick = IsoDateTimes.parseCommon(s);
            if (quick != null) {
                fast++;
                assertThat(quick).as(s).isEqualTo(IsoDateTimes.parseGeneral(s));
            }
        }
        assertThat(fast).as("most generated strings take the fast path").isGreaterThan(inputs.size() / 2);
    }

    @Test
    void dayArithmeticAgreesWithJavaTimeOnEveryDayOfFourCenturiesAndTheEdges() {
        for (int year : new int[] {0, 1, 4, 99, 100, 400, 1582, 1899, 1900, 9999}) {
            checkYear(year);
        }
        for (int year = 1800; year <= 2200; year++) {
            checkYear(year);
        }
    }

    private static void checkYear(int year) {
        for (int month = 1; month <= 12; month++) {
            int length = java.time.YearMonth.of(year, month).lengthOfMonth();
            assertThat(IsoDateTimes.lengthOfMonth(year, month)).as(year + "-" + month).isEqualTo(length);
            for (int day = 1; day <= length; day++) {
                assertThat(IsoDateTimes.epochDay(year, month, day)).as(year + "-" + month + "-" + day)
                        .isEqualTo(java.time.LocalDate.of(year, month, day).toEpochDay());
            }
        }
    }
}
