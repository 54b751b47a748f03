package dev.iafbt.maven;

import dev.iafbt.index.TieredLayout;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal that reads the index shares ({@code list}, {@code rank}, {@code report}): where
 * the bundles and the index are (the rule of {@link IndexLocation}), the refresh before reading
 * ({@link IndexRefresh}) and the {@code where} filter.
 */
abstract class AbstractIndexReadingMojo extends AbstractIafbtMojo {
    /** The bundle folder (searched recursively for {@code *.iafbt}); the index is {@code <bundles>/index.sqlite} unless {@code index} is set. */
    @Parameter(property = "iafbt.bundles", defaultValue = "backtests")
    File bundles;

    /** The SQLite index file, in every goal; default {@code <bundles>/index.sqlite}. */
    @Parameter(property = "iafbt.index")
    File index;

    /**
     * Bring the index up to date with the bundle folder before reading it (incremental: unchanged
     * bundles are not opened). Set to false to read the index exactly as it is.
     */
    @Parameter(property = "iafbt.refresh", defaultValue = "true")
    boolean refresh = true;

    /** A SQL condition without {@code WHERE}, e.g. {@code summary_number_of_trades > 10 AND tag = 'v2'}. */
    @Parameter(property = "iafbt.where")
    String where;

    /** The bundle folder, absolute. */
    Path bundleFolder() {
        return resolve(bundles);
    }

    /**
     * The index to read, refreshed first unless {@code refresh} is off; fails with the command that
     * builds it when there is none.
     */
    Path readyIndex() throws MojoExecutionException, MojoFailureException {
        Path file = indexFile(bundles, index);
        Optional<Path> store = TieredLayout.storeOf(bundleFolder());
        Path storeIndex = store.map(root -> root.resolve(TieredLayout.INDEX_FILE)).orElse(null);
        if (storeIndex != null && (index == null || file.equals(storeIndex))) {
            // the store keeps its own index, one row per handle; a folder refresh would double it
            getLog().info("Reading the tiered store " + store.get() + " through its own index " + storeIndex
                    + " (one row per handle; 'mvn iafbt:verify-store -Diafbt.store=" + store.get()
                    + " -Diafbt.repair=true' brings it up to date from the bundles).");
            if (!Files.isRegularFile(storeIndex)) {
                throw new MojoFailureException("The tiered store " + store.get() + " has no index yet. Build it"
                        + " from the bundles with 'mvn iafbt:verify-store -Diafbt.store=" + store.get()
                        + " -Diafbt.repair=true'.");
            }
            return storeIndex;
        }
        IndexRefresh.ready(getLog(), bundleFolder(), file, refresh, goal(), bundles, index);
        return file;
    }
}
