package dev.iafbt.report;

import dev.iafbt.index.MetricsAuditRecord;
import dev.iafbt.model.Backtest;
import dev.iafbt.recompute.MetricsAudit;
import dev.iafbt.recompute.StaleValue;
import java.util.List;

/**
 * The report's flag for a bundle whose stored metrics are not what the reference's v8.10.0 computes
 * from its own snapshots and trades (written by an older framework version, or edited): its
 * figures are not comparable with fresh bundles', which a reader must know before ranking on them.
 * Shown as a badge on the bundle's ranking row and tear sheet, and listed in the notes. Only when
 * audited: the recomputation is about half of a warm report's time, so a sheet takes the flag an
 * index recorded ({@code iafbt:index -Diafbt.audit=true}) and recomputes it only when the report's
 * options ask for it ({@link ReportOptions#auditMetrics()}).
 */
final class StaleMetrics {
    private StaleMetrics() {
    }

    /** What differs, e.g. {@code 19 stored value(s) differ from …}; empty when the metrics are fresh or cannot be recomputed. */
    static String of(Backtest backtest) {
        List<StaleValue> stale;
        try {
            stale = MetricsAudit.audit(backtest, MetricsAudit.DEFAULT_TOLERANCE);
        } catch (RuntimeException cannotRecompute) {
            return ""; // a run without snapshots: nothing to compare against
        }
        return stale.isEmpty() ? "" : detail(stale.size(), stale.get(0).toString());
    }

    /**
     * The same flag from an index's record of the bundle's audit ({@code StaleMetricsAudit}, which
     * runs the same audit): empty when it found the metrics fresh or could not recompute them.
     */
    static String of(MetricsAuditRecord record) {
        return record.stale() ? detail(record.staleValues(), record.detail()) : "";
    }

    private static String detail(int count, String first) {
        return count + " stored value(s) differ from a fresh recomputation (e.g. " + first
                + "); refresh with mvn iafbt:recompute";
    }

    /**
     * The report's one note for the sheets whose flag was neither recorded nor recomputed: an
     * empty flag there means "not checked", which a reader must not take for "fresh".
     */
    static String notAuditedNote(int sheets) {
        return "stored metrics of " + sheets + " tear sheet" + (sheets == 1 ? "" : "s") + " were"
                + " not audited against a fresh recomputation, so a stale bundle there has no badge;"
                + " audit them with mvn iafbt:report -Diafbt.audit=true, or record audits once with"
                + " mvn iafbt:index -Diafbt.audit=true and report from the index";
    }

    /** The note of the report's notes panel. */
    static String note(Strategy strategy, String detail) {
        return strategy.algorithmId() + ": stale metrics: " + detail;
    }
}
