package dev.iafbt.store;

import dev.iafbt.index.IndexRows;
import dev.iafbt.index.Provenance;
import dev.iafbt.internal.chunk.ChunkNames;
import dev.iafbt.model.Backtest;
import dev.iafbt.store.StoreCheck.Kind;
import dev.iafbt.store.StoreCheck.Problem;
import dev.iafbt.store.object.ObjectInfo;
import dev.iafbt.store.object.ObjectStorage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link ObjectTieredStore#verify()} and {@link ObjectTieredStore#repair()}, with the local
 * store's semantics: the bundles are the source of truth; Tier-1 rows and Tier-2 objects that
 * disagree with them are reported, and repaired from them; missing chunks, chunks whose bytes no
 * longer match their SHA-256 name and unreadable bundles are reported and left alone (data loss no
 * bundle can undo). Repair never deletes a bundle or a chunk.
 *
 * <p>There is no lock to hold writers off, so what a live writer may be half-way through is left
 * out: a Tier-2 object written since the oldest live writer lease was put (its bundle may not be
 * there yet). Repair takes the OHLCV collector's lock, so no collection runs beside it, and
 * writers that start meanwhile wait for it before they write anything.
 */
final class ObjectStoreCheck {
    private final ObjectTieredStore store;
    private final ObjectStorage storage;
    private final CheckFindings findings;
    /** Tier-2 objects at or after this instant may belong to a live writer; null when none is writing. */
    private Instant inFlightSince;

    private ObjectStoreCheck(ObjectTieredStore store, boolean repair) {
        this.store = store;
        this.storage = store.storage();
        this.findings = new CheckFindings(repair);
    }

    static StoreCheck run(ObjectTieredStore store, boolean repair) {
        store.tier1().requireConfigured();
        ObjectStoreCheck check = new ObjectStoreCheck(store, repair);
        if (!repair) {
            return check.check();
        }
        try (WriterLeases.CollectorLock lock = new WriterLeases(store.storage()).lockForCollection()) {
            return check.check();
        }
    }

    private StoreCheck check() {
        WriterLeases leases = new WriterLeases(storage);
        inFlightSince = leases.oldestLive(Instant.now().minus(WriterLeases.LOCK_MAX_AGE)).orElse(null);
        List<ObjectInfo> bundles = store.bundleObjects();
        Map<String, Provenance> rows = store.tier1().provenance();
        Map<String, ObjectInfo> partitions = new TreeMap<>();
        storage.list(ObjectTieredStore.PARQUET, info -> partitions.put(info.key(), info));
        Map<String, ObjectInfo> chunks = new HashMap<>();
        storage.list(ObjectTieredStore.OHLCV, info -> chunks.put(info.key(), info));

        Set<String> handles = new HashSet<>();
        Map<String, List<String>> referencedBy = new TreeMap<>();
        for (ObjectInfo bundle : bundles) {
            String handle = ObjectTieredStore.handleOf(bundle);
            handles.add(handle);
            checkBundle(bundle, handle, rows.get(handle), partitions, referencedBy);
        }
        checkChunks(referencedBy, chunks);
        rows.keySet().stream().filter(h -> !handles.contains(h)).sorted().forEach(handle -> {
            if (fix(new Problem(Kind.ORPHAN_INDEX_ROW, handle, store.tier1Location(), "index row without a bundle"))) {
                store.tier1().remove(handle);
            }
        });
        partitions.values().forEach(partition -> {
            String handle = partitionHandle(partition.key());
            if (handle != null && !handles.contains(handle) && settled(partition)
                    && fix(new Problem(Kind.ORPHAN_PARTITION, handle, storage.uri(partition.key()),
                            "Tier-2 object without a bundle"))) {
                storage.delete(partition.key());
            }
        });
        return findings.result(storage.root());
    }

    private void checkBundle(ObjectInfo bundle, String handle, Provenance row, Map<String, ObjectInfo> partitions,
            Map<String, List<String>> referencedBy) {
        Backtest backtest;
        Backtest forIndex;
        try {
            byte[] bytes = storage.get(bundle.key()).orElseThrow(() -> new StoreException("gone while being checked"));
            backtest = store.decodeBundle(bytes, bundle.key(), false);
            forIndex = store.decodeBundle(bytes, bundle.key(), true);
        } catch (RuntimeException e) {
            fix(new Problem(Kind.UNREADABLE_BUNDLE, handle, storage.uri(bundle.key()), e.getMessage()));
            return;
        }
        if (!ObjectStoreIndexing.describes(row, bundle)) {
            Kind kind = row == null ? Kind.MISSING_INDEX_ROW : Kind.STALE_INDEX_ROW;
            if (fix(new Problem(kind, handle, store.tier1Location(), row == null ? "bundle without an index row"
                    : "index row does not describe the bundle (object time or size differ)"))) {
                store.tier1().upsert(IndexRows.fromBacktest(forIndex, handle, ObjectTieredStore.nanos(bundle.lastModified()),
                        bundle.size()));
            }
        }
        Tier2Writer.encode(backtest, handle).forEach((dataset, expected) -> {
            String key = ObjectTieredStore.PARQUET + Tier2Writer.partitionKey(dataset, handle);
            checkPartition(handle, dataset, key, partitions.remove(key), expected);
        });
        ChunkPlacement.manifest(backtest).forEach((series, name) ->
                referencedBy.computeIfAbsent(String.valueOf(name), n -> new ArrayList<>()).add(handle));
    }

    private void checkPartition(String handle, Tier2Dataset dataset, String key, ObjectInfo stored, byte[] expected) {
        if (stored != null && !settled(stored)) {
            return;
        }
        byte[] actual = stored == null ? null : storage.get(key).orElse(null);
        Problem problem = CheckFindings.tier2Problem(handle, dataset, storage.uri(key), "Tier-2 object", expected, actual);
        if (problem != null && fix(problem)) {
            if (expected == null) {
                storage.delete(key);
            } else {
                storage.put(key, expected);
            }
        }
    }

    /** Each referenced chunk: present (a LIST), and its bytes still the ones its name is the SHA-256 of (a GET each). */
    private void checkChunks(Map<String, List<String>> referencedBy, Map<String, ObjectInfo> chunks) {
        referencedBy.forEach((name, handles) -> {
            String key = ObjectTieredStore.OHLCV + name;
            Optional<byte[]> bytes = chunks.containsKey(key) ? storage.get(key) : Optional.empty();
            Kind kind = bytes.isEmpty() ? Kind.MISSING_CHUNK
                    : ChunkNames.isValid(name) && ChunkNames.forContent(bytes.get()).equals(name) ? null : Kind.CORRUPT_CHUNK;
            if (kind != null) {
                for (String handle : handles) {
                    fix(new Problem(kind, handle, storage.uri(key), kind == Kind.MISSING_CHUNK
                            ? "OHLCV chunk is missing (data loss: restore it, or write the backtest again from its source)"
                            : "OHLCV chunk's content does not match its SHA-256 name (data loss: restore it, or write"
                                    + " the backtest again from its source; readers refuse it)"));
                }
            }
        });
    }

    /** Whether no live writer can be half-way through writing this object. */
    private boolean settled(ObjectInfo object) {
        return inFlightSince == null || object.lastModified().isBefore(inFlightSince);
    }

    /** The handle of a key {@code parquet/<dataset>/run_id=<handle>/part-0.parquet}; null for any other key. */
    private static String partitionHandle(String key) {
        String[] parts = key.substring(ObjectTieredStore.PARQUET.length()).split("/");
        if (parts.length != 3 || !parts[1].startsWith("run_id=")) {
            return null;
        }
        return PartitionNames.decode(parts[1].substring("run_id=".length()));
    }

    private boolean fix(Problem problem) {
        return findings.fix(problem);
    }
}
