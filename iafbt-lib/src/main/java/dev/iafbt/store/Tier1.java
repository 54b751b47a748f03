package dev.iafbt.store;

import dev.iafbt.index.BacktestIndex;
import dev.iafbt.index.IndexCredentials;
import dev.iafbt.index.IndexRow;
import dev.iafbt.index.Indexes;
import dev.iafbt.index.Provenance;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Tier 1 of the object store, on the index seam: a {@code jdbc:postgresql://} URL (a team's
 * shared index; a SQLite file cannot be shared on object storage) or, for one machine, a SQLite
 * file path. A connection per call, so writer threads never share one.
 */
final class Tier1 {
    private final String location;
    private final IndexCredentials credentials;

    Tier1(String location, IndexCredentials credentials) {
        this.location = location;
        this.credentials = credentials;
    }

    /** Whether a Tier 1 was given (reading and collecting a store need none; writing does). */
    boolean isConfigured() {
        return location != null;
    }

    /** @throws StoreException saying what to configure, when no Tier 1 was given */
    void requireConfigured() {
        if (location == null) {
            throw new StoreException("no Tier-1 index is configured for this s3-tiered store; give one"
                    + " (a jdbc:postgresql:// URL, or a SQLite file for one machine) to write to it");
        }
    }

    private <T> T with(Function<BacktestIndex, T> action) {
        requireConfigured();
        try (BacktestIndex index = Indexes.open(location, credentials)) {
            return action.apply(index);
        }
    }

    void upsert(IndexRow row) {
        with(index -> {
            index.upsert(row);
            return null;
        });
    }

    /** Many rows in one connection and one transaction, instead of a connection per row. */
    void upsertAll(List<IndexRow> rows) {
        if (!rows.isEmpty()) {
            with(index -> index.upsertAll(rows));
        }
    }

    void remove(String handle) {
        removeAll(List.of(handle));
    }

    void removeAll(Collection<String> handles) {
        if (!handles.isEmpty()) {
            with(index -> index.remove(handles));
        }
    }

    boolean hasRow(String handle) {
        return isConfigured() && with(index -> index.provenance().containsKey(handle));
    }

    /** Each row's file time and size, by handle (none without a Tier 1). */
    Map<String, Provenance> provenance() {
        return !isConfigured() ? Map.of() : with(BacktestIndex::provenance);
    }

    List<IndexRow> rows() {
        return !isConfigured() ? List.of() : with(BacktestIndex::rows);
    }

    /** Where it is, never with a password. */
    String describe() {
        return with(BacktestIndex::location);
    }
}
