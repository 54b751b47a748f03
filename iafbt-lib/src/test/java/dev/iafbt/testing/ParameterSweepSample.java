package dev.iafbt.testing;

import dev.iafbt.model.Backtest;
import dev.iafbt.model.MetricSeries;
import dev.iafbt.model.MetricsBuilder;
import dev.iafbt.model.RunBuilder;
import dev.iafbt.model.SummaryField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A small synthetic parameter sweep, written by iafbt itself: 24 backtests of a moving-average
 * crossover over {@code fast_window × slow_window × stop_loss} = 3 × 4 × 2, two half-year windows
 * each, with weekly equity curves (stored as Parquet blobs) and a summary computed from them.
 * Everything is derived from the parameters with a seeded generator and {@link StrictMath}, so
 * the same version writes the same bytes on every machine: the folder {@code samples/sweep} in
 * the repository is this generator's output, and the Maven goals' documentation runs on it.
 *
 * <p>The numbers are made up; they only need to differ plausibly so that indexing, ranking and
 * reports have something to show. Regenerate with
 * {@code java -cp iafbt-lib.jar:iafbt-lib-tests.jar:… dev.iafbt.testing.ParameterSweepSample samples/sweep}
 * (see {@code samples/README.md}).
 */
public final class ParameterSweepSample {
    /** The algorithm family; every bundle's id starts with it. */
    public static final String STRATEGY = "sma-crossover";
    /** The tag of every bundle of the sweep. */
    public static final String TAG = "sample-sweep";

    static final int[] FAST_WINDOWS = {5, 10, 20};
    static final int[] SLOW_WINDOWS = {50, 100, 150, 200};
    static final double[] STOP_LOSSES = {0.02, 0.05};

    private static final double INITIAL = 1000.0;
    private static final int WEEKS = 26;
    private static final Instant[] WINDOW_STARTS = {
        Instant.parse("2023-01-02T00:00:00Z"), Instant.parse("2023-07-03T00:00:00Z")};

    private ParameterSweepSample() {
    }

    /** The number of backtests in the sweep. */
    public static int size() {
        return FAST_WINDOWS.length * SLOW_WINDOWS.length * STOP_LOSSES.length;
    }

    /** The sweep's backtests, in parameter order. */
    public static List<Backtest> backtests() {
        List<Backtest> backtests = new ArrayList<>(size());
        for (int fast : FAST_WINDOWS) {
            for (int slow : SLOW_WINDOWS) {
                for (double stopLoss : STOP_LOSSES) {
                    backtests.add(backtest(fast, slow, stopLoss));
                }
            }
        }
        return backtests;
    }

    /** Writes every backtest as {@code <dir>/<algorithm_id>.iafbt}; returns the files in order. */
    public static List<Path> write(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create sample folder " + dir, e);
        }
        List<Path> files = new ArrayList<>(size());
        for (Backtest backtest : backtests()) {
            files.add(backtest.save(dir.resolve(backtest.algorithmId() + ".iafbt")));
        }
        return files;
    }

    /** The algorithm id of one parameter combination, e.g. {@code sma-crossover-f05-s050-sl2}. */
    public static String algorithmId(int fast, int slow, double stopLoss) {
        return String.format(Locale.ROOT, "%s-f%02d-s%03d-sl%d", STRATEGY, fast, slow,
                Math.round(stopLoss * 100));
    }

    static Backtest backtest(int fast, int slow, double stopLoss) {
        // a made-up response surface: best around fast 10 / slow 150, a tighter stop cuts both tails
        double edge = 0.004 - 0.00002 * StrictMath.pow(fast - 10, 2) - 0.0000002 * StrictMath.pow(slow - 150, 2);
        double volatility = 0.02 + 0.002 * (20.0 / fast);
        SplittableRandom random = new SplittableRandom(fast * 1_000_003L + slow * 1_009L + Math.round(stopLoss * 1000));
        var builder = Backtest.builder(algorithmId(fast, slow, stopLoss))
                .tag(TAG)
                .riskFreeRate(0.027)
                .strategyId("sma_crossover")
                .parameter("fast_window", (long) fast)
                .parameter("slow_window", (long) slow)
                .parameter("stop_loss", stopLoss)
                .parameter("symbol", "BTC/EUR");
        double sharpeSum = 0;
        double worstDrawdown = 0;
        double endEquity = INITIAL;
        double volatilitySum = 0;
        long profitableWindows = 0;
        long trades = 0;
        long winningWeeks = 0;
        for (Instant start : WINDOW_STARTS) {
            Window w = simulate(random, edge, volatility, stopLoss, endEquity);
            Instant end = start.plus(Duration.ofDays(7L * WEEKS));
            RunBuilder run = RunBuilder.window(start, end)
                    .tradingSymbol("EUR")
                    .initialUnallocated(w.equity[0])
                    .snapshot(start, w.equity[0])
                    .snapshot(start.plus(Duration.ofDays(7L * WEEKS / 2)), w.equity[WEEKS / 2])
                    .snapshot(end, w.equity[WEEKS]);
            long[] times = new long[WEEKS + 1];
            for (int i = 0; i <= WEEKS; i++) {
                times[i] = start.plus(Duration.ofDays(7L * i)).toEpochMilli();
            }
            MetricsBuilder metrics = MetricsBuilder.window(start, end)
                    .sharpeRatio(w.sharpe)
                    .maxDrawdown(w.maxDrawdown)
                    .totalNetGain(w.equity[WEEKS] - w.equity[0])
                    .series("equity_curve", MetricSeries.of(times, w.equity));
            builder.run(run.metrics(metrics));
            sharpeSum += w.sharpe;
            worstDrawdown = Math.max(worstDrawdown, w.maxDrawdown);
            volatilitySum += w.annualVolatility;
            profitableWindows += w.equity[WEEKS] > w.equity[0] ? 1 : 0;
            trades += (long) (WEEKS * 7 / fast) + (slow / 50);
            winningWeeks += w.winningWeeks;
            endEquity = w.equity[WEEKS];
        }
        double windows = WINDOW_STARTS.length;
        double growth = endEquity / INITIAL - 1;
        double cagr = StrictMath.pow(endEquity / INITIAL, 52.0 / (WEEKS * windows)) - 1;
        double sharpe = sharpeSum / windows;
        return builder
                .summary(SummaryField.TOTAL_NET_GAIN, endEquity - INITIAL)
                .summary(SummaryField.TOTAL_NET_GAIN_PERCENTAGE, growth)
                .summary(SummaryField.TOTAL_GROWTH, endEquity - INITIAL)
                .summary(SummaryField.TOTAL_GROWTH_PERCENTAGE, growth)
                .summary(SummaryField.CAGR, cagr)
                .summary(SummaryField.SHARPE_RATIO, sharpe)
                .summary(SummaryField.SORTINO_RATIO, sharpe * 1.4)
                .summary(SummaryField.CALMAR_RATIO, worstDrawdown == 0 ? 0.0 : cagr / worstDrawdown)
                .summary(SummaryField.ANNUAL_VOLATILITY, volatilitySum / windows)
                .summary(SummaryField.MAX_DRAWDOWN, worstDrawdown)
                .summary(SummaryField.WIN_RATE, winningWeeks / (WEEKS * windows))
                .summary(SummaryField.NUMBER_OF_TRADES, trades)
                .summary(SummaryField.NUMBER_OF_TRADES_CLOSED, trades)
                .summary(SummaryField.NUMBER_OF_WINDOWS, (long) windows)
                .summary(SummaryField.NUMBER_OF_PROFITABLE_WINDOWS, profitableWindows)
                .summary(SummaryField.NUMBER_OF_WINDOWS_WITH_TRADES, (long) windows)
                .build();
    }

    private record Window(double[] equity, double sharpe, double maxDrawdown, double annualVolatility,
            long winningWeeks) {
    }

    private static Window simulate(SplittableRandom random, double edge, double volatility,
            double stopLoss, double start) {
        double[] equity = new double[WEEKS + 1];
        double[] returns = new double[WEEKS];
        equity[0] = round2(start);
        double peak = equity[0];
        double maxDrawdown = 0;
        long winning = 0;
        for (int i = 0; i < WEEKS; i++) {
            double r = Math.max(-stopLoss * 1.5, edge + volatility * gaussian(random));
            returns[i] = r;
            winning += r > 0 ? 1 : 0;
            equity[i + 1] = round2(equity[i] * (1 + r));
            peak = Math.max(peak, equity[i + 1]);
            maxDrawdown = Math.max(maxDrawdown, (peak - equity[i + 1]) / peak);
        }
        double mean = 0;
        for (double r : returns) {
            mean += r;
        }
        mean /= WEEKS;
        double variance = 0;
        for (double r : returns) {
            variance += (r - mean) * (r - mean);
        }
        double std = StrictMath.sqrt(variance / (WEEKS - 1));
        double annualVolatility = std * StrictMath.sqrt(52);
        double sharpe = std == 0 ? 0 : mean / std * StrictMath.sqrt(52);
        return new Window(equity, round4(sharpe), round4(maxDrawdown), round4(annualVolatility), winning);
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble(); // (0, 1]: log stays finite
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    /** Writes the sweep into the folder given as the only argument (default {@code samples/sweep}). */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "samples/sweep");
        List<Path> files = write(dir);
        System.out.println("Wrote " + files.size() + " bundles to " + dir.toAbsolutePath());
    }
}
