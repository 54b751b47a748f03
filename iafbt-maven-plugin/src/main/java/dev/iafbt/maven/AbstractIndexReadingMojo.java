package dev.iafbt.maven;

import dev.iafbt.index.BacktestIndex;
import dev.iafbt.index.IndexException;
import dev.iafbt.index.TieredLayout;
import dev.iafbt.store.ObjectTieredStore;
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
 * ({@link IndexRefresh}) and the {@code where} filter. With {@code store=s3://bucket/prefix} the
 * index is that s3-tiered store's Tier 1 ({@code index}), brought up to date from its bundles first.
 */
abstract class AbstractIndexReadingMojo extends AbstractStoreMojo {
    /** Bundles read at once from object storage: each read waits on the network, not on a processor. */
    static final int OBJECT_READERS = 8;

    /** The bundle folder (searched recursively for {@code *.iafbt}); the index is {@code <bundles>/index.sqlite} unless {@code index} is set. */
    @Parameter(property = "iafbt.bundles", defaultValue = "backtests")
    File bundles;

    /**
     * The index, in every goal: a SQLite file (default {@code <bundles>/index.sqlite}) or a shared
     * PostgreSQL table, {@code jdbc:postgresql://host:port/db?currentSchema=schema} (credentials:
     * {@code iafbt.serverId}).
     */
    @Parameter(property = "iafbt.index")
    String index;

    /**
     * Bring the index up to date with the bundle folder before reading it (incremental: unchanged
     * bundles are not opened). Set to false to read the index exactly as it is.
     */
    @Parameter(property = "iafbt.refresh", defaultValue = "true")
    boolean refresh = true;

    /**
     * A store instead of a bundle folder: an s3-tiered store's {@code s3://bucket/prefix} (its Tier 1
     * is {@code index}; see {@code iafbt.s3.*}), or a local tiered store's root folder ({@code report}:
     * also a local-dir store's).
     */
    @Parameter(property = "iafbt.store")
    String store;

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
    IndexTarget readyIndex() throws MojoExecutionException, MojoFailureException {
        refuseS3Folder(bundles);
        if (isS3(store)) {
            return readyObjectStoreIndex();
        }
        if (store != null && !store.isBlank()) {
            // a local tiered store: its bundles folder, read through the store's own index below
            bundles = resolve(new File(store.strip())).resolve(TieredLayout.BUNDLES_DIR).toFile();
        }
        IndexTarget file = indexTarget(bundles, index);
        Optional<Path> store = TieredLayout.storeOf(bundleFolder());
        Path storeIndex = store.map(root -> root.resolve(TieredLayout.INDEX_FILE)).orElse(null);
        if (storeIndex != null && (index == null || storeIndex.equals(file.file()))) {
            // the store keeps its own index, one row per handle; a folder refresh would double it
            getLog().info("Reading the tiered store " + store.get() + " through its own index " + storeIndex
                    + " (one row per handle; 'mvn iafbt:verify-store -Diafbt.store=" + store.get()
                    + " -Diafbt.repair=true' brings it up to date from the bundles).");
            if (!Files.isRegularFile(storeIndex)) {
                throw new MojoFailureException("The tiered store " + store.get() + " has no index yet. Build it"
                        + " from the bundles with 'mvn iafbt:verify-store -Diafbt.store=" + store.get()
                        + " -Diafbt.repair=true'.");
            }
            return IndexTarget.file(storeIndex);
        }
        if (refresh) {
            IndexRefresh.run(getLog(), bundleFolder(), file);
        } else if (!file.mayExist()) {
            throw new MojoFailureException("No index at " + file.display() + ". Build it with 'mvn iafbt:index -Diafbt.bundles="
                    + bundles.getPath() + (index == null ? "" : " -Diafbt.index=" + file.display())
                    + "', or run without -Diafbt.refresh=false so that " + goal() + " builds it first.");
        }
        return file;
    }

    /** The s3-tiered store's Tier 1, refreshed from its bundles first unless {@code refresh} is off. */
    private IndexTarget readyObjectStoreIndex() throws MojoExecutionException, MojoFailureException {
        IndexTarget tier1 = objectStoreTier1(store, index);
        getLog().info("Reading the s3-tiered store " + describeS3(store.strip()) + "; Tier 1: " + tier1.display());
        if (refresh) {
            try (ObjectTieredStore objects = openObjectStore(store.strip(), tier1)) {
                indexObjectStore(objects, OBJECT_READERS, false, 10);
            }
        }
        return tier1;
    }

    /** Opens the index for reading only: nothing in the file changes. */
    BacktestIndex openForReading(IndexTarget file) throws MojoFailureException {
        try {
            return file.openReadOnly();
        } catch (IndexException e) {
            throw unreadable(file, e);
        }
    }

    MojoFailureException unreadable(IndexTarget file, IndexException e) {
        if (file.isDatabase()) {
            return new MojoFailureException("Cannot read index " + file.display() + ": " + e.getMessage(), e);
        }
        return new MojoFailureException("Cannot read index " + file.display() + ": " + e.getMessage() + ". Set iafbt.index"
                + " to an index file written by iafbt:index (or the Python 'iaf index'), or move " + file.display()
                + " away and run 'mvn iafbt:index -Diafbt.bundles=" + bundles.getPath()
                + (index == null ? "" : " -Diafbt.index=" + file.display()) + "' to build a new one.", e);
    }
}
