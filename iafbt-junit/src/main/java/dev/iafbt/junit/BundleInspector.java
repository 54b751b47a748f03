package dev.iafbt.junit;

import dev.iafbt.IafbtException;
import dev.iafbt.bundle.Bundle;
import dev.iafbt.bundle.BundleReader;
import dev.iafbt.bundle.ReadOptions;
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
import java.util.SortedMap;
import java.util.function.Supplier;

/**
 * Opens one bundle and runs every configured check on it; thread-safe, called from the gate's
 * worker pool. Never throws: an unreadable bundle, or a check that breaks on an odd bundle,
 * becomes a failed outcome whose message names the file.
 */
final class BundleInspector {
    static final String OPEN = "open";
    static final String ROUND_TRIP = "round trip";

    private final GateSettings settings;
    private final BundleFinder finder;
    private final Optional<BaselineCheck> baseline;

    BundleInspector(GateSettings settings, BundleFinder finder, SortedMap<String, SortedMap<String, Double>> baselineEntries) {
        this.settings = settings;
        this.finder = finder;
        this.baseline = settings.baseline().map(b -> new BaselineCheck(b, baselineEntries));
    }

    BundleVerdict inspect(Path file) {
        String name = finder.relativeName(file);
        byte[] bytes;
        Bundle bundle;
        try {
            bytes = Files.readAllBytes(file);
            bundle = BundleReader.read(bytes, file, settings.needsFullRead() ? ReadOptions.FULL : ReadOptions.SUMMARY_ONLY);
        } catch (IOException | RuntimeException e) {
            return new BundleVerdict(file, name, null,
                    List.of(CheckOutcome.failed(OPEN, name + ": cannot be read: " + describe(e))), Map.of());
        }
        List<CheckOutcome> checks = new ArrayList<>();
        // before the views touch the tree, so the re-encode sees exactly what was read
        if (settings.roundTrip()) {
            checks.add(guarded(ROUND_TRIP, name, () -> RoundTripCheck.check(name, bytes, bundle)
                    .map(message -> CheckOutcome.failed(ROUND_TRIP, message)).orElse(CheckOutcome.passed(ROUND_TRIP))));
        }
        Backtest backtest;
        try {
            backtest = Backtest.of(bundle);
        } catch (RuntimeException e) {
            checks.add(0, CheckOutcome.failed(OPEN, name + ": cannot be read as a backtest: " + describe(e)));
            return new BundleVerdict(file, name, null, checks, Map.of());
        }
        String algorithmId = String.valueOf(backtest.algorithmId());
        String prefix = name + " (" + algorithmId + "): ";
        Optional<SummaryMetrics> summary = backtest.summary();
        if (!settings.summaryRules().isEmpty()) {
            checks.add(guarded(ThresholdCheck.SUMMARY, name,
                    () -> ThresholdCheck.summary(prefix, settings.summaryRules(), summary)));
        }
        if (!settings.runRules().isEmpty()) {
            checks.add(guarded(ThresholdCheck.EACH_RUN, name,
                    () -> ThresholdCheck.eachRun(prefix, settings.runRules(), backtest.runs())));
        }
        Map<SummaryField, Double> values = baselineValues(summary);
        baseline.ifPresent(check -> checks.add(guarded(BaselineCheck.NAME, name,
                () -> check.check(name + " (" + algorithmId + ")", algorithmId, values))));
        return new BundleVerdict(file, name, algorithmId, checks, values);
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

    private static CheckOutcome guarded(String check, String name, Supplier<CheckOutcome> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            return CheckOutcome.failed(check, name + ": " + check + " could not be evaluated: " + describe(e));
        }
    }

    /** Library exceptions already name the file and the problem; anything else gets its type too. */
    private static String describe(Exception e) {
        return e instanceof IafbtException ? e.getMessage() : e.toString();
    }
}
