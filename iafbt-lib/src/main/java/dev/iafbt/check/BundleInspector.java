package dev.iafbt.check;

import dev.iafbt.IafbtException;
import dev.iafbt.bundle.Bundle;
import dev.iafbt.bundle.BundleReader;
import dev.iafbt.bundle.ReadOptions;
import dev.iafbt.index.IndexRow;
import dev.iafbt.index.IndexRows;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.SummaryField;
import dev.iafbt.model.SummaryMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Opens one bundle and runs every configured check on it; thread-safe, called from the gate's
 * worker pool. Never throws: an unreadable bundle, or a check that breaks on an odd bundle,
 * becomes a failed outcome whose message names the file.
 */
final class BundleInspector {
    static final String OPEN = "open";

    private final CheckSettings settings;
    private final BundleFinder finder;
    private final Optional<BaselineCheck> baseline;
    private final RoundTripTally tally;

    /** {@code baseline} is empty when there is none, or when its file is missing (one failure for the whole run). */
    BundleInspector(CheckSettings settings, BundleFinder finder, Optional<BaselineCheck> baseline, RoundTripTally tally) {
        this.settings = settings;
        this.finder = finder;
        this.baseline = baseline;
        this.tally = tally;
    }

    BundleVerdict inspect(Path file) {
        String name = finder.relativeName(file);
        byte[] bytes;
        Bundle bundle;
        String hash = null;
        Optional<Optional<String>> knownDifference = Optional.empty();
        try {
            bytes = Files.readAllBytes(file);
            if (settings.roundTrip() && settings.roundTripCache().isPresent()) {
                hash = RoundTripCache.hash(bytes);
                knownDifference = settings.roundTripCache().get().known(hash);
            }
            // a remembered round trip leaves only the summary to read, unless run rules need the runs
            boolean fullRead = !settings.runRules().isEmpty() || settings.metricsTolerance().isPresent()
                    || (settings.roundTrip() && knownDifference.isEmpty());
            bundle = BundleReader.read(bytes, file, fullRead ? ReadOptions.FULL : ReadOptions.SUMMARY_ONLY);
        } catch (IOException | RuntimeException e) {
            return new BundleVerdict(file, name, null,
                    List.of(CheckResult.failed(OPEN, name + ": cannot be read: " + describe(e))), Map.of());
        }
        List<CheckResult> checks = new ArrayList<>();
        // before the views touch the tree, so the re-encode sees exactly what was read
        if (settings.roundTrip()) {
            String key = hash;
            Optional<Optional<String>> known = knownDifference;
            tally.count(known.isPresent());
            checks.add(guarded(RoundTripCheck.NAME, name, () -> {
                Optional<String> difference = known.orElseGet(() -> key == null
                        ? RoundTripCheck.difference(name, bytes, bundle)
                        : settings.roundTripCache().get().verify(key, () -> RoundTripCheck.difference(name, bytes, bundle)));
                return difference.map(where -> CheckResult.failed(RoundTripCheck.NAME, RoundTripCheck.message(name, where)))
                        .orElse(CheckResult.passed(RoundTripCheck.NAME));
            }));
        }
        Backtest backtest;
        try {
            backtest = Backtest.of(bundle);
        } catch (RuntimeException e) {
            checks.add(0, CheckResult.failed(OPEN, name + ": cannot be read as a backtest: " + describe(e)));
            return new BundleVerdict(file, name, null, checks, Map.of());
        }
        String algorithmId = String.valueOf(backtest.algorithmId());
        String prefix = name + " (" + algorithmId + "): ";
        Optional<SummaryMetrics> summary = backtest.summary();
        if (!settings.summaryRules().isEmpty()) {
            checks.add(guarded(ThresholdCheck.SUMMARY, name,
                    () -> ThresholdCheck.summary(prefix, ThresholdCheck.applying(settings.summaryRules(), name, backtest.tag()),
                            summary)));
        }
        if (!settings.runRules().isEmpty()) {
            checks.add(guarded(ThresholdCheck.EACH_RUN, name,
                    () -> ThresholdCheck.eachRun(prefix, ThresholdCheck.applying(settings.runRules(), name, backtest.tag()),
                            backtest.runs())));
        }
        settings.metricsTolerance().ifPresent(tolerance -> checks.add(guarded(MetricsUpToDateCheck.NAME, name,
                () -> MetricsUpToDateCheck.check(prefix, backtest, tolerance))));
        Map<SummaryField, Double> values = baselineValues(summary);
        baseline.ifPresent(check -> checks.add(guarded(BaselineCheck.NAME, name,
                () -> check.check(name + " (" + algorithmId + ")", algorithmId, values))));
        return new BundleVerdict(file, name, algorithmId, checks, values, gateValue(summary),
                gateRow(backtest, name, bytes.length));
    }

    /** The value a top-N sweep gate orders by; an unusable value ranks last rather than failing here. */
    private Double gateValue(Optional<SummaryMetrics> summary) {
        return settings.gate().orderBy().map(field -> {
            try {
                return summary.map(s -> s.get(field)).orElse(null);
            } catch (RuntimeException unusable) {
                return null;
            }
        }).orElse(null);
    }

    /** The row a focus-ranking sweep gate scores, as {@code iafbt:index} would write it; null when it cannot be built (ranks last). */
    private IndexRow gateRow(Backtest backtest, String name, long size) {
        if (!settings.gate().ranksIndexRows()) {
            return null;
        }
        try {
            return IndexRows.fromBacktest(backtest, name, 0, size);
        } catch (RuntimeException unusable) {
            return null;
        }
    }

    private Map<SummaryField, Double> baselineValues(Optional<SummaryMetrics> summary) {
        Map<SummaryField, Double> values = new EnumMap<>(SummaryField.class);
        settings.baseline().ifPresent(b -> b.metrics().forEach(field -> {
            try {
                values.put(field, summary.map(s -> s.get(field)).orElse(null));
            } catch (RuntimeException unusable) {
                values.put(field, null); // the threshold check reports the unusable value with its reason
            }
        }));
        return values;
    }

    private static CheckResult guarded(String check, String name, Supplier<CheckResult> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            return CheckResult.failed(check, name + ": " + check + " could not be evaluated: " + describe(e));
        }
    }

    /** Library exceptions already name the file and the problem; anything else gets its type too. */
    private static String describe(Exception e) {
        return e instanceof IafbtException ? e.getMessage() : e.toString();
    }
}
