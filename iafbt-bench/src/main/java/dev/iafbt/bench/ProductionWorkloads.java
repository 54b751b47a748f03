package dev.iafbt.bench;

import dev.iafbt.index.Indexer;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.MetricSeries;
import dev.iafbt.model.MetricsBuilder;
import dev.iafbt.model.RunBuilder;
import dev.iafbt.model.SummaryField;
import dev.iafbt.report.HtmlReport;
import dev.iafbt.report.ReportOptions;
import dev.iafbt.report.ReportSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Issue 20's workloads for {@link ReportBenchmark}: (a) 48 copies of the reference's 11-window
 * batch fixture, (b) a real sweep's mix of small and large reference bundles, and a 12,500-bundle
 * folder (the reference's own benchmark shape) reported from its index. Not a test.
 */
final class ProductionWorkloads {
    private static final String PLUGIN = "dev.iafbt:iafbt-maven-plugin:0.1.0-SNAPSHOT:report";
    /** {@code BENCH_AUDIT} set: the reports audit their tear sheets' stored metrics ({@code -Diafbt.audit=true}). */
    private static final boolean AUDIT = System.getenv("BENCH_AUDIT") != null;

    private ProductionWorkloads() {
    }

    /** {@code sweep-a|sweep-b FIXTURES ROUNDS PROCESSES} or {@code index COUNT ROUNDS PROCESSES}. */
    static void run(String[] args, Path work) throws IOException {
        boolean index = args[0].equals("index");
        int rounds = Integer.parseInt(args[2]);
        int processes = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        long t0 = System.nanoTime();
        if (count(work) > 0) {
            System.out.println("reusing the bundles already in " + work);
        } else if (index) {
            generateSmall(Integer.parseInt(args[1]), work);
        } else if (args[0].equals("sweep-a")) {
            copies(Path.of(args[1]), work, "batch-0a0bbdc2-v2.iafbt", 48);
        } else {
            copies(Path.of(args[1]), work, "batch-0a0bbdc2-v2.iafbt", 6);
            copies(Path.of(args[1]), work, "real-0aa37205-event-v2.iafbt", 16);
            copies(Path.of(args[1]), work, "real-05764fc8-vector-v2.iafbt", 14);
            copies(Path.of(args[1]), work, "irregular-vector-v2.iafbt", 12);
        }
        System.out.printf(Locale.ROOT, "%s: %d bundles in %s, built in %.1f s; %d cores, max heap %d MiB; metrics audit %s%n",
                args[0], count(work), work, (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, AUDIT ? "on" : "off");
        if (index && !Files.exists(work.resolve(Indexer.DEFAULT_INDEX_NAME))) {
            long i0 = System.nanoTime();
            Indexer.builder(work).build().run();
            System.out.printf(Locale.ROOT, "index built in %.1f s (not part of the report's time)%n",
                    (System.nanoTime() - i0) / 1e9);
        }
        Path out = Path.of("/tmp", "iafbt-report-bench-" + args[0] + ".html");
        ReportSource source = index ? ReportSource.index(work.resolve(Indexer.DEFAULT_INDEX_NAME), work)
                : ReportSource.folder(work);
        for (int round = 1; round <= rounds; round++) {
            HeapPeak.reset();
            String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            long c0 = ReportBenchmark.cpuNanos();
            long w0 = System.nanoTime();
            HtmlReport.Result result = HtmlReport.write(source, out, ReportOptions.defaults().withAuditMetrics(AUDIT));
            long w1 = System.nanoTime();
            long c1 = ReportBenchmark.cpuNanos();
            System.out.printf(Locale.ROOT, "in-process round %d: %8.1f ms wall, %8.1f ms CPU (load %s), %d strategies,"
                    + " %d tear sheets, %d skipped, %.2f MiB (%d B), peak heap %d MiB%n", round, (w1 - w0) / 1e6,
                    (c1 - c0) / 1e6, load, result.strategies(), result.detailed(), result.skipped().size(),
                    result.bytes() / 1048576.0, result.bytes(), HeapPeak.bytes() >> 20);
        }
        String mvn = System.getenv("BENCH_MVN");
        String repo = System.getenv("BENCH_REPO");
        if (processes > 0 && mvn != null && repo != null) {
            for (int i = 1; i <= processes; i++) {
                System.out.println("whole mvn process " + i + ": " + timeProcess(mvn, repo, work));
            }
            System.out.println("Maven alone (iafbt:help): " + timeProcess(mvn, repo, null));
        }
        if (System.getenv("BENCH_NO_BROWSER") == null) {
            ReportBenchmark.browser(out);
        }
    }

    /** The report of {@code work} as a whole process; with {@code work} null, Maven alone ({@code iafbt:help}). */
    private static WholeProcess.Timing timeProcess(String mvn, String repo, Path work) throws IOException {
        try {
            return work == null ? WholeProcess.run(mvn, repo, PLUGIN.replace(":report", ":help"), List.of())
                    : WholeProcess.run(mvn, repo, PLUGIN, List.of("-Diafbt.bundles=" + work, "-Diafbt.audit=" + AUDIT,
                            "-Diafbt.outputDirectory=" + work.resolveSibling(work.getFileName() + "-out")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void copies(Path fixtures, Path work, String name, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            Files.copy(fixtures.resolve(name), work.resolve(String.format(Locale.ROOT, "%s-%02d.iafbt",
                    name.replace(".iafbt", ""), i)));
        }
    }

    /**
     * Small distinct bundles as a parameter sweep writes them: one 30-day daily run each, its
     * equity curve and a summary with the ranking metrics; seeded, so the folder is the same every time.
     */
    private static void generateSmall(int count, Path work) {
        SplittableRandom random = new SplittableRandom(20);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        Instant end = start.plusSeconds(30 * 86_400L);
        List<SummaryField> fields = List.of(SummaryField.CAGR, SummaryField.SHARPE_RATIO, SummaryField.SORTINO_RATIO,
                SummaryField.CALMAR_RATIO, SummaryField.MAX_DRAWDOWN, SummaryField.ANNUAL_VOLATILITY,
                SummaryField.TOTAL_NET_GAIN_PERCENTAGE, SummaryField.WIN_RATE, SummaryField.PROFIT_FACTOR,
                SummaryField.NUMBER_OF_TRADES, SummaryField.NUMBER_OF_WINDOWS, SummaryField.TRADES_PER_YEAR,
                SummaryField.TOTAL_NET_GAIN);
        for (int i = 0; i < count; i++) {
            long[] t = new long[31];
            double[] v = new double[31];
            double value = 1000;
            for (int d = 0; d < t.length; d++) {
                t[d] = start.toEpochMilli() + d * 86_400_000L;
                value *= 1 + random.nextGaussian() * 0.01;
                v[d] = value;
            }
            var builder = Backtest.builder(String.format(Locale.ROOT, "sweep-%05d", i)).tag("bench")
                    .parameter("fast", 5 + i % 25).parameter("slow", 50 + (i / 25) % 20 * 10).parameter("stop", i / 500)
                    .run(RunBuilder.window(start, end).name("window").tradingSymbol("EUR")
                            .metrics(MetricsBuilder.window(start, end).series("equity_curve", MetricSeries.of(t, v))));
            for (SummaryField f : fields) {
                builder.summary(f, f == SummaryField.NUMBER_OF_TRADES || f == SummaryField.NUMBER_OF_WINDOWS
                        ? (double) (1 + random.nextInt(200)) : random.nextGaussian());
            }
            builder.build().save(work.resolve(String.format(Locale.ROOT, "sweep-%05d.iafbt", i)));
        }
    }

    private static long count(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".iafbt")).count();
        }
    }
}
