package dev.iafbt.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Invariants of the metric suite on generated runs (hourly to multi-day snapshots, gaps, cash
 * flows, open and closed trades): snapshot order does not matter to sorted-order metrics, a zero
 * cash flow changes nothing, and scaling every amount by a power of two (exact in binary floating
 * point) scales the absolute fields exactly and leaves every ratio bit for bit as it was.
 */
class MetricsPropertyTest {
    private static final long DAY = Times.MICROS_PER_DAY;
    /** Fields read in stored list order (first and last element), which a permutation may change. */
    private static final List<String> LIST_ORDER_FIELDS = List.of("final_value", "total_net_gain",
            "total_net_gain_percentage", "total_growth", "total_growth_percentage");
    /** Fields in currency units: scaling every amount by k scales them by k. */
    private static final List<String> ABSOLUTE_FIELDS = List.of("final_value", "total_net_gain", "total_growth",
            "total_loss", "max_drawdown_absolute", "average_trade_gain", "average_trade_loss", "average_trade_return",
            "median_trade_return", "average_trade_size", "gross_profit", "gross_loss", "current_average_trade_gain",
            "current_average_trade_return", "current_average_trade_loss");

    @Property(tries = 60)
    void permutingSnapshotsChangesNoSortedOrderMetric(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 2, max = 900) int snapshots) {
        RunInput run = randomRun(new Random(seed), snapshots);
        RunInput shuffled = shuffled(run, new Random(seed ^ 0x5DEECE66DL));
        RunMetrics a = RunMetricsCalculator.compute(run, 0.027);
        RunMetrics b = RunMetricsCalculator.compute(shuffled, 0.027);
        for (String field : RunMetrics.FIELDS) {
            if (!LIST_ORDER_FIELDS.contains(field)) {
                assertSame(field, a.get(field), b.get(field));
            }
        }
    }

    @Property(tries = 60)
    void aZeroCashFlowChangesNothing(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 2, max = 900) int snapshots) {
        Random random = new Random(seed);
        RunInput run = randomRun(random, snapshots);
        double[] flows = run.cashFlows().clone();
        for (int i = 0; i < flows.length; i++) {
            if (flows[i] == 0 && random.nextBoolean()) {
                flows[i] = -0.0; // an explicit zero flow of either sign, as a writer may store it
            }
        }
        RunInput withZeroFlows = new RunInput(run.snapshotMicros(), run.totalValues(), flows, run.trades(),
                run.startMicros(), run.endMicros(), run.initialUnallocated());
        RunMetrics a = RunMetricsCalculator.compute(run, 0.0);
        RunMetrics b = RunMetricsCalculator.compute(withZeroFlows, 0.0);
        for (String field : RunMetrics.FIELDS) {
            assertSame(field, a.get(field), b.get(field));
        }
    }

    @Property(tries = 60)
    void scalingAllAmountsScalesAbsoluteFieldsAndKeepsRatios(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 2, max = 900) int snapshots, @ForAll @IntRange(min = -8, max = 8) int exponent) {
        double k = Math.scalb(1.0, exponent);
        RunInput run = randomRun(new Random(seed), snapshots);
        RunMetrics a = RunMetricsCalculator.compute(run, 0.027);
        RunMetrics b = RunMetricsCalculator.compute(scaled(run, k), 0.027);
        for (String field : RunMetrics.FIELDS) {
            Object x = a.get(field);
            Object y = b.get(field);
            if (ABSOLUTE_FIELDS.contains(field)) {
                assertThat(((Number) y).doubleValue()).as(field).isEqualTo(((Number) x).doubleValue() * k);
            } else if (field.equals("equity_curve")) {
                double[] scaledValues = ((TimeSeries) x).values().clone();
                for (int i = 0; i < scaledValues.length; i++) {
                    scaledValues[i] *= k;
                }
                assertThat(((TimeSeries) y).values()).as(field).isEqualTo(scaledValues);
            } else {
                assertSame(field, x, y);
            }
        }
        for (String field : ABSOLUTE_FIELDS) {
            if (a.notPersisted().containsKey(field)) {
                assertThat(b.number(field)).as(field).isEqualTo(a.number(field) * k);
            }
        }
    }

    private static void assertSame(String field, Object a, Object b) {
        if (a instanceof TimeSeries x && b instanceof TimeSeries y) {
            assertThat(y.epochMillis()).as(field).isEqualTo(x.epochMillis());
            assertThat(y.values()).as(field).isEqualTo(x.values());
        } else {
            assertThat(b).as(field).isEqualTo(a);
        }
    }

    /** Snapshots at distinct times (hourly to 3-daily steps, some long gaps), cash flows, trades. */
    static RunInput randomRun(Random random, int n) {
        long start = 1_672_531_200_000_000L + random.nextInt(24) * 3_600_000_000L;
        long step = switch (random.nextInt(3)) {
            case 0 -> 3_600_000_000L;
            case 1 -> DAY;
            default -> 3 * DAY;
        };
        long[] micros = new long[n];
        double[] values = new double[n];
        double[] flows = new double[n];
        long t = start;
        double value = 1000 + random.nextInt(9000);
        for (int i = 0; i < n; i++) {
            micros[i] = t;
            t += random.nextInt(40) == 0 ? step * (2 + random.nextInt(30)) : step;
            double flow = random.nextInt(25) == 0 ? (random.nextBoolean() ? 500 : -300) : 0.0;
            value = Math.max(1.0, value * (1 + random.nextGaussian() * 0.02) + flow);
            values[i] = value;
            flows[i] = flow;
        }
        List<TradeInput> trades = new ArrayList<>();
        int count = random.nextInt(20);
        for (int i = 0; i < count; i++) {
            long opened = start + (long) (random.nextDouble() * (t - start));
            boolean open = random.nextInt(5) == 0;
            long closed = open ? TradeInput.NOT_CLOSED : opened + random.nextInt(400) * 3_600_000_000L;
            trades.add(new TradeInput(open ? "OPEN" : "CLOSED", Math.round(random.nextGaussian() * 50),
                    100 + random.nextInt(900), 0.01 * (1 + random.nextInt(50)), 20000 + random.nextInt(10000),
                    open ? 0.01 : 0.0, open && random.nextBoolean() ? 25000 : Double.NaN, opened, closed));
        }
        return new RunInput(micros, values, flows, trades, start, t, values[0]);
    }

    private static RunInput shuffled(RunInput run, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < run.snapshotCount(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        long[] micros = new long[order.size()];
        double[] values = new double[order.size()];
        double[] flows = new double[order.size()];
        for (int i = 0; i < order.size(); i++) {
            micros[i] = run.snapshotMicros()[order.get(i)];
            values[i] = run.totalValues()[order.get(i)];
            flows[i] = run.cashFlows()[order.get(i)];
        }
        List<TradeInput> trades = new ArrayList<>(run.trades());
        return new RunInput(micros, values, flows, trades, run.startMicros(), run.endMicros(), run.initialUnallocated());
    }

    private static RunInput scaled(RunInput run, double k) {
        double[] values = run.totalValues().clone();
        double[] flows = run.cashFlows().clone();
        for (int i = 0; i < values.length; i++) {
            values[i] *= k;
            flows[i] *= k;
        }
        List<TradeInput> trades = run.trades().stream().map(t -> new TradeInput(t.status(), t.netGain() * k,
                t.cost() * k, t.amount(), t.openPrice() * k, t.availableAmount(), t.lastReportedPrice() * k,
                t.openedAtMicros(), t.closedAtMicros())).toList();
        return new RunInput(run.snapshotMicros(), values, flows, trades, run.startMicros(), run.endMicros(),
                run.initialUnallocated() * k);
    }
}
