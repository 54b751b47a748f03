package dev.iafbt.check;

import dev.iafbt.index.IndexRow;
import dev.iafbt.model.SummaryField;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything the report of one bundle needs, computed on a worker thread: the result of each
 * check plus the few summary values a baseline update records. Holding this instead of the
 * decoded bundle keeps memory flat however many bundles a check reads.
 *
 * @param name the file relative to the base directory, with forward slashes
 * @param algorithmId null when the bundle could not be read
 */
public record BundleVerdict(Path file, String name, String algorithmId, List<CheckResult> checks,
                     Map<SummaryField, Double> summaryValues, Double gateValue, IndexRow indexRow) {

    /**
     * @param gateValue the summary metric a {@link SweepGate} orders by, null when there is none
     *     or the bundle has no usable value
     * @param indexRow the bundle's index row when a sweep gate ranks the rows by a focus; null
     *     otherwise or when the bundle cannot be read
     */
    public BundleVerdict {
        checks = List.copyOf(checks);
    }

    /** A verdict for a check without an ordering sweep gate. */
    public BundleVerdict(Path file, String name, String algorithmId, List<CheckResult> checks,
            Map<SummaryField, Double> summaryValues) {
        this(file, name, algorithmId, checks, summaryValues, null, null);
    }

    /** {@code backtests/momo.iafbt (momo_1)}: the test name, so IDE and Surefire reports name the bundle and its algorithm. */
    public String displayName() {
        return name + " (" + (algorithmId == null ? "unreadable" : algorithmId) + ")";
    }

    public boolean readable() {
        return algorithmId != null;
    }

    /** The failed checks, in order. */
    public List<CheckResult> failures() {
        return checks.stream().filter(CheckResult::isFailure).toList();
    }

    BundleVerdict withCheck(CheckResult extra) {
        List<CheckResult> all = new ArrayList<>(checks);
        all.add(extra);
        return new BundleVerdict(file, name, algorithmId, all, summaryValues, gateValue, indexRow);
    }
}
