package dev.iafbt.maven;

import dev.iafbt.index.BacktestIndex;
import dev.iafbt.index.IndexCopy;
import dev.iafbt.index.IndexException;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/** {@code iafbt:index -Diafbt.from=…}: copies one index into another, logging progress. */
final class IndexMigration {
    /** A progress line at most every this many rows. */
    private static final long PROGRESS_ROWS = 50_000;

    private IndexMigration() {
    }

    static void copy(Log log, IndexTarget from, IndexTarget to) throws MojoExecutionException {
        long started = System.nanoTime();
        log.info("Copying index " + from.display() + " into " + to.display());
        try (BacktestIndex source = from.openReadOnly(); BacktestIndex target = to.open()) {
            long[] next = {PROGRESS_ROWS};
            long copied = IndexCopy.copy(source, target, n -> {
                if (n >= next[0]) {
                    log.info(String.format(Locale.ROOT, "Copied %,d row(s) so far", n));
                    next[0] = n + PROGRESS_ROWS;
                }
            });
            log.info(String.format(Locale.ROOT, "Copied %,d row(s) in %.2f s; index: %s (%,d row(s))",
                    copied, (System.nanoTime() - started) / 1e9, to.display(), target.count()));
        } catch (IndexException e) {
            throw new MojoExecutionException("iafbt:index could not copy " + from.display() + " into "
                    + to.display() + ": " + e.getMessage(), e);
        }
    }
}
