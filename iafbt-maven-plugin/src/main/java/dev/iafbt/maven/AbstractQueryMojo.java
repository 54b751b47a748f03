package dev.iafbt.maven;

import dev.iafbt.index.BacktestIndex;
import dev.iafbt.index.IndexException;
import dev.iafbt.index.TieredLayout;
import dev.iafbt.rank.QueryException;
import dev.iafbt.rank.ResultFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What {@code list} and {@code rank} share: where the bundles and the index are (the rule of
 * {@link IndexLocation}), the refresh before reading ({@link IndexRefresh}), the filter, the
 * projection, the direction, and where the result files go. The read itself opens the index
 * read-only, so with {@code -Diafbt.refresh=false} the goals write nothing but their result files.
 */
abstract class AbstractQueryMojo extends AbstractIafbtMojo {
    /** The bundle folder; the index is {@code <bundles>/index.sqlite} unless {@code index} is set. */
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

    /** A SQL condition without {@code WHERE}, e.g. {@code summary_number_of_trades > 10 AND tag = 'v2'}. */
    @Parameter(property = "iafbt.where")
    String where;

    /** Comma-separated columns to show; bare metric names such as {@code sharpe_ratio} are accepted. */
    @Parameter(property = "iafbt.columns")
    String columns;

    /** Sort ascending instead of descending. */
    @Parameter(property = "iafbt.ascending", defaultValue = "false")
    boolean ascending;

    /**
     * Where {@code <goal>.csv} and {@code <goal>.json} are written; default {@code iafbt} in the
     * project's build folder, or {@code ./target/iafbt} outside a project.
     */
    @Parameter(property = "iafbt.outputDirectory")
    File outputDirectory;

    /** The parsed {@link #columns}: stripped, empty parts dropped; empty means the goal's default. */
    List<String> columnList() {
        List<String> out = new ArrayList<>();
        if (columns != null) {
            for (String part : columns.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    /** The bundle folder, absolute. */
    Path bundleFolder() {
        return resolve(bundles);
    }

    /**
     * The index to read, refreshed first unless {@code refresh} is off; fails with the command that
     * builds it when there is none.
     */
    IndexTarget readyIndex() throws MojoExecutionException, MojoFailureException {
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

    /** Opens the index for reading only: nothing in the file changes. */
    BacktestIndex openForReading(IndexTarget file) throws MojoFailureException {
        try {
            return file.openReadOnly();
        } catch (IndexException e) {
            throw unreadable(file, e);
        }
    }

    /** Opens the index for reading and writing (only for a prune that changes files). */
    BacktestIndex openForWriting(IndexTarget file) throws MojoFailureException {
        try {
            return file.open();
        } catch (IndexException e) {
            throw unreadable(file, e);
        }
    }

    private MojoFailureException unreadable(IndexTarget file, IndexException e) {
        if (file.isDatabase()) {
            return new MojoFailureException("Cannot read index " + file.display() + ": " + e.getMessage(), e);
        }
        return new MojoFailureException("Cannot read index " + file.display() + ": " + e.getMessage() + ". Set iafbt.index"
                + " to an index file written by iafbt:index (or the Python 'iaf index'), or move " + file.display()
                + " away and run 'mvn iafbt:index -Diafbt.bundles=" + bundles.getPath()
                + (index == null ? "" : " -Diafbt.index=" + file.display()) + "' to build a new one.", e);
    }

    /** A refused query, phrased in terms of the goal's parameters. */
    MojoFailureException invalid(QueryException e) {
        return new MojoFailureException("iafbt:" + goal() + " cannot run this query: " + e.getMessage()
                + ". (Set with -Diafbt.by, -Diafbt.focus, -Diafbt.weights, -Diafbt.columns, -Diafbt.where, -Diafbt.limit.)", e);
    }

    /** Logs the table, writes the CSV/JSON copies and logs where they went. */
    void publish(List<LinkedHashMap<String, Object>> rows, List<String> shown) throws MojoExecutionException {
        Log log = getLog();
        TableFormat.lines(rows, shown).forEach(log::info);
        Path folder = outputFolder(outputDirectory);
        try {
            List<Path> files = ResultFiles.write(folder, goal(), rows, shown);
            log.info("Wrote " + rows.size() + " row(s) to " + files.get(0) + " and " + files.get(1));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the " + goal() + " result to " + folder
                    + ": " + e + ". Set iafbt.outputDirectory to a folder you can write to.", e);
        }
    }

    static String direction(boolean ascending) {
        return ascending ? "ascending" : "descending";
    }
}
