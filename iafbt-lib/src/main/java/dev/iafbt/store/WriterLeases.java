package dev.iafbt.store;

import dev.iafbt.store.object.ObjectInfo;
import dev.iafbt.store.object.ObjectStorage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * How writers and the OHLCV collector of an object store stay out of each other's way without
 * renames or a lock server (docs/stores.md argues it):
 *
 * <ul>
 * <li>a writer first PUTs a <em>lease</em>, {@code _iafbt/leases/<uuid>}, naming the chunks its
 *     bundle will reference, then waits while a collector holds {@code _iafbt/gc.lock}, and only
 *     then asks which chunks are stored; it deletes the lease after its Tier-1 row;</li>
 * <li>the collector takes the lock with a conditional PUT (one collector at a time) before it
 *     lists the leases and the bundles again, and deletes only chunks that neither names.</li>
 * </ul>
 *
 * A writer whose lease the collector did not see put it after the lock existed, so it waits until
 * the deletions are over and then finds (and re-uploads) exactly what is gone.
 */
final class WriterLeases {
    static final String LEASES = "_iafbt/leases/";
    static final String GC_LOCK = "_iafbt/gc.lock";
    /**
     * A collector stops deleting once it has held the lock for half of this; a writer treats a lock
     * older than this (a crashed collector's) as gone, the other half being room for clock skew.
     */
    static final Duration LOCK_MAX_AGE = Duration.ofHours(1);
    private static final long POLL_MILLIS = 200;

    private final ObjectStorage storage;

    WriterLeases(ObjectStorage storage) {
        this.storage = storage;
    }

    /** A writer's lease; closing it (after the Tier-1 row) deletes it. */
    final class Lease implements AutoCloseable {
        private final String key;

        private Lease(String key) {
            this.key = key;
        }

        @Override
        public void close() {
            storage.delete(key);
        }
    }

    /** Registers the writer's chunks, then waits while a collection is deleting. */
    Lease acquire(Collection<String> chunkNames) {
        String key = LEASES + UUID.randomUUID();
        storage.put(key, String.join("\n", chunkNames).getBytes(StandardCharsets.UTF_8));
        Lease lease = new Lease(key);
        try {
            awaitNoCollection();
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
        return lease;
    }

    private void awaitNoCollection() {
        long deadline = System.nanoTime() + LOCK_MAX_AGE.toNanos();
        while (true) {
            ObjectInfo lock = storage.head(GC_LOCK).orElse(null);
            if (lock == null || isStale(lock, Instant.now())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new StoreException(storage.uri(GC_LOCK) + ": an OHLCV collection has held the lock since "
                        + lock.lastModified() + "; if none is running, delete that object");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("interrupted while waiting for the OHLCV collection on " + storage.root()
                        + " to finish", e);
            }
        }
    }

    static boolean isStale(ObjectInfo lock, Instant now) {
        return lock.lastModified().isBefore(now.minus(LOCK_MAX_AGE));
    }

    /** The collector's lock; closing it deletes it. */
    final class CollectorLock implements AutoCloseable {
        private final long taken = System.nanoTime();

        /** Whether the collector may still delete: it has held the lock for less than half its maximum age. */
        boolean mayDelete() {
            return System.nanoTime() - taken < LOCK_MAX_AGE.toNanos() / 2;
        }

        @Override
        public void close() {
            storage.delete(GC_LOCK);
        }
    }

    /** @throws StoreException when another collection holds the lock */
    CollectorLock lockForCollection() {
        byte[] body = ("gc-ohlcv " + Instant.now()).getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; attempt < 2; attempt++) {
            if (storage.putIfAbsent(GC_LOCK, body, dev.iafbt.internal.chunk.ChunkNames.sha256Hex(body))) {
                return new CollectorLock();
            }
            ObjectInfo held = storage.head(GC_LOCK).orElse(null);
            if (held != null && !isStale(held, Instant.now())) {
                throw new StoreException(storage.uri(GC_LOCK) + ": another OHLCV collection is running since "
                        + held.lastModified() + "; run again when it is done (or delete that object if it crashed)");
            }
            if (held != null) {
                storage.delete(GC_LOCK); // a crashed collection's lock
            }
        }
        throw new StoreException(storage.uri(GC_LOCK) + ": cannot take the OHLCV collection lock");
    }

    /** What the leases name: chunks of live writers, and leases older than the grace period (crashed writers). */
    record Leased(Set<String> chunks, List<String> live, List<String> stale) {
    }

    /** When the oldest lease put since {@code staleBefore} was put: what a live writer may have written since; empty when none. */
    Optional<Instant> oldestLive(Instant staleBefore) {
        List<Instant> times = new ArrayList<>();
        storage.list(LEASES, lease -> times.add(lease.lastModified()));
        return times.stream().filter(t -> !t.isBefore(staleBefore)).min(Instant::compareTo);
    }

    Leased leased(Instant staleBefore) {
        List<ObjectInfo> leases = new ArrayList<>();
        storage.list(LEASES, leases::add);
        Set<String> chunks = new HashSet<>();
        List<String> live = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (ObjectInfo lease : leases) {
            if (lease.lastModified().isBefore(staleBefore)) {
                stale.add(lease.key());
                continue;
            }
            storage.get(lease.key()).ifPresent(body -> {
                live.add(lease.key());
                for (String name : new String(body, StandardCharsets.UTF_8).split("\n")) {
                    if (!name.isEmpty()) {
                        chunks.add(name);
                    }
                }
            });
        }
        return new Leased(chunks, live, stale);
    }
}
