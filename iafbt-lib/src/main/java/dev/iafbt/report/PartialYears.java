package dev.iafbt.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The calendar years an equity curve covers only in part (UTC): the first, when the curve starts
 * after its 1 January, and the last, when it ends before its 31 December. Their returns are
 * of the covered months only, so the sheet marks them ({@code 2023*}) instead of showing them
 * as whole years.
 */
record PartialYears(int firstYear, LocalDate start, int lastYear, LocalDate end, boolean firstPartial,
        boolean lastPartial) {

    static PartialYears of(Series equity) {
        if (equity.isEmpty()) {
            return new PartialYears(0, null, 0, null, false, false);
        }
        LocalDate start = day(equity.times()[0]);
        LocalDate end = day(equity.times()[equity.size() - 1]);
        return new PartialYears(start.getYear(), start, end.getYear(), end, start.getDayOfYear() != 1,
                !(end.getMonthValue() == 12 && end.getDayOfMonth() == 31));
    }

    boolean isPartial(int year) {
        return year == firstYear && firstPartial || year == lastYear && lastPartial;
    }

    /** The year as a label: {@code 2023}, or {@code 2023*} when partial. */
    String label(int year) {
        return isPartial(year) ? year + "*" : String.valueOf(year);
    }

    /** Empty when every year is whole; otherwise what the {@code *} means, with the dates covered. */
    String note() {
        List<String> parts = new ArrayList<>();
        if (firstPartial) {
            parts.add(String.format(Locale.ROOT, "%d from %s", firstYear, start));
        }
        if (lastPartial && !(firstPartial && firstYear == lastYear)) {
            parts.add(String.format(Locale.ROOT, "%d until %s", lastYear, end));
        } else if (lastPartial) {
            parts.set(0, String.format(Locale.ROOT, "%d from %s until %s", firstYear, start, end));
        }
        return parts.isEmpty() ? "" : "* partial year, its return covers only the curve's part of it: "
                + String.join("; ", parts) + ".";
    }

    private static LocalDate day(long epochMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }
}
