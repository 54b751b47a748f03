package dev.iafbt.maven;

import dev.iafbt.index.IndexException;
import dev.iafbt.index.IndexResult;
import dev.iafbt.index.IndexRow;
import dev.iafbt.index.Indexer;
import dev.iafbt.index.IndexerConfigurationException;
import dev.iafbt.index.SqliteIndex;
import java.io.File;
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
     * The index a read goal is about to read: refreshed first when {@code refresh} is on; otherwise
     * it must exist, or the goal fails with the command that builds it.
     */
    static void ready(Log log, Path folder, Path index, boolean refresh, String goal, File bundles, File indexParameter)
            throws MojoExecutionException, MojoFailureException {
        if (refresh) {
            run(log, folder, index);
        } else if (!Files.isRegularFile(index)) {
            throw new MojoFailureException("No index at " + index + ". Build it with 'mvn iafbt:index -Diafbt.bundles="
                    + bundles.getPath() + (indexParameter == null ? "" : " -Diafbt.index=" + indexParameter.getPath())
                    + "', or run without -Diafbt.refresh=false so that " + goal + " builds it first.");
        }
    }

    /**
     * Refreshes {@code index} from {@code folder}. When the folder does not exist but the index
     * does, the index is read as it is (an INFO line says so); when neither exists, the goal fails
     * with what to set.
     */
    static void run(Log log, Path folder, Path index) throws MojoExecutionException, MojoFailureException {
        if (!Files.isDirectory(folder)) {
            if (Files.isRegularFile(index)) {
                log.info("Not refreshing " + index + ": bundle folder " + folder + " does not exist;"
                        + " reading the index as it is.");
                return;
            }
            throw new MojoFailureException("No index at " + index + " and no bundle folder " + folder
                    + " to build it from. Set iafbt.bundles to the folder that holds the .iafbt files (for example"
                    + " -Diafbt.bundles=path/to/backtests), or iafbt.index to an existing index file.");
        }
        Indexer indexer = Indexer.builder(folder).output(index).absolutePaths(hasAbsolutePaths(index))
                .listener(new IndexMojo.MavenIndexListener(log, true)).build();
        IndexResult result;
        try {
            result = indexer.run();
        } catch (IndexerConfigurationException e) {
            throw new MojoFailureException(IndexParameterMessages.of(e));
        } catch (IndexException e) {
            throw new MojoExecutionException("Cannot refresh index " + index + ": " + e.getMessage()
                    + ". Skip the refresh with -Diafbt.refresh=false to read the index as it is.", e);
        }
        log.info("Refreshed the index: " + result.summary());
        if (result.failed() > 0) {
            log.warn(result.failed() + " bundle(s) could not be indexed (see the warnings above); the"
                    + " result below does not include them.");
        }
    }

    /** True when the index's first row has an absolute bundle_path (built with absolutePaths). */
    private static boolean hasAbsolutePaths(Path index) {
        if (!Files.isRegularFile(index)) {
            return false;
        }
        try (SqliteIndex opened = SqliteIndex.openReadOnly(index); Stream<IndexRow> rows = opened.iterRows()) {
            Optional<IndexRow> first = rows.findFirst();
            return first.isPresent() && Path.of(first.get().bundlePath()).isAbsolute();
        } catch (IndexException | InvalidPathException e) {
            return false; // the indexer reports what is wrong with the file, in its own words
        }
    }
}
