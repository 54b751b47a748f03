package dev.iafbt.bench;

import dev.iafbt.model.Backtest;
import dev.iafbt.report.HtmlReport;
import dev.iafbt.report.ReportOptions;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Not a test: times {@code HtmlReport.write} in-process on two workloads, and the written report in
 * headless Chromium.
 *
 * <pre>
 * ./mvnw -B -q -Pbench -pl iafbt-lib,iafbt-bench install -DskipTests -Dinvoker.skip
 * # 48 reference-shape bundles: the 24 samples + the reference fixtures cycled to 24 files
 * ./mvnw -B -q -Pbench -pl iafbt-bench exec:exec -Dbench.main=dev.iafbt.bench.ReportBenchmark \
 *     -Dbench.args="reference $FIXTURES $PWD/samples/sweep 5"
 * # 1,000 production-shape bundles (20 distinct, 3 windows each, cloned), default topK, 512 MiB heap
 * ./mvnw -B -q -Pbench -pl iafbt-bench exec:exec -Dbench.xmx=512m -Dbench.main=dev.iafbt.bench.ReportBenchmark \
 *     -Dbench.args="production 1000 20 3 3"
 * </pre>
 * The production workloads of issue 20, built from the reference fixtures in a temp folder, each
 * timed in-process (round 1 in a cold JVM) and, with the environment variables {@code BENCH_MVN}
 * (a Maven launcher) and {@code BENCH_REPO} (the local repository the plugin is installed in), as
 * whole {@code mvn} processes started from an empty folder ({@code BENCH_NO_BROWSER} skips Chromium;
 * {@code BENCH_AUDIT} makes the reports audit their tear sheets' stored metrics, {@code -Diafbt.audit=true},
 * which every report did before it became opt-in):
 * <pre>
 * # (a) 48 copies of batch-0a0bbdc2-v2 (11 windows); (b) the real-sweep mix: 6 batch, 16 event,
 * # 14 vector, 12 irregular
 * ./mvnw -B -q -Pbench -pl iafbt-bench exec:exec -Dbench.main=dev.iafbt.bench.ReportBenchmark \
 *     -Dbench.args="sweep-a $FIXTURES 5 3"
 * ./mvnw ... -Dbench.args="sweep-b $FIXTURES 5 3" ...
 * # 12,500 small generated bundles, indexed, reported from the index (top 25 opened)
 * ./mvnw ... -Dbench.args="index 12500 5 3" ...
 * </pre>
 * Each mode keeps its last report at {@code /tmp/iafbt-report-bench-<mode>.html} and then opens it
 * in the system Chromium ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}), reporting the
 * load event and the moment the page's script has finished (charts are SVG, drawn at load).
 */
public final class ReportBenchmark {
    private ReportBenchmark() {
    }

    public static void main(String[] arguments) throws IOException {
        String[] args = BenchArgs.split(arguments);
        if (args[0].startsWith("sweep-") || args[0].equals("index")) {
            // BENCH_WORK keeps the generated folder for the next run (12,500 bundles take minutes to write)
            String kept = System.getenv("BENCH_WORK");
            Path folder = kept != null ? Files.createDirectories(Path.of(kept)) : Files.createTempDirectory("iafbt-report-bench-");
            try {
                ProductionWorkloads.run(args, folder);
            } finally {
                if (kept == null) {
                    deleteTree(folder);
                }
            }
            return;
        }
        Path work = Files.createTempDirectory("iafbt-report-bench-");
        try {
            int rounds;
            if (args[0].equals("reference")) {
                referenceShape(Path.of(args[1]), Path.of(args[2]), work);
                rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
            } else {
                productionShape(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), work);
                rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
            }
            Path out = Path.of("/tmp", "iafbt-report-bench-" + args[0] + ".html");
            long onDisk = 0;
            try (Stream<Path> files = Files.list(work)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    onDisk += Files.size(p);
                }
            }
            System.out.printf(Locale.ROOT, "%s: %d bundles (%.1f MiB) in %s, %d cores, max heap %d MiB%n", args[0],
                    count(work), onDisk / 1048576.0, work, Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
            for (int round = 1; round <= rounds; round++) {
                HeapPeak.reset();
                double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                long c0 = cpuNanos();
                long t0 = System.nanoTime();
                HtmlReport.Result result = HtmlReport.write(work, out, ReportOptions.defaults());
                long t1 = System.nanoTime();
                long c1 = cpuNanos();
                System.out.printf(Locale.ROOT, "round %d: %8.1f ms wall, %8.1f ms CPU (load average %.1f), %d strategies,"
                        + " %d tear sheets, %d skipped, %.2f MiB (%d B), peak heap %d MiB%n", round, (t1 - t0) / 1e6,
                        (c1 - c0) / 1e6, load, result.strategies(),
                        result.detailed(), result.skipped().size(), result.bytes() / 1048576.0, result.bytes(),
                        HeapPeak.bytes() >> 20);
            }
            browser(out);
        } finally {
            deleteTree(work);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void referenceShape(Path fixtures, Path samples, Path work) throws IOException {
        List<Path> sampleFiles = bundles(samples);
        for (Path p : sampleFiles) {
            Files.copy(p, work.resolve(p.getFileName()));
        }
        List<Path> fixtureFiles = bundles(fixtures);
        for (int i = 0; i < 48 - sampleFiles.size(); i++) {
            Path p = fixtureFiles.get(i % fixtureFiles.size());
            Files.copy(p, work.resolve(String.format(Locale.ROOT, "fixture-%02d-%s", i, p.getFileName())));
        }
    }

    /** {@code distinct} generated bundles, each cloned byte for byte until there are {@code count}. */
    private static void productionShape(int count, int distinct, int runs, Path work) throws IOException {
        List<byte[]> templates = new ArrayList<>();
        for (int i = 0; i < distinct; i++) {
            Path one = ProductionShape.generate(String.format(Locale.ROOT, "prod-%02d", i), runs, 1000L + i)
                    .save(work.resolve("template.iafbt"));
            templates.add(Files.readAllBytes(one));
            Files.delete(one);
        }
        for (int i = 0; i < count; i++) {
            Files.write(work.resolve(String.format(Locale.ROOT, "algo_%05d.iafbt", i)), templates.get(i % distinct));
        }
    }

    static void browser(Path report) {
        Path chromium = Path.of("/usr/bin/chromium");
        Path driver = Path.of("/usr/bin/chromedriver");
        if (!Files.isExecutable(chromium) || !Files.isExecutable(driver)) {
            System.out.println("browser: skipped, no /usr/bin/chromium or /usr/bin/chromedriver");
            return;
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1300,1600");
        ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driver.toString())).usingAnyFreePort().build(), options);
        try {
            for (int round = 1; round <= 3; round++) {
                long t0 = System.nanoTime();
                browser.get(report.toUri().toString() + "?round=" + round);
                new WebDriverWait(browser, Duration.ofSeconds(60))
                        .until(d -> "1".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
                long wall = (System.nanoTime() - t0) / 1_000_000;
                Object load = browser.executeScript("var t = performance.getEntriesByType('navigation')[0];"
                        + " return Math.round(t.loadEventEnd);");
                String ready = browser.findElement(By.tagName("body")).getAttribute("data-ready-ms");
                int charts = browser.findElements(By.cssSelector("svg")).size();
                System.out.printf(Locale.ROOT, "browser round %d: script done at %s ms, load event end %s ms,"
                        + " %d SVG charts in the page, wall %d ms (incl. WebDriver)%n", round, ready, load, charts, wall);
            }
        } finally {
            browser.quit();
        }
    }

    private static List<Path> bundles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".iafbt")).sorted().toList();
        }
    }

    private static long count(Path dir) throws IOException {
        return bundles(dir).size();
    }

    /**
     * CPU time of the whole process: on a shared, loaded machine wall time mostly measures the
     * other processes; CPU time still says what the work costs.
     */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
