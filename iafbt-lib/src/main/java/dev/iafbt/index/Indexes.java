package dev.iafbt.index;

import java.nio.file.Path;

/**
 * Opens a {@link BacktestIndex} from one location string, the way every goal takes it: a
 * {@code jdbc:postgresql:} URL is a {@link PostgresIndex}, anything else is the path of a SQLite
 * file ({@link SqliteIndex}). Other JDBC URLs are refused by name.
 */
public final class Indexes {
    private Indexes() {
    }

    /** True when {@code location} is a JDBC URL rather than a file path. */
    public static boolean isJdbcUrl(String location) {
        return location != null && location.startsWith("jdbc:");
    }

    /** Opens for reading and writing, creating or migrating the index when needed. */
    public static BacktestIndex open(String location, IndexCredentials credentials) {
        return PostgresIndex.isPostgresUrl(location) ? PostgresIndex.open(location, credentials)
                : SqliteIndex.open(path(location));
    }

    /** Opens an existing index for reading only. */
    public static BacktestIndex openReadOnly(String location, IndexCredentials credentials) {
        return PostgresIndex.isPostgresUrl(location) ? PostgresIndex.openReadOnly(location, credentials)
                : SqliteIndex.openReadOnly(path(location));
    }

    /** {@link #open(String, IndexCredentials)} with credentials from the environment only. */
    public static BacktestIndex open(String location) {
        return open(location, IndexCredentials.NONE);
    }

    /** {@link #openReadOnly(String, IndexCredentials)} with credentials from the environment only. */
    public static BacktestIndex openReadOnly(String location) {
        return openReadOnly(location, IndexCredentials.NONE);
    }

    /** {@code location} as it may be shown: a JDBC URL loses any {@code password=} parameter. */
    public static String describe(String location) {
        return isJdbcUrl(location) ? PostgresUrl.withoutPassword(location) : location;
    }

    private static Path path(String location) {
        if (isJdbcUrl(location)) {
            throw new IndexException("'" + PostgresUrl.withoutPassword(location) + "' is not supported: an index"
                    + " is a SQLite file path or a jdbc:postgresql:// URL");
        }
        return Path.of(location);
    }
}
