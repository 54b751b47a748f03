package dev.iafbt.store;

import dev.iafbt.index.IndexRow;
import dev.iafbt.index.IndexRows;
import dev.iafbt.index.Provenance;
import dev.iafbt.store.ObjectTieredStore.HeadRead;
import dev.iafbt.store.object.ObjectInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Brings an s3-tiered store's Tier 1 up to date with its bundles, incrementally, as {@code index}
 * does for a folder: one LIST of {@code bundles/}; a bundle whose row has its size and its time
 * (to the second: a LIST and a HEAD give the time at different precisions) is skipped; every
 * other is read as {@link ObjectTieredStore#openForIndex} reads it (ranged GETs of a summary-first
 * bundle's head, a whole GET otherwise), several at a time, since each waits on the network, and
 * its row written in batches of {@value #UPSERT_BATCH}. Rows
 * of handles without a bundle are removed: Tier 1 holds one row per stored handle. A bundle that
 * cannot be read keeps its old row, if any, and is reported.
 */
public final class ObjectStoreIndexing {
    /**
     * Rows written to Tier 1 per connection and transaction. Writing each row on its own opened the
     * index once per bundle: a new connection and schema check each time, tens of milliseconds on a
     * PostgreSQL Tier 1 (about the cost of a ranged read; on SQLite it is negligible).
     * A run that stops early has kept every full batch; the rest is read again on the next run.
     */
    static final int UPSERT_BATCH = 256;

    /** Hears about each bundle read; called by one thread at a time. */
    public interface Listener {
        /** @param read what was read, or null when the bundle failed ({@code failure} says why) */
        void onBundle(String handle, HeadRead read, String failure);
    }

    /**
     * @param listed       bundles in the store
     * @param indexed      bundles read and (re)written into Tier 1
     * @param unchanged    bundles whose row already described them
     * @param removed      handles whose rows were removed (no bundle)
     * @param failed       one {@code "<handle>: <reason>"} per bundle that could not be read
     * @param bytesFetched bytes transferred to read the indexed bundles
     * @param objectBytes  the indexed bundles' whole sizes
     */
    public record Result(int listed, int indexed, int unchanged, List<String> removed, List<String> failed,
            long bytesFetched, long objectBytes) {
        public Result {
            removed = List.copyOf(removed);
            failed = List.copyOf(failed);
        }

        /** Bytes fetched per indexed bundle (0 when none was read). */
        public long bytesPerBundle() {
            return indexed == 0 ? 0 : bytesFetched / indexed;
        }

        public String summary() {
            String counts = String.format(Locale.ROOT, "%,d bundle(s) listed: %,d indexed, %,d unchanged, %,d failed,"
                    + " %,d row(s) without a bundle removed", listed, indexed, unchanged, failed.size(), removed.size());
            return indexed == 0 ? counts : counts + String.format(Locale.ROOT, "; fetched %,d bytes a bundle (of %,d a"
                    + " whole bundle)", bytesPerBundle(), objectBytes / indexed);
        }
    }

    private ObjectStoreIndexing() {
    }

    /**
     * @param threads bundles read at once (at least 1)
     * @param rebuild read every bundle again, whatever its row says
     */
    public static Result refresh(ObjectTieredStore store, int threads, boolean rebuild, Listener listener) {
        store.tier1().requireConfigured();
        List<ObjectInfo> bundles = store.bundleObjects();
        Map<String, Provenance> rows = store.tier1().provenance();
        List<ObjectInfo> changed = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (ObjectInfo bundle : bundles) {
            String handle = ObjectTieredStore.handleOf(bundle);
            present.add(handle);
            if (rebuild || !describes(rows.get(handle), bundle)) {
                changed.add(bundle);
            }
        }
        List<String> removed = rows.keySet().stream().filter(h -> !present.contains(h)).sorted().toList();
        store.tier1().removeAll(removed);
        List<String> failed = new ArrayList<>();
        long[] bytes = new long[2];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<Indexed>> reads = new ArrayList<>();
            for (ObjectInfo bundle : changed) {
                reads.add(pool.submit(() -> read(store, bundle)));
            }
            List<IndexRow> pending = new ArrayList<>();
            for (int i = 0; i < changed.size(); i++) {
                String handle = ObjectTieredStore.handleOf(changed.get(i));
                HeadRead read = null;
                String failure = null;
                try {
                    Indexed indexed = reads.get(i).get();
                    read = indexed.read();
                    pending.add(indexed.row());
                    bytes[0] += read.bytesFetched();
                    bytes[1] += read.objectSize();
                } catch (ExecutionException e) {
                    failure = e.getCause().getMessage();
                    failed.add(handle + ": " + failure);
                }
                listener.onBundle(handle, read, failure);
                if (pending.size() == UPSERT_BATCH) {
                    store.tier1().upsertAll(pending);
                    pending.clear();
                }
            }
            store.tier1().upsertAll(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("indexing " + store.root() + " was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        return new Result(bundles.size(), changed.size() - failed.size(), bundles.size() - changed.size(), removed,
                failed, bytes[0], bytes[1]);
    }

    /** One bundle's head as read, and the row it gives. */
    private record Indexed(HeadRead read, IndexRow row) {
    }

    /** Reads one bundle's head and makes its row (on a pool thread; the rows are written in batches). */
    private static Indexed read(ObjectTieredStore store, ObjectInfo bundle) {
        HeadRead read = store.openForIndex(bundle);
        return new Indexed(read, IndexRows.fromBacktest(read.backtest(), ObjectTieredStore.handleOf(bundle),
                ObjectTieredStore.nanos(bundle.lastModified()), bundle.size()));
    }

    /** Whether the row has the bundle's size and time, the time compared to the second. */
    static boolean describes(Provenance row, ObjectInfo bundle) {
        return row != null && row.mtimeNs() != null && row.size() != null && row.size() == bundle.size()
                && Math.floorDiv(row.mtimeNs(), 1_000_000_000L) == bundle.lastModified().getEpochSecond();
    }
}
