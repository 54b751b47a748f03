package dev.iafbt.store;

import dev.iafbt.bundle.DocMap;
import dev.iafbt.store.object.ObjectInfo;
import dev.iafbt.store.object.ObjectStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OHLCV garbage collector of an {@link ObjectTieredStore}, with the local collector's
 * guarantees: a dry run unless asked, a grace period counted from each object's time on the
 * server, nothing deleted while any bundle is unreadable, and never a chunk a readable bundle or a
 * live writer needs.
 *
 * <ol>
 * <li>Mark: read every bundle's manifest (no lock held; writers carry on).</li>
 * <li>Plan: chunks that no bundle references and that are older than the grace period.</li>
 * <li>Sweep (not in a dry run): take {@code _iafbt/gc.lock} (a conditional PUT: one collection at
 *     a time); list the writers' leases, then the bundles again and read the manifests of those
 *     new or changed since the mark; drop from the plan every chunk they name; delete the rest;
 *     delete leases older than the grace period (crashed writers); release the lock.</li>
 * </ol>
 *
 * Why that is enough is argued in docs/stores.md ("gc-ohlcv on object storage").
 */
public final class ObjectStoreCollector {
    private ObjectStoreCollector() {
    }

    public static ObjectGcReport collect(ObjectTieredStore store, Duration grace, boolean dryRun) {
        return collect(store, grace, dryRun, Instant.now());
    }

    /** @param now the time the grace period counts back from (tests pass a later one to age objects) */
    static ObjectGcReport collect(ObjectTieredStore store, Duration grace, boolean dryRun, Instant now) {
        return collect(store, grace, dryRun, now, () -> { });
    }

    /** @param afterPlan runs between the plan and the sweep (tests put a writer there) */
    static ObjectGcReport collect(ObjectTieredStore store, Duration grace, boolean dryRun, Instant now,
            Runnable afterPlan) {
        ObjectStorage storage = store.storage();
        Instant cutoff = now.minus(grace);
        Map<String, ObjectInfo> bundles = listed(store);
        Map<String, Set<String>> references = new HashMap<>();
        List<String> unreadable = new ArrayList<>();
        mark(store, bundles.values(), references, unreadable);

        List<ObjectInfo> chunks = new ArrayList<>();
        storage.list(ObjectTieredStore.OHLCV, chunks::add);
        Set<String> stored = new HashSet<>();
        long storedBytes = 0;
        for (ObjectInfo chunk : chunks) {
            stored.add(name(chunk));
            storedBytes += chunk.size();
        }
        Set<String> referenced = new TreeSet<>();
        references.values().forEach(referenced::addAll);
        List<String> missing = new ArrayList<>();
        references.forEach((handle, names) -> names.stream().filter(n -> !stored.contains(n)).sorted()
                .forEach(n -> missing.add(handle + ": " + n)));

        WriterLeases leases = new WriterLeases(storage);
        WriterLeases.Leased leased = leases.leased(cutoff);
        Map<String, Long> sweepable = new java.util.TreeMap<>();
        int young = 0;
        for (ObjectInfo chunk : chunks) {
            String name = name(chunk);
            if (referenced.contains(name) || leased.chunks().contains(name)) {
                continue;
            }
            if (chunk.lastModified().isBefore(cutoff)) {
                sweepable.put(name, chunk.size());
            } else {
                young++;
            }
        }
        afterPlan.run();
        List<String> deleted = List.of();
        if (!dryRun && unreadable.isEmpty()) {
            deleted = sweep(store, bundles, sweepable, leased.stale(), cutoff, unreadable);
        }
        return new ObjectGcReport(storage.root(), bundles.size(), chunks.size(), storedBytes, referenced.size(),
                leased.chunks().size(), List.copyOf(sweepable.keySet()),
                sweepable.values().stream().mapToLong(Long::longValue).sum(), young, missing, unreadable, deleted,
                leased.stale().size(), dryRun, grace);
    }

    private static List<String> sweep(ObjectTieredStore store, Map<String, ObjectInfo> marked,
            Map<String, Long> sweepable, List<String> staleLeases, Instant cutoff, List<String> unreadable) {
        ObjectStorage storage = store.storage();
        WriterLeases leases = new WriterLeases(storage);
        try (WriterLeases.CollectorLock lock = leases.lockForCollection()) {
            // writers that registered before the lock: their chunks stay
            Set<String> keep = new HashSet<>(leases.leased(cutoff).chunks());
            // writers that finished between the mark and the lock: their bundles are new or changed
            List<ObjectInfo> changed = listed(store).values().stream().filter(b -> !b.equals(marked.get(b.key())))
                    .toList();
            Map<String, Set<String>> late = new HashMap<>();
            mark(store, changed, late, unreadable);
            if (!unreadable.isEmpty()) {
                return List.of();
            }
            late.values().forEach(keep::addAll);
            List<String> doomed = sweepable.keySet().stream().filter(n -> !keep.contains(n)).toList();
            if (!lock.mayDelete()) {
                throw new StoreException(storage.uri(WriterLeases.GC_LOCK) + ": the collection took longer than its"
                        + " lock may be held; nothing was deleted, run it again");
            }
            storage.deleteAll(doomed.stream().map(n -> ObjectTieredStore.OHLCV + n).toList());
            storage.deleteAll(staleLeases);
            return doomed;
        }
    }

    private static Map<String, ObjectInfo> listed(ObjectTieredStore store) {
        Map<String, ObjectInfo> bundles = new HashMap<>();
        store.bundleObjects().forEach(b -> bundles.put(b.key(), b));
        return bundles;
    }

    /** Reads the manifests of {@code bundles} (in parallel: a GET each), by handle. */
    private static void mark(ObjectTieredStore store, java.util.Collection<ObjectInfo> bundles,
            Map<String, Set<String>> references, List<String> unreadable) {
        record Marked(String handle, Set<String> names, String problem) {
        }
        List<Marked> marked = bundles.parallelStream().map(bundle -> {
            String handle = ObjectTieredStore.handleOf(bundle);
            try {
                Set<String> names = new HashSet<>();
                DocMap manifest = ChunkPlacement.manifest(store.openWholeSummary(handle));
                for (Object value : manifest.values()) {
                    if (!(value instanceof String name) || !dev.iafbt.internal.chunk.ChunkNames.isValid(name)) {
                        throw new StoreException("OHLCV manifest entry '" + value + "' is not a valid chunk name");
                    }
                    names.add(name);
                }
                return new Marked(handle, names, null);
            } catch (RuntimeException e) {
                return new Marked(handle, Set.of(), handle + ": " + e.getMessage());
            }
        }).toList();
        for (Marked m : marked) {
            if (m.problem() != null) {
                unreadable.add(m.problem());
            } else {
                references.put(m.handle(), m.names());
            }
        }
    }

    private static String name(ObjectInfo chunk) {
        return chunk.key().substring(ObjectTieredStore.OHLCV.length());
    }
}
