package dev.iafbt.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.metrics.CurveReturns;
import dev.iafbt.metrics.DrawdownPeriod;
import dev.iafbt.metrics.DrawdownPeriods;
import dev.iafbt.metrics.TimeSeries;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.BacktestMetrics;
import dev.iafbt.model.BacktestRun;
import dev.iafbt.model.MetricSeries;
import dev.iafbt.report.ReportView.Cell;
import dev.iafbt.report.ReportView.KeyValue;
import dev.iafbt.report.ReportView.TearSheet;
import dev.iafbt.testing.GoldenMetrics;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The report's derived figures are the bundle's own: over every golden bundle (the reference's
 * fresh v8.10.0 recomputations and edge cases), the curve analytics the report uses reproduce each
 * run's stored monthly and yearly returns, drawdown series, max drawdown and its duration, and the
 * stored rolling Sharpe wherever it has a value; and a tear sheet shows those numbers.
 */
class ReportAgreesWithBundleTest {
    static List<String> goldenBundles() {
        return GoldenMetrics.bundleNames();
    }

    @ParameterizedTest
    @MethodSource("goldenBundles")
    void curveAnalyticsEqualTheStoredSeries(String name) {
        Backtest backtest = Backtest.open(GoldenMetrics.file(name));
        int checked = 0;
        for (BacktestRun run : backtest.runs()) {
            BacktestMetrics stored = run.metrics();
            if (stored == null || run.portfolioSnapshots().isEmpty()) {
                continue;
            }
            String where = name + " " + run.dateRangeName();
            CurveReturns returns = run.curveReturns();
            assertSame(where + " monthly_returns", returns.monthly(), stored.series("monthly_returns"));
            assertSame(where + " yearly_returns", returns.yearly(), stored.series("yearly_returns"));

            MetricSeries equity = stored.equityCurve();
            double[] values = values(equity);
            assertThat(DrawdownPeriods.underwater(values)).as(where + " drawdown_series")
                    .isEqualTo(values(stored.drawdownSeries()));
            List<DrawdownPeriod> periods = DrawdownPeriods.of(equity.epochMillis(), values);
            long end = equity.isEmpty() ? 0 : equity.epochMillisAt(equity.size() - 1);
            long longest = periods.stream().mapToLong(p -> p.lengthDays(end)).max().orElse(0);
            assertThat((double) longest).as(where + " max_drawdown_duration").isEqualTo(stored.scalar("max_drawdown_duration"));
            if (Arrays.stream(values).allMatch(v -> v > 0)) { // the reference's max_drawdown skips values <= 0
                double deepest = periods.stream().mapToDouble(DrawdownPeriod::depth).min().orElse(0.0);
                assertThat(-deepest + 0.0).as(where + " max_drawdown").isEqualTo(stored.maxDrawdown());
            }

            Map<Long, Double> rolling = byTime(returns.rollingSharpe(365));
            MetricSeries storedRolling = stored.rollingSharpeRatio();
            for (int i = 0; i < storedRolling.size(); i++) {
                if (!Double.isNaN(storedRolling.valueAt(i))) {
                    long day = Math.floorDiv(storedRolling.epochMillisAt(i), 86_400_000L) * 86_400_000L;
                    assertThat(rolling.get(day)).as(where + " rolling_sharpe_ratio at " + storedRolling.timeAt(i))
                            .isEqualTo(storedRolling.valueAt(i));
                }
            }
            checked++;
        }
        assertThat(checked).as("runs with metrics and snapshots").isPositive();
    }

    /** The production-shape bundle's tear sheet: its monthly table, KPI strip and runs table show the stored numbers. */
    @Test
    void theTearSheetShowsTheBundlesNumbers() {
        String name = "recomputed/batch-0a0bbdc2-v2.iafbt";
        Backtest backtest = Backtest.open(GoldenMetrics.file(name));
        TearSheet sheet = new TearSheetBuilder(ReportOptions.defaults())
                .build(Strategy.of(GoldenMetrics.file(name), "batch.iafbt", backtest), backtest, 1, "s1").sheet();

        BacktestRun primary = backtest.runs().stream().filter(r -> r.dateRangeName().equals(sheet.primaryRun()))
                .findFirst().orElseThrow();
        MetricSeries monthly = primary.metrics().series("monthly_returns");
        assertThat(monthly.size()).isGreaterThan(3);
        List<List<Cell>> rows = sheet.monthly().rows();
        for (int i = 0; i < monthly.size(); i++) {
            java.time.LocalDate end = java.time.LocalDate.ofInstant(monthly.timeAt(i), java.time.ZoneOffset.UTC);
            List<Cell> row = rows.stream().filter(r -> r.get(0).text().startsWith(String.valueOf(end.getYear())))
                    .findFirst().orElseThrow();
            assertThat(row.get(end.getMonthValue()).text()).as("month " + end).isEqualTo(Fmt.pct(monthly.valueAt(i)));
        }
        long filled = rows.stream().flatMap(r -> r.subList(1, 13).stream()).filter(c -> !c.text().isEmpty()).count();
        assertThat(filled).as("month cells with a value").isEqualTo(monthly.size());

        Map<String, String> kpis = sheet.kpis().stream().collect(Collectors.toMap(KeyValue::key, KeyValue::value));
        double worst = backtest.runs().stream().mapToDouble(r -> r.metrics().maxDrawdown()).max().orElseThrow();
        double shallowest = backtest.runs().stream().mapToDouble(r -> r.metrics().maxDrawdown()).min().orElseThrow();
        assertThat(worst).isGreaterThan(shallowest);
        assertThat(kpis).containsEntry(MetricCatalog.WORST_WINDOW_DRAWDOWN, Fmt.pct(worst))
                .containsEntry(MetricCatalog.SHALLOWEST_WINDOW_DRAWDOWN, Fmt.pct(backtest.summary().orElseThrow()
                        .maxDrawdown()));
        List<String> keys = sheet.kpis().stream().map(KeyValue::key).toList();
        assertThat(keys.indexOf(MetricCatalog.WORST_WINDOW_DRAWDOWN))
                .isEqualTo(keys.indexOf(MetricCatalog.SHALLOWEST_WINDOW_DRAWDOWN) + 1);

        List<String> runsDrawdowns = sheet.runs().rows().stream().map(r -> r.get(5).text()).toList();
        assertThat(runsDrawdowns).containsExactlyElementsOf(
                backtest.runs().stream().map(r -> Fmt.pct(r.metrics().maxDrawdown())).toList());
    }

    private static void assertSame(String what, TimeSeries computed, MetricSeries stored) {
        assertThat(computed.epochMillis()).as(what + " times").isEqualTo(stored.epochMillis());
        assertThat(computed.values()).as(what + " values").isEqualTo(values(stored));
    }

    private static double[] values(MetricSeries s) {
        double[] out = new double[s.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.valueAt(i);
        }
        return out;
    }

    private static Map<Long, Double> byTime(TimeSeries s) {
        Map<Long, Double> out = new java.util.HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            out.put(s.epochMillis()[i], s.values()[i]);
        }
        return out;
    }
}
