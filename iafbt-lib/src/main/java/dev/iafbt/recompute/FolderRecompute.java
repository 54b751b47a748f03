package dev.iafbt.recompute;

import dev.iafbt.IafbtException;
import dev.iafbt.bundle.Bundle;
import dev.iafbt.model.Backtest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Recomputes the metrics of every bundle under a folder, as the reference's
 * {@code recalculate_backtests_in_directory} does: into an output folder that mirrors the input's
 * layout and file names, or in place. Each bundle is written atomically (temp file, fsync, rename),
 * so a failure leaves the previous file whole. A bundle whose target already holds exactly the
 * fresh metrics at this rate is skipped, so a re-run only rewrites what changed. Bundles are
 * processed on {@code parallelism} threads, one bundle per thread in memory at a time.
 */
public final class FolderRecompute {
    /** What happened to one bundle. */
    public enum Outcome { RECOMPUTED, UP_TO_DATE, FAILED }

    /** Called after each bundle, from a worker thread. */
    @FunctionalInterface
    public interface Progress {
        void bundleDone(Path bundle, Outcome outcome, int done, int total);
    }

    /**
     * @param bundles the folder searched (recursively) for {@code *.iafbt}
     * @param output the folder the recomputed bundles go to; null to write in place
     * @param riskFreeRate null for each bundle's stored rate, else 0.0 (the reference's default)
     */
    public record Settings(Path bundles, Path output, Double riskFreeRate, int parallelism) {
        public Settings {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1, is " + parallelism);
            }
        }

        public boolean inPlace() {
            return output == null;
        }
    }

    /** The bundles by outcome, each list in path order; failures with their messages. */
    public record Result(List<Path> recomputed, List<Path> upToDate, Map<Path, String> failed) {
    }

    private FolderRecompute() {
    }

    public static Result run(Settings settings, Progress progress) {
        List<Path> files = find(settings);
        AtomicInteger done = new AtomicInteger();
        Map<Path, Outcome> outcomes = Collections.synchronizedMap(new TreeMap<>());
        Map<Path, String> failed = Collections.synchronizedMap(new TreeMap<>());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.parallelism(), Math.max(1, files.size())));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Path file : files) {
                futures.add(pool.submit(() -> {
                    Outcome outcome;
                    try {
                        outcome = recomputeOne(settings, file);
                    } catch (IafbtException | UncheckedIOException e) {
                        failed.put(file, e.getMessage());
                        outcome = Outcome.FAILED;
                    } catch (RuntimeException e) {
                        failed.put(file, file + ": " + e);
                        outcome = Outcome.FAILED;
                    }
                    outcomes.put(file, outcome);
                    progress.bundleDone(file, outcome, done.incrementAndGet(), files.size());
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IafbtException("recompute of " + settings.bundles() + " interrupted");
        } catch (ExecutionException e) {
            throw new IafbtException("recompute of " + settings.bundles() + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<Path> recomputed = new ArrayList<>();
        List<Path> upToDate = new ArrayList<>();
        outcomes.forEach((file, outcome) -> {
            if (outcome == Outcome.RECOMPUTED) {
                recomputed.add(file);
            } else if (outcome == Outcome.UP_TO_DATE) {
                upToDate.add(file);
            }
        });
        return new Result(recomputed, upToDate, new TreeMap<>(failed));
    }

    /** Where {@code source} goes: its own path in place, else the same relative path under the output folder. */
    public static Path target(Settings settings, Path source) {
        return settings.inPlace() ? source : settings.output().resolve(settings.bundles().relativize(source).toString());
    }

    private static Outcome recomputeOne(Settings settings, Path file) {
        Backtest source = Backtest.open(file);
        double rate = settings.riskFreeRate() != null ? settings.riskFreeRate() : source.recomputeRiskFreeRate();
        Path target = target(settings, file);
        Backtest current = target.equals(file) ? source : Files.isRegularFile(target) ? Backtest.open(target) : null;
        if (current != null && current.formatVersion() >= 2 && MetricsAudit.audit(current, rate, 0.0).isEmpty()) {
            return Outcome.UP_TO_DATE;
        }
        source.recompute(rate).save(target);
        return Outcome.RECOMPUTED;
    }

    private static List<Path> find(Settings settings) {
        Path root = settings.bundles();
        if (!Files.isDirectory(root)) {
            throw new IafbtException(root + ": not a folder of bundles");
        }
        Path output = settings.output() == null ? null : settings.output().toAbsolutePath().normalize();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(Bundle.EXTENSION) && Files.isRegularFile(p))
                    .filter(p -> output == null || !p.toAbsolutePath().normalize().startsWith(output))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IafbtException(root + ": cannot list bundles: " + e.getMessage(), e);
        }
    }
}
