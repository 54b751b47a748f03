package dev.iafbt.maven;

import dev.iafbt.index.BacktestIndex;
import dev.iafbt.index.IndexException;
import dev.iafbt.rank.QueryException;
import dev.iafbt.rank.ResultFiles;
import dev.iafbt.rank.StaleColumn;
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
 * What {@code list} and {@code rank} share besides reading the index ({@link AbstractIndexReadingMojo}): the
 * projection, the direction, and where the result files go. The read itself opens the index
 * read-only, so with {@code -Diafbt.refresh=false} the goals write nothing but their result files.
 */
abstract class AbstractQueryMojo extends AbstractIndexReadingMojo {
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

    /** Opens the index for reading and writing (only for a prune that changes files). */
    BacktestIndex openForWriting(IndexTarget file) throws MojoFailureException {
        try {
            return file.open();
        } catch (IndexException e) {
            throw unreadable(file, e);
        }
    }

    /** A refused query, phrased in terms of the goal's parameters. */
    MojoFailureException invalid(QueryException e) {
        return new MojoFailureException("iafbt:" + goal() + " cannot run this query: " + e.getMessage()
                + ". (Set with -Diafbt.by, -Diafbt.focus, -Diafbt.weights, -Diafbt.columns, -Diafbt.where, -Diafbt.limit.)", e);
    }

    /**
     * Logs the table, writes the CSV/JSON copies and logs where they went. When the index holds
     * metrics audits ({@code iafbt:index -Diafbt.audit=true}) a {@code stale} column is added.
     */
    void publish(BacktestIndex index, List<LinkedHashMap<String, Object>> rows, List<String> columns)
            throws MojoExecutionException {
        List<String> shown = StaleColumn.add(index, rows, columns);
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
