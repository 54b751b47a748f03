package dev.iafbt.maven;

import dev.iafbt.index.IndexException;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.rank.QueryException;
import dev.iafbt.rank.ResultFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    Path readyIndex() throws MojoExecutionException, MojoFailureException {
        Path file = indexFile(bundles, index);
        IndexRefresh.ready(getLog(), bundleFolder(), file, refresh, goal(), bundles, index);
        return file;
    }

    /** Opens the index for reading only: nothing in the file changes. */
    SqliteIndex openForReading(Path file) throws MojoFailureException {
        try {
            return SqliteIndex.openReadOnly(file);
        } catch (IndexException e) {
            throw unreadable(file, e);
        }
    }

    /** Opens the index for reading and writing (only for a prune that changes files). */
    SqliteIndex openForWriting(Path file) throws MojoFailureException {
        try {
            return SqliteIndex.open(file);
        } catch (IndexException e) {
            throw unreadable(file, e);
        }
    }

    private MojoFailureException unreadable(Path file, IndexException e) {
        return new MojoFailureException("Cannot read index " + file + ": " + e.getMessage() + ". Set iafbt.index"
                + " to an index file written by iafbt:index (or the Python 'iaf index'), or move " + file
                + " away and run 'mvn iafbt:index -Diafbt.bundles=" + bundles.getPath()
                + (index == null ? "" : " -Diafbt.index=" + index.getPath()) + "' to build a new one.", e);
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
