package dev.iafbt.testing;

import dev.iafbt.index.BacktestIndex;
import dev.iafbt.index.PostgresIndex;
import dev.iafbt.index.SqliteIndex;
import java.nio.file.Path;

/**
 * The two backends of the Tier-1 index, for suites that must give the same answers on both:
 * a fresh SQLite file in the test's folder, or a fresh schema on the shared
 * {@link EmbeddedPostgres} server.
 */
public enum IndexBackend {
    SQLITE {
        @Override
        public String newLocation(Path folder) {
            return folder.resolve("index.sqlite").toString();
        }

        @Override
        public BacktestIndex create(Path folder) {
            return SqliteIndex.create(Path.of(newLocation(folder)));
        }
    },
    POSTGRES {
        @Override
        public String newLocation(Path folder) {
            return EmbeddedPostgres.freshSchemaUrl();
        }

        @Override
        public BacktestIndex create(Path folder) {
            return PostgresIndex.open(newLocation(folder), EmbeddedPostgres.credentials());
        }
    };

    /** Where a new, empty index of this backend is (a file in {@code folder}, or a new schema). */
    public abstract String newLocation(Path folder);

    /** A new, empty index. */
    public abstract BacktestIndex create(Path folder);
}
