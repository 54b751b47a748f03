package dev.iafbt.junit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One execution of a gate: finds the bundles, inspects them in parallel, hands the verdicts out
 * in path order, and, once every verdict has been handed out, the closing checks that need the
 * whole picture: a gate that matched nothing, baseline entries without a bundle, and the baseline
 * rewrite. Both adapters (dynamic tests and the annotation's test template) replay this.
 */
final class GateRun {
    static final String NO_BUNDLES = "bundles found";
    static final String ORPHANS = "baseline entries have bundles";

    private final GateSettings settings;
    private final BundleFinder finder;
    private final List<Path> files;
    private final SortedMap<String, SortedMap<String, Double>> baselineEntries;
    // filled on the consuming thread only, as verdicts are handed out
    private final Map<String, String> bundleByAlgorithm = new HashMap<>();
    private final SortedMap<String, Map<String, Double>> recorded = new TreeMap<>();

    GateRun(GateSettings settings) {
        this.settings = settings;
        this.finder = new BundleFinder(settings.baseDir());
        this.files = finder.find(settings.patterns());
        this.baselineEntries = settings.baseline().map(b -> BaselineFile.read(b.file())).orElseGet(TreeMap::new);
    }

    /** The verdicts, lazily and in path order; bundles are read ahead on the worker pool. */
    Stream<BundleVerdict> verdicts() {
        BundleInspector inspector = new BundleInspector(settings, finder, baselineEntries);
        LookaheadIterator<Path, BundleVerdict> iterator = new LookaheadIterator<>(files, inspector::inspect, settings.parallelism());
        return StreamSupport.stream(Spliterators.spliterator(iterator, files.size(), Spliterator.ORDERED), false)
                .map(this::record);
    }

    /** Evaluated only when reached, i.e. after {@link #verdicts()} has been consumed. */
    Stream<CheckOutcome> closingChecks() {
        return Stream.of(this).flatMap(run -> run.computeClosingChecks().stream());
    }

    private BundleVerdict record(BundleVerdict verdict) {
        if (settings.baseline().isEmpty() || !verdict.readable()) {
            return verdict;
        }
        String other = bundleByAlgorithm.putIfAbsent(verdict.algorithmId(), verdict.name());
        if (other != null) {
            return verdict.withCheck(CheckOutcome.failed("unique algorithm id", verdict.displayName()
                    + ": algorithm id '" + verdict.algorithmId() + "' is also used by " + other
                    + "; the baseline is keyed by algorithm id, so each bundle needs its own"));
        }
        Map<String, Double> values = new TreeMap<>();
        verdict.summaryValues().forEach((field, value) -> values.put(field.key(), value));
        recorded.put(verdict.algorithmId(), values);
        return verdict;
    }

    private List<CheckOutcome> computeClosingChecks() {
        List<CheckOutcome> checks = new ArrayList<>();
        if (files.isEmpty()) {
            String message = "no .iafbt bundles matched " + settings.patterns() + " under " + settings.baseDir()
                    + finder.describeMisses(settings.patterns()) + "; a gate that checks nothing fails"
                    + " (set allowEmpty, or " + GateConfiguration.ALLOW_EMPTY + "=true, if that is intended)";
            checks.add(settings.allowEmpty() ? CheckOutcome.skipped(NO_BUNDLES, message) : CheckOutcome.failed(NO_BUNDLES, message));
        }
        settings.baseline().ifPresent(baseline -> checks.add(baseline.update() ? rewrite(baseline) : orphans(baseline)));
        return checks;
    }

    private CheckOutcome orphans(BaselineSettings baseline) {
        List<String> orphans = baselineEntries.keySet().stream().filter(id -> !bundleByAlgorithm.containsKey(id)).toList();
        if (orphans.isEmpty()) {
            return CheckOutcome.passed(ORPHANS);
        }
        String message = baseline.displayName() + ": " + orphans.size() + " baseline entr" + (orphans.size() == 1 ? "y has" : "ies have")
                + " no bundle: " + orphans + "; was a bundle removed or renamed? Rewrite the baseline with -D"
                + GateConfiguration.BASELINE_UPDATE + "=true";
        return baseline.failUnmatched() ? CheckOutcome.failed(ORPHANS, message) : CheckOutcome.skipped(ORPHANS, message);
    }

    private CheckOutcome rewrite(BaselineSettings baseline) {
        if (files.isEmpty()) {
            return CheckOutcome.skipped("baseline rewrite", baseline.displayName()
                    + ": not rewritten, because no bundle matched (that would erase it)");
        }
        BaselineFile.write(baseline.file(), recorded);
        List<String> removed = baselineEntries.keySet().stream().filter(id -> !recorded.containsKey(id)).toList();
        return CheckOutcome.passed("baseline rewritten: " + baseline.displayName() + " (" + recorded.size()
                + " algorithm ids" + (removed.isEmpty() ? "" : "; removed " + removed) + ")");
    }
}
