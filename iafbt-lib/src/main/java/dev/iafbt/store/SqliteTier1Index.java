package dev.iafbt.store;

import dev.iafbt.index.IndexRow;
import dev.iafbt.index.SqliteIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Tier 1 in a local SQLite file (the reference's schema). Fine for one machine writing to an
 * object store; a team shares a PostgreSQL Tier 1 instead, as a SQLite file cannot be shared on
 * object storage.
 */
public final class SqliteTier1Index implements Tier1Index {
    private final Path file;

    public SqliteTier1Index(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    @Override
    public void upsert(IndexRow row) {
        try (SqliteIndex index = SqliteIndex.open(file)) {
            index.upsert(row);
        }
    }

    @Override
    public void remove(String handle) {
        if (Files.exists(file)) {
            try (SqliteIndex index = SqliteIndex.open(file)) {
                index.remove(List.of(handle));
            }
        }
    }

    @Override
    public boolean hasRow(String handle) {
        if (!Files.exists(file)) {
            return false;
        }
        try (SqliteIndex index = SqliteIndex.open(file)) {
            return index.provenance().containsKey(handle);
        }
    }

    @Override
    public List<IndexRow> rows() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (SqliteIndex index = SqliteIndex.open(file)) {
            return index.rows();
        }
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public void close() {
        // a connection per call: nothing held open
    }
}
