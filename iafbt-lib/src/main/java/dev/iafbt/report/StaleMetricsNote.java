package dev.iafbt.report;

import dev.iafbt.model.Backtest;
import dev.iafbt.recompute.MetricsAudit;
import dev.iafbt.recompute.StaleValue;
import java.util.List;
import java.util.Optional;

/**
 * The report's flag for a bundle whose stored metrics are not what the reference's v8.10.0 computes
 * from its own snapshots and trades (written by an older framework version, or edited): its
 * figures are not comparable with fresh bundles', which a reader must know before ranking on them.
 */
final class StaleMetricsNote {
    private StaleMetricsNote() {
    }

    static Optional<String> of(Strategy strategy, Backtest backtest) {
        List<StaleValue> stale;
        try {
            stale = MetricsAudit.audit(backtest, MetricsAudit.DEFAULT_TOLERANCE);
        } catch (RuntimeException cannotRecompute) {
            return Optional.empty(); // a run without snapshots: nothing to compare against
        }
        if (stale.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(strategy.algorithmId() + ": stale metrics: " + stale.size() + " stored value(s) differ from"
                + " a fresh recomputation (e.g. " + stale.get(0) + "); refresh with mvn iafbt:recompute");
    }
}
