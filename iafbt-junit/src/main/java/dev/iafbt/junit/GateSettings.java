package dev.iafbt.junit;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A gate's configuration with every default resolved: what {@link GateRun} executes. */
record GateSettings(List<String> patterns, Path baseDir, List<MetricRule> summaryRules, List<MetricRule> runRules,
                    Optional<BaselineSettings> baseline, boolean roundTrip, boolean allowEmpty, int parallelism) {

    GateSettings {
        patterns = List.copyOf(patterns);
        summaryRules = List.copyOf(summaryRules);
        runRules = List.copyOf(runRules);
    }

    /** Run rules and the round trip need the runs decoded; thresholds and baselines need only the summary. */
    boolean needsFullRead() {
        return roundTrip || !runRules.isEmpty();
    }
}
