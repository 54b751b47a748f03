package dev.iafbt.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.store.StoreMigration.Outcome;
import org.junit.jupiter.api.Test;

/** The progress of {@code iafbt:migrate-store}: lines with the time left from a timer, problems as they happen. */
class MigrateStoreProgressTest {
    @Test
    void aSlowMigrationLogsHowFarItIsAndTheTimeLeft() throws Exception {
        CapturingLog log = new CapturingLog();
        try (MigrateStoreMojo.Progress progress = new MigrateStoreMojo.Progress(log, 4, 1)) {
            progress.onHandle("a.iafbt", Outcome.COPIED, null);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (log.at("INFO").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        assertThat(log.at("INFO")).first().asString().startsWith("Migrated 1 of 4 bundle(s) (25%) in ")
                .contains("left");
    }

    @Test
    void zeroTurnsTheLinesOffButProblemsAreStillLogged() throws Exception {
        CapturingLog log = new CapturingLog();
        try (MigrateStoreMojo.Progress progress = new MigrateStoreMojo.Progress(log, 3, 0)) {
            progress.onHandle("a.iafbt", Outcome.UNCHANGED, null);
            progress.onHandle("gone", Outcome.MISSING, null);
            progress.onHandle("b.iafbt", Outcome.FAILED, "b.iafbt: not an .iafbt bundle");
        }
        assertThat(log.at("INFO")).isEmpty();
        assertThat(log.at("WARNING")).containsExactly("Handle 'gone' is not in the source store; skipped.");
        assertThat(log.at("ERROR")).containsExactly("Could not migrate 'b.iafbt': b.iafbt: not an .iafbt bundle");
    }
}
