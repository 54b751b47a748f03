package dev.iafbt.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One execution of a check: finds the bundles, inspects them in parallel, hands the verdicts out
 * in path order, and, once every verdict has been handed out, the closing checks that need the
 * whole picture: nothing matched, a missing or shared baseline, baseline entries without a bundle,
 * and the baseline rewrite. The JUnit gates and the {@code iafbt:check} goal both report this.
 */
public final class CheckRun {
    /** The closing check that fails (or, when allowed, skips) a run whose patterns matched nothing. */
    public static final String NO_BUNDLES = "bundles found";
    /** The closing check that every baseline entry still has its bundle. */
    public static final String ORPHANS = "baseline entries have bundles";
    /** The closing check that the baseline file exists and belongs to this run's bundles. */
    public static final String BASELINE_FILE = "baseline file";

    private final CheckSettings settings;
    private final BundleFinder finder;
    private final List<Path> files;
    private final BaselineFile.Contents baselineContents;
    private final Optional<String> baselineRefusal;
    private final Optional<BaselineCheck> baselineCheck;
    private final RoundTripTally roundTrips = new RoundTripTally();
    // filled on the consuming thread only, as verdicts are handed out
    private final Map<String, String> bundleByAlgorithm = new HashMap<>();
    private final SortedMap<String, Map<String, Double>> recorded = new TreeMap<>();
    /** The sweep gate's own result, once the verdicts are consumed; null without a gate. */
    private CheckResult gateResult;

    /** Finds the bundles and reads the baseline file; nothing is checked until the verdicts are consumed. */
    public CheckRun(CheckSettings settings) {
        this.settings = settings;
        this.finder = new BundleFinder(settings.baseDir());
        this.files = finder.find(settings.patterns());
        this.baselineContents = settings.baseline().map(b -> BaselineFile.contents(b.file()))
                .orElse(new BaselineFile.Contents(false, Optional.empty(), new TreeMap<>()));
        this.baselineRefusal = settings.baseline().flatMap(this::refusal);
        this.baselineCheck = comparableBaseline();
    }

    /** How many bundle files the patterns matched. */
    public int bundleCount() {
        return files.size();
    }

    /** The verdicts, lazily and in path order; bundles are read ahead on the worker pool. */
    public Stream<BundleVerdict> verdicts() {
        BundleInspector inspector = new BundleInspector(settings, finder, baselineCheck, roundTrips);
        LookaheadIterator<Path, BundleVerdict> iterator = new LookaheadIterator<>(files, inspector::inspect, settings.parallelism());
        Stream<BundleVerdict> verdicts = StreamSupport.stream(Spliterators.spliterator(iterator, files.size(),
                Spliterator.ORDERED), false).map(this::record);
        if (settings.gate() == SweepGate.every()) {
            return verdicts;
        }
        // a sweep gate decides over all verdicts, so they are gathered first (they are small)
        return Stream.of(this).flatMap(run -> {
            SweepGate.Decision decision = settings.gate().decide(verdicts.toList());
            gateResult = decision.result();
            return decision.verdicts().stream();
        });
    }

    /** How many round trips so far were re-encoded and how many were already remembered; complete once the verdicts are consumed. */
    public RoundTripCounts roundTrips() {
        return roundTrips.counts();
    }

    /** Evaluated only when reached, i.e. after {@link #verdicts()} has been consumed. */
    public Stream<CheckResult> closingChecks() {
        return Stream.of(this).flatMap(run -> run.computeClosingChecks().stream());
    }

    /** Per-bundle baseline checks run only when there is a file to compare with (or to rewrite) that this check may use. */
    private Optional<BaselineCheck> comparableBaseline() {
        return settings.baseline()
                .filter(b -> baselineRefusal.isEmpty() && (b.update() || baselineContents.exists()))
                .map(b -> new BaselineCheck(b, baselineContents.entries()));
    }

    /** The patterns as the baseline file records its owner. */
    private String owner() {
        return settings.patterns().stream().map(p -> p.replace('\\', '/').replaceAll("/+$", "")).toList().toString();
    }

    /**
     * Two checks over different bundles sharing one file would see each other's entries as
     * orphans, and each update would erase the other's; refuse that with the reason instead.
     * Checks over the same patterns share a file fine. An update may take a file over (that is
     * how a check's patterns change), unless another check rewrote it earlier in this JVM.
     */
    private Optional<String> refusal(BaselineSettings baseline) {
        String mine = owner();
        Optional<String> other = baseline.update()
                ? BaselineClaims.claim(baseline.file(), mine)
                : baselineContents.owner().filter(owner -> !owner.equals(mine));
        return other.map(owner -> baseline.displayName() + " is the baseline of the check over bundles " + owner
                + ", but this check reads " + mine + ". Checks over different bundles cannot share a baseline file"
                + " (each would report the other's entries as orphans, and each update would erase them): give this"
                + " check its own file" + (baseline.update() ? "." : ", or, if you changed its bundles on purpose,"
                + " rewrite it with -D" + CheckSettings.BASELINE_UPDATE + "=true."));
    }

    private BundleVerdict record(BundleVerdict verdict) {
        if (baselineCheck.isEmpty() || !verdict.readable()) {
            return verdict;
        }
        String other = bundleByAlgorithm.putIfAbsent(verdict.algorithmId(), verdict.name());
        if (other != null) {
            return verdict.withCheck(CheckResult.failed("unique algorithm id", verdict.displayName()
                    + ": algorithm id '" + verdict.algorithmId() + "' is also used by " + other
                    + "; the baseline is keyed by algorithm id, so each bundle needs its own"));
        }
        Map<String, Double> values = new TreeMap<>();
        verdict.summaryValues().forEach((field, value) -> values.put(field.key(), value));
        recorded.put(verdict.algorithmId(), values);
        return verdict;
    }

    private List<CheckResult> computeClosingChecks() {
        List<CheckResult> checks = new ArrayList<>();
        if (files.isEmpty()) {
            String message = "no .iafbt bundles matched " + settings.patterns() + " under " + settings.baseDir()
                    + finder.describeMisses(settings.patterns()) + "; checking nothing is a failure"
                    + " (" + settings.allowEmptyHint() + ", if that is intended)";
            checks.add(settings.allowEmpty() ? CheckResult.skipped(NO_BUNDLES, message) : CheckResult.failed(NO_BUNDLES, message));
        }
        settings.baseline().ifPresent(baseline -> checks.add(closingBaselineCheck(baseline)));
        if (gateResult != null && !files.isEmpty()) {
            checks.add(gateResult);
        }
        checks.addAll(SummaryQuirks.notes(settings.summaryRules()));
        return checks;
    }

    private CheckResult closingBaselineCheck(BaselineSettings baseline) {
        if (baselineRefusal.isPresent()) {
            return CheckResult.failed(BASELINE_FILE, baselineRefusal.get());
        }
        if (baseline.update()) {
            return rewrite(baseline);
        }
        if (!baselineContents.exists()) {
            return CheckResult.failed(BASELINE_FILE, baseline.displayName() + " does not exist (" + baseline.file()
                    + "). Record the current values of " + files.size() + " bundle(s) with -D"
                    + CheckSettings.BASELINE_UPDATE + "=true (e.g. mvn verify -D" + CheckSettings.BASELINE_UPDATE
                    + "=true), then review and commit the file.");
        }
        return orphans(baseline);
    }

    private CheckResult orphans(BaselineSettings baseline) {
        List<String> orphans = baselineContents.entries().keySet().stream().filter(id -> !bundleByAlgorithm.containsKey(id)).toList();
        if (orphans.isEmpty()) {
            return CheckResult.passed(ORPHANS);
        }
        String message = baseline.displayName() + ": " + orphans.size() + " baseline entr" + (orphans.size() == 1 ? "y has" : "ies have")
                + " no bundle: " + orphans + "; was a bundle removed or renamed? Rewrite the baseline with -D"
                + CheckSettings.BASELINE_UPDATE + "=true";
        return baseline.failUnmatched() ? CheckResult.failed(ORPHANS, message) : CheckResult.skipped(ORPHANS, message);
    }

    private CheckResult rewrite(BaselineSettings baseline) {
        if (files.isEmpty()) {
            return CheckResult.skipped("baseline rewrite", baseline.displayName()
                    + ": not rewritten, because no bundle matched (that would erase it)");
        }
        BaselineFile.write(baseline.file(), Optional.of(owner()), recorded);
        List<String> removed = baselineContents.entries().keySet().stream().filter(id -> !recorded.containsKey(id)).toList();
        String name = "baseline rewritten: " + baseline.displayName() + " (" + recorded.size()
                + " algorithm ids" + (removed.isEmpty() ? "" : "; removed " + removed) + ")";
        return CheckResult.passed(name, BaselineChanges.describe(baseline, baselineContents.entries(), recorded));
    }
}
