package dev.iafbt.index;

import dev.iafbt.IafbtException;
import dev.iafbt.model.Backtest;
import dev.iafbt.recompute.MetricsAudit;
import dev.iafbt.recompute.StaleValue;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Audits the stored metrics of indexed bundles ({@link MetricsAudit}: a fresh v8.10.0
 * recomputation compared with what each bundle stores) and records the outcome in the index's side
 * table, so that {@code list}, {@code rank} and the report can flag stale bundles without
 * recomputing. Opt-in: an audit reads each bundle whole and recomputes it, far more work than
 * indexing its summary. Incremental: a bundle whose record matches its index row's file provenance
 * is not audited again. Bundles are audited on every core, a few at a time, so memory stays bounded
 * by the parallelism, and records are written in batches, so an interrupted audit keeps its work.
 */
public final class StaleMetricsAudit {
    /** Records written per transaction. */
    static final int BATCH = 64;

    /** What one refresh did; rows without file provenance are in none of the counts. */
    public record Result(int audited, int stale, int notAuditable, int alreadyAudited) {
    }

    private StaleMetricsAudit() {
    }

    /**
     * Audits every row of {@code index} without an applicable record. A relative {@code bundle_path}
     * resolves against {@code bundleFolder}; {@code progress} gets (done, to do) after each bundle.
     */
    public static Result refresh(BacktestIndex index, Path bundleFolder, BiConsumer<Integer, Integer> progress) {
        Map<String, Provenance> rows = index.provenance();
        Map<String, MetricsAuditRecord> known = index.metricsAudits();
        List<Map.Entry<String, Provenance>> todo = new ArrayList<>();
        int alreadyAudited = 0;
        for (Map.Entry<String, Provenance> row : rows.entrySet()) {
            MetricsAuditRecord record = known.get(row.getKey());
            Provenance p = row.getValue();
            if (record != null && record.appliesTo(p)) {
                alreadyAudited++;
            } else if (p.mtimeNs() != null && p.size() != null) {
                todo.add(row); // a row without provenance (the reference's upsert_many) cannot be matched: left alone
            }
        }
        AtomicInteger done = new AtomicInteger();
        int stale = 0;
        int failed = 0;
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        try {
            for (int from = 0; from < todo.size(); from += BATCH) {
                List<Map.Entry<String, Provenance>> batch = todo.subList(from, Math.min(todo.size(), from + BATCH));
                List<MetricsAuditRecord> records = pool.submit(() -> batch.parallelStream().map(row -> {
                    MetricsAuditRecord r = audit(bundleFolder, row.getKey(), row.getValue());
                    progress.accept(done.incrementAndGet(), todo.size());
                    return r;
                }).toList()).get();
                index.recordMetricsAudits(records);
                stale += (int) records.stream().filter(MetricsAuditRecord::stale).count();
                failed += (int) records.stream().filter(r -> r.staleValues() == null).count();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexException("the metrics audit of " + index.location() + " was interrupted; the bundles"
                    + " audited so far are recorded");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IndexException("the metrics audit of "
                    + index.location() + " failed: " + e.getCause());
        } finally {
            pool.shutdown();
        }
        return new Result(todo.size(), stale, failed, alreadyAudited);
    }

    /** One bundle's record; a bundle that cannot be read or recomputed gets a record saying why. */
    static MetricsAuditRecord audit(Path bundleFolder, String bundlePath, Provenance provenance) {
        Path file = Paths.get(bundlePath);
        file = file.isAbsolute() ? file : bundleFolder.resolve(file);
        try {
            List<StaleValue> stale = MetricsAudit.audit(Backtest.open(file), MetricsAudit.DEFAULT_TOLERANCE);
            return new MetricsAuditRecord(bundlePath, provenance.mtimeNs(), provenance.size(), stale.size(),
                    stale.isEmpty() ? "" : stale.get(0).toString());
        } catch (IafbtException | UncheckedIOException e) {
            return new MetricsAuditRecord(bundlePath, provenance.mtimeNs(), provenance.size(), null,
                    "not audited: " + e.getMessage());
        }
    }
}
