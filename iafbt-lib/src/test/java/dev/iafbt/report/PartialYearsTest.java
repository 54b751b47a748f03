package dev.iafbt.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.metrics.CurveReturns;
import dev.iafbt.model.MetricSeries;
import dev.iafbt.report.ReportView.Cell;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A year the curve covers only in part is marked as such, in the monthly table and the yearly bars. */
class PartialYearsTest {
    private static Series daily(String from, String to) {
        long start = Instant.parse(from).toEpochMilli();
        long end = Instant.parse(to).toEpochMilli();
        int n = (int) ((end - start) / 86_400_000L) + 1;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = start + i * 86_400_000L;
            v[i] = 100 + i;
        }
        return Series.of(MetricSeries.of(t, v));
    }

    @Test
    void theFirstAndLastYearArePartialWhenTheCurveStartsOrEndsInside() {
        PartialYears p = PartialYears.of(daily("2022-03-15T00:00:00Z", "2024-06-18T00:00:00Z"));
        assertThat(List.of(p.label(2022), p.label(2023), p.label(2024))).containsExactly("2022*", "2023", "2024*");
        assertThat(p.note()).isEqualTo("* partial year, its return covers only the curve's part of it:"
                + " 2022 from 2022-03-15; 2024 until 2024-06-18.");
    }

    @Test
    void wholeYearsAreNotMarked() {
        PartialYears p = PartialYears.of(daily("2022-01-01T00:00:00Z", "2023-12-31T00:00:00Z"));
        assertThat(List.of(p.label(2022), p.label(2023))).containsExactly("2022", "2023");
        assertThat(p.note()).isEmpty();
        assertThat(PartialYears.of(Series.EMPTY).note()).isEmpty();
    }

    @Test
    void oneYearCoveredInTheMiddle() {
        PartialYears p = PartialYears.of(daily("2023-02-01T00:00:00Z", "2023-10-31T00:00:00Z"));
        assertThat(p.label(2023)).isEqualTo("2023*");
        assertThat(p.note()).endsWith("2023 from 2023-02-01 until 2023-10-31.");
    }

    @Test
    void theMonthlyTableMarksThePartialYear() {
        Series equity = daily("2022-03-15T00:00:00Z", "2023-12-31T00:00:00Z");
        CurveReturns returns = CurveReturns.of(Arrays.stream(equity.times()).map(ms -> ms * 1000).toArray(),
                equity.values(), new double[equity.size()]);
        ReportView.Table table = TearSheetBuilder.monthlyTable(TearSheetBuilder.byMonth(returns.monthly()),
                TearSheetBuilder.byYear(returns.yearly()), PartialYears.of(equity));
        assertThat(table.rows().stream().map(r -> r.get(0)).map(Cell::text)).containsExactly("2022*", "2023");
        // March 2022 is the base of the time-weighted returns: no return, an empty cell; so is the first year's
        assertThat(table.rows().get(0).get(3).text()).isEmpty();
        assertThat(table.rows().get(0).get(4).text()).isNotEmpty();
        assertThat(table.rows().get(0).get(13).text()).isEmpty();
        assertThat(table.rows().get(1).get(13).text()).isNotEmpty();
    }
}
