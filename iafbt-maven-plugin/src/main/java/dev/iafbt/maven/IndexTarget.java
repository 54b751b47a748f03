package dev.iafbt.maven;

import dev.iafbt.index.BacktestIndex;
import dev.iafbt.index.IndexCredentials;
import dev.iafbt.index.Indexer;
import dev.iafbt.index.Indexes;
import dev.iafbt.index.PostgresIndex;
import dev.iafbt.index.SqliteIndex;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The index a goal works on, as {@link IndexLocation} decides it: a SQLite file, or a table on a
 * PostgreSQL server ({@code iafbt.index=jdbc:postgresql://…}) with the credentials to open it.
 *
 * @param file        the SQLite file, or null for a database
 * @param url         the {@code jdbc:postgresql:} URL, or null for a file
 * @param credentials who opens the database (unused for a file)
 */
record IndexTarget(Path file, String url, IndexCredentials credentials) {

    static IndexTarget file(Path file) {
        return new IndexTarget(file, null, IndexCredentials.NONE);
    }

    static IndexTarget database(String url, IndexCredentials credentials) {
        return new IndexTarget(null, url, credentials);
    }

    boolean isDatabase() {
        return url != null;
    }

    /** For log lines and messages: the path, or the URL without any password. */
    String display() {
        return isDatabase() ? Indexes.describe(url) : file.toString();
    }

    /** Whether there is an index to read without building one first (a database is asked when opened). */
    boolean mayExist() {
        return isDatabase() || Files.isRegularFile(file);
    }

    BacktestIndex openReadOnly() {
        return isDatabase() ? PostgresIndex.openReadOnly(url, credentials) : SqliteIndex.openReadOnly(file);
    }

    BacktestIndex open() {
        return isDatabase() ? PostgresIndex.open(url, credentials) : SqliteIndex.open(file);
    }

    /** An indexer builder over {@code folder} writing into this index. */
    Indexer.Builder indexer(Path folder) {
        Indexer.Builder builder = Indexer.builder(folder);
        return isDatabase() ? builder.database(url, credentials) : builder.output(file);
    }
}
