package dev.iafbt.crash;

import dev.iafbt.index.Indexer;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.MetricSeries;
import dev.iafbt.model.MetricsBuilder;
import dev.iafbt.model.RunBuilder;
import dev.iafbt.model.SummaryField;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The program {@link CrashSafetyTest} runs in a child JVM and kills: it saves a bundle over the
 * same target, or rebuilds or updates an index, in a loop, and prints {@code ready} once the
 * first pass is under way, so the parent knows it is killing real work.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) {
        String mode = args[0];
        Path path = Path.of(args[1]);
        switch (mode) {
            case "save" -> saveForever(path);
            case "rebuild" -> rebuildForever(path);
            case "index" -> {
                System.out.println("ready");
                Indexer.builder(path).threads(2).batchSize(20).build().run();
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
    }

    private static void saveForever(Path target) {
        System.out.println("ready");
        System.out.flush();
        for (int i = 1; ; i++) {
            backtest("saved", i, 20_000).save(target);
        }
    }

    private static void rebuildForever(Path folder) {
        System.out.println("ready");
        System.out.flush();
        while (true) {
            Indexer.builder(folder).rebuild(true).threads(2).batchSize(20).build().run();
        }
    }

    /** A backtest whose equity curve of {@code points} random values makes its save take a while. */
    static Backtest backtest(String id, long seed, int points) {
        Instant start = Instant.parse("2023-01-01T00:00:00Z");
        Instant end = start.plus(Duration.ofDays(points));
        SplittableRandom random = new SplittableRandom(seed);
        long[] times = new long[points];
        double[] values = new double[points];
        for (int i = 0; i < points; i++) {
            times[i] = start.plus(Duration.ofDays(i)).toEpochMilli();
            values[i] = 1000 + random.nextDouble() * 100;
        }
        return Backtest.builder(id).tag("crash").parameter("seed", seed)
                .run(RunBuilder.window(start, end).metrics(MetricsBuilder.window(start, end)
                        .series("equity_curve", MetricSeries.of(times, values))))
                .summary(SummaryField.SHARPE_RATIO, (double) seed)
                .build();
    }
}
