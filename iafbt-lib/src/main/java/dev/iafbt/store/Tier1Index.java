package dev.iafbt.store;

import dev.iafbt.index.IndexRow;
import java.util.List;

/**
 * Tier 1 of a store whose bytes are not in one local folder: one index row per handle
 * ({@code bundle_path} = handle), in a database every writer of the store can reach.
 */
public interface Tier1Index extends AutoCloseable {
    void upsert(IndexRow row);

    void remove(String handle);

    boolean hasRow(String handle);

    List<IndexRow> rows();

    /** Where the index is, for messages (never with a password). */
    String describe();

    @Override
    void close();
}
