package dev.iafbt.junit;

import dev.iafbt.model.SummaryField;
import java.nio.file.Path;
import java.util.List;

/**
 * The baseline of one gate: its file, the relative tolerance, the compared metrics, whether this
 * run rewrites the file instead of comparing, and whether unmatched entries fail or are skipped.
 */
record BaselineSettings(Path file, String displayName, double tolerance, List<SummaryField> metrics,
                        boolean update, boolean failUnmatched) {
    BaselineSettings {
        metrics = List.copyOf(metrics);
    }
}
