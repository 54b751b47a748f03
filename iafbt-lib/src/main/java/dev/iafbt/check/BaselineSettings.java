package dev.iafbt.check;

import dev.iafbt.model.SummaryField;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The baseline of one check: its file, the relative tolerance, the compared metrics, whether this
 * run rewrites the file instead of comparing, and whether unmatched entries fail or are skipped.
 *
 * @param displayName the file as the user wrote it, for messages
 */
public record BaselineSettings(Path file, String displayName, double tolerance, List<SummaryField> metrics,
                               boolean update, boolean failUnmatched) {
    public BaselineSettings {
        metrics = List.copyOf(metrics);
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("baseline " + displayName + " compares no metric: name the metrics,"
                    + " or add summary rules whose metrics it should compare");
        }
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("baseline tolerance must be a finite number >= 0, but is " + tolerance);
        }
    }

    /**
     * A baseline comparing the named metrics, or, when none are named, the metrics of the summary
     * rules (the usual case: a baseline guards what the thresholds guard).
     */
    public static BaselineSettings of(Path file, String displayName, double tolerance, List<String> metricNames,
                                      List<MetricRule> summaryRules, boolean update, boolean failUnmatched) {
        Set<SummaryField> metrics = new LinkedHashSet<>();
        metricNames.forEach(name -> metrics.add(MetricUnits.summaryField(name)));
        if (metrics.isEmpty()) {
            summaryRules.forEach(rule -> metrics.add(MetricUnits.summaryField(rule.metric())));
        }
        return new BaselineSettings(file, displayName, tolerance, List.copyOf(metrics), update, failUnmatched);
    }
}
