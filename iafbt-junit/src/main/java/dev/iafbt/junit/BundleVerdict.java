package dev.iafbt.junit;

import dev.iafbt.model.SummaryField;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything the tests of one bundle need, computed off the JUnit thread: the outcome of each
 * check plus the few summary values a baseline update records. Holding this instead of the
 * decoded bundle keeps memory flat however many bundles a gate reads.
 *
 * @param algorithmId null when the bundle could not be read
 */
record BundleVerdict(Path file, String name, String algorithmId, List<CheckOutcome> checks,
                     Map<SummaryField, Double> summaryValues) {

    BundleVerdict {
        checks = List.copyOf(checks);
    }

    /** {@code backtests/momo.iafbt (momo_1)}: the test name, so IDE and Surefire reports name the bundle and its algorithm. */
    String displayName() {
        return name + " (" + (algorithmId == null ? "unreadable" : algorithmId) + ")";
    }

    boolean readable() {
        return algorithmId != null;
    }

    BundleVerdict withCheck(CheckOutcome extra) {
        List<CheckOutcome> all = new ArrayList<>(checks);
        all.add(extra);
        return new BundleVerdict(file, name, algorithmId, all, summaryValues);
    }
}
