package dev.iafbt.rank;

import dev.iafbt.index.BacktestIndex;
import dev.iafbt.index.IndexSchema;
import dev.iafbt.index.MetricsAuditRecord;
import dev.iafbt.index.Provenance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code stale} column of {@code list} and {@code rank}: whether a row's bundle stores metrics
 * that disagree with a fresh v8.10.0 recomputation, from the audits recorded in the index's side
 * table ({@code iafbt:index -Diafbt.audit=true}). {@code true} or {@code false}; empty (null) for a
 * bundle not audited, or changed since its audit. Added only when the index holds audits and the
 * rows carry {@code bundle_path}; never a column of the reference's table.
 */
public final class StaleColumn {
    public static final String NAME = "stale";

    private StaleColumn() {
    }

    /** Adds the column to {@code rows} (in place) when there is audit data; returns the columns to show. */
    public static List<String> add(BacktestIndex index, List<LinkedHashMap<String, Object>> rows, List<String> shown) {
        if (!shown.contains(IndexSchema.BUNDLE_PATH) || shown.contains(NAME)) {
            return shown;
        }
        Map<String, MetricsAuditRecord> audits = index.metricsAudits();
        if (audits.isEmpty()) {
            return shown;
        }
        Map<String, Provenance> provenance = index.provenance();
        for (LinkedHashMap<String, Object> row : rows) {
            Object path = row.get(IndexSchema.BUNDLE_PATH);
            MetricsAuditRecord audit = path == null ? null : audits.get(path.toString());
            row.put(NAME, audit == null || audit.staleValues() == null || !audit.appliesTo(provenance.get(path.toString()))
                    ? null : audit.stale());
        }
        List<String> out = new ArrayList<>(shown);
        out.add(NAME);
        return out;
    }
}
