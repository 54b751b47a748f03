package dev.iafbt.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.model.Backtest;
import dev.iafbt.model.BacktestRun;
import dev.iafbt.model.Trade;
import dev.iafbt.testing.GoldenMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every per-run field, every series point and every summary field of every golden bundle (the
 * reference's own recomputations of the fixtures and its edge cases) against the values the
 * reference computed, {@code expected.json}: within 1e-9, and the number of bit-equal values
 * reported.
 */
class ReferenceParityTest {
    private static final ParityLedger TOTAL = new ParityLedger();
    private static final List<String> BIT_EQUAL_LINES = new ArrayList<>();

    static List<String> goldenBundles() {
        return GoldenMetrics.bundleNames();
    }

    @Test
    void theGoldenDataIsThere() {
        GoldenMetrics.dir(); // skips (or fails when fixtures are required) without the golden data
        assertThat(GoldenMetrics.bundleNames()).hasSize(22);
    }

    @ParameterizedTest
    @MethodSource("goldenBundles")
    @SuppressWarnings("unchecked")
    void everyFieldEqualsTheReference(String name) {
        Map<String, Object> expected = GoldenMetrics.bundle(name);
        Backtest backtest = Backtest.open(GoldenMetrics.file(name));
        double rate = ParityLedger.expectedDouble(expected.getOrDefault("risk_free_rate_used", 0.0));
        List<Map<String, Object>> runs = (List<Map<String, Object>>) expected.get("runs");
        List<BacktestRun> actualRuns = backtest.runs();
        assertThat(actualRuns).hasSameSizeAs(runs);
        ParityLedger ledger = new ParityLedger();
        List<RunMetrics> computed = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            BacktestRun run = actualRuns.get(i);
            RunMetrics metrics = RunMetricsCalculator.compute(run.metricsInput(), rate);
            computed.add(metrics);
            compareRun(name + " run " + i, runs.get(i), metrics, run.trades(), ledger);
        }
        Map<String, Object> summary = SummaryMetricsCalculator.compute(computed);
        ((Map<String, Object>) expected.get("summary")).forEach((field, want) ->
                ledger.scalar(name + " summary " + field, want, toDouble(summary.get(field))));
        synchronized (TOTAL) {
            BIT_EQUAL_LINES.add(name + ": " + ledger.bitEqual() + " bit-equal, " + ledger.withinTolerance()
                    + " within 1e-9" + (ledger.nearMisses().isEmpty() ? "" : " " + ledger.nearMisses()));
            merge(ledger);
        }
        assertThat(ledger.mismatches()).as("values beyond 1e-9 of the reference").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static void compareRun(String where, Map<String, Object> expected, RunMetrics metrics, List<Trade> trades,
            ParityLedger ledger) {
        Map<String, Object> fields = (Map<String, Object>) expected.get("metrics");
        for (String field : RunMetrics.FIELDS) {
            Object want = fields.get(field);
            Object got = metrics.get(field);
            String at = where + " " + field;
            if (got instanceof TimeSeries series) {
                ledger.series(at, want, series);
            } else if (got instanceof DatedValue dated) {
                List<Object> pair = (List<Object>) want;
                ledger.scalar(at + ".value", pair.get(0), dated.value());
                ledger.scalar(at + ".label", pair.get(1), dated.epochMillis() == null ? null : (double) dated.epochMillis());
            } else if (got instanceof TradeCount count) {
                List<Object> pair = (List<Object>) want;
                ledger.scalar(at + ".count", pair.get(0), (double) count.count());
                ledger.scalar(at + ".percentage", pair.get(1), count.percentage());
            } else if (field.equals("best_trade") || field.equals("worst_trade")) {
                Object wantId = want == null ? null : ((Map<String, Object>) want).get("id");
                String gotId = got == null ? null : trades.get((Integer) got).id();
                assertThat(gotId).as(at).isEqualTo(wantId == null ? null : wantId.toString());
            } else {
                ledger.scalar(at, want, toDouble(got));
            }
        }
        ((Map<String, Object>) expected.get("not_persisted")).forEach((field, want) ->
                ledger.scalar(where + " " + field, want, toDouble(metrics.get(field))));
    }

    private static Double toDouble(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    private static void merge(ParityLedger ledger) {
        for (int i = 0; i < ledger.bitEqual(); i++) {
            TOTAL.scalar("", 0.0, 0.0);
        }
        for (String miss : ledger.nearMisses()) {
            TOTAL.nearMisses().add(miss);
        }
    }

    @AfterAll
    static void report() {
        // the figure docs/metrics.md quotes: printed by the test, never by the library
        BIT_EQUAL_LINES.forEach(line -> System.out.println("[parity] " + line));
        System.out.println("[parity] total: " + TOTAL.bitEqual() + " bit-equal, " + TOTAL.nearMisses().size()
                + " within 1e-9 only");
    }
}
