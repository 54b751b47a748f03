package dev.iafbt.check;

import dev.iafbt.model.Backtest;
import dev.iafbt.recompute.MetricsAudit;
import dev.iafbt.recompute.StaleValue;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code metricsUpToDate} rule: recomputes the bundle's metrics (at its stored risk-free rate,
 * else 0.0, as the reference's recalculation) and fails on every stored value that disagrees —
 * metrics written by an older framework version, or edited by hand. The message names the run,
 * the field, the stored and the recomputed value, and ends with the command that refreshes them.
 */
final class MetricsUpToDateCheck {
    static final String NAME = "metricsUpToDate";
    /** Enough to see what is wrong without flooding a log with a stale sweep's every field. */
    private static final int LISTED = 25;

    private MetricsUpToDateCheck() {
    }

    static CheckResult check(String prefix, Backtest backtest, double tolerance) {
        List<StaleValue> stale = MetricsAudit.audit(backtest, tolerance);
        if (stale.isEmpty()) {
            return CheckResult.passed(NAME);
        }
        String listed = stale.stream().limit(LISTED).map(StaleValue::toString).collect(Collectors.joining("; "));
        String more = stale.size() > LISTED ? "; and " + (stale.size() - LISTED) + " more" : "";
        return CheckResult.failed(NAME, prefix + stale.size() + " stored metric value(s) differ from a fresh"
                + " recomputation (tolerance " + tolerance + "): " + listed + more
                + ". Refresh them with: mvn iafbt:recompute -Diafbt.inPlace=true");
    }
}
