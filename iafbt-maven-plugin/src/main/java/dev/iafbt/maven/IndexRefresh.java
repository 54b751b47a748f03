package dev.iafbt.maven;

import dev.iafbt.index.IndexException;
import dev.iafbt.index.IndexResult;
import dev.iafbt.index.IndexRow;
import dev.iafbt.index.Indexer;
import dev.iafbt.index.IndexerConfigurationException;
import dev.iafbt.index.BacktestIndex;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Brings the index up to date before a goal reads it, so a ranking never silently misses bundles
 * added since the last {@code iafbt:index}: the same incremental run as {@code iafbt:index} with its
 * defaults (unchanged bundles are skipped without being opened, so it costs milliseconds; no row is
 * pruned), creating the index when there is none yet. Rows keep the path style the index already
 * has (absolute or relative), so a refresh never adds a second row for a bundle.
 *
 * <p>This is the only write a read goal does, and {@code -Diafbt.refresh=false} turns it off; the
 * read itself then opens the index read-only.
 */
final class IndexRefresh {
    private IndexRefresh() {
    }

    /**
     * Refreshes {@code index} from {@code folder}. When the folder does not exist but the index
     * does, the index is read as it is (an INFO line says so); when neither exists, the goal fails
     * with what to set.
     */
    static void run(Log log, Path folder, IndexTarget index) throws MojoExecutionException, MojoFailureException {
        if (!Files.isDirectory(folder)) {
            if (index.mayExist()) {
                log.info("Not refreshing " + index.display() + ": bundle folder " + folder + " does not exist;"
                        + " reading the index as it is.");
                return;
            }
            throw new MojoFailureException("No index at " + index.display() + " and no bundle folder " + folder
                    + " to build it from. Set iafbt.bundles to the folder that holds the .iafbt files (for example"
                    + " -Diafbt.bundles=path/to/backtests), or iafbt.index to an existing index file.");
        }
        Indexer indexer = index.indexer(folder).absolutePaths(hasAbsolutePaths(index))
                .listener(new IndexMojo.MavenIndexListener(log, true)).build();
        IndexResult result;
        try {
            result = indexer.run();
        } catch (IndexerConfigurationException e) {
            throw new MojoFailureException(IndexParameterMessages.of(e));
        } catch (IndexException e) {
            throw new MojoExecutionException("Cannot refresh index " + index.display() + ": " + e.getMessage()
                    + ". Skip the refresh with -Diafbt.refresh=false to read the index as it is.", e);
        }
        log.info("Refreshed the index: " + result.summary());
        if (result.failed() > 0) {
            log.warn(result.failed() + " bundle(s) could not be indexed (see the warnings above); the"
                    + " result below does not include them.");
        }
    }

    /** True when the index's first row has an absolute bundle_path (built with absolutePaths). */
    private static boolean hasAbsolutePaths(IndexTarget index) {
        if (!index.mayExist()) {
            return false;
        }
        try (BacktestIndex opened = index.openReadOnly(); Stream<IndexRow> rows = opened.iterRows()) {
            Optional<IndexRow> first = rows.findFirst();
            return first.isPresent() && Path.of(first.get().bundlePath()).isAbsolute();
        } catch (IndexException | InvalidPathException e) {
            return false; // the indexer reports what is wrong with the file, in its own words
        }
    }
}
