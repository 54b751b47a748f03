package dev.iafbt.maven;

import dev.iafbt.index.IndexException;
import dev.iafbt.index.Indexer;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.rank.QueryException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What {@code list} and {@code rank} share: where the index is, the filter, the projection, the
 * direction, and where the result files go. Neither goal creates an index: a missing one fails
 * with the {@code iafbt:index} command that builds it (a read goal that silently indexes a folder
 * would hide a wrong path and could take minutes).
 */
abstract class AbstractQueryMojo extends AbstractIafbtMojo {
    /** The bundle folder; its {@code index.sqlite} is read unless {@code index} is set. */
    @Parameter(property = "iafbt.bundles", defaultValue = "backtests")
    File bundles;

    /**
     * The index to read: an SQLite file, or a bundle folder holding {@code index.sqlite}.
     * Default {@code <bundles>/index.sqlite}.
     */
    @Parameter(property = "iafbt.index")
    File index;

    /** A SQL condition without {@code WHERE}, e.g. {@code summary_number_of_trades > 10 AND tag = 'v2'}. */
    @Parameter(property = "iafbt.where")
    String where;

    /** Comma-separated columns to show; bare metric names such as {@code sharpe_ratio} are accepted. */
    @Parameter(property = "iafbt.columns")
    String columns;

    /** Sort ascending instead of descending. */
    @Parameter(property = "iafbt.ascending", defaultValue = "false")
    boolean ascending;

    /** Where {@code <goal>.csv} and {@code <goal>.json} are written. */
    @Parameter(property = "iafbt.outputDirectory", defaultValue = "${project.build.directory}/iafbt")
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

    /** The index file to read; fails with the command that builds it when there is none. */
    Path indexFile() throws MojoFailureException {
        Path candidate = index == null ? bundleFolder().resolve(Indexer.DEFAULT_INDEX_NAME) : resolve(index);
        if (Files.isDirectory(candidate)) {
            candidate = candidate.resolve(Indexer.DEFAULT_INDEX_NAME);
        }
        if (!Files.isRegularFile(candidate)) {
            String folder = index != null && Files.isDirectory(resolve(index)) ? index.getPath()
                    : bundles.getPath();
            throw new MojoFailureException("No index at " + candidate + ". Build it first with"
                    + " 'mvn iafbt:index -Diafbt.bundles=" + folder
                    + (index != null && !Files.isDirectory(resolve(index)) ? " -Diafbt.index=" + index.getPath() : "")
                    + "', or set iafbt.index to an existing index file (or a folder holding "
                    + Indexer.DEFAULT_INDEX_NAME + ").");
        }
        return candidate;
    }

    /** The folder the bundles are in: {@code index} when it names a folder, else {@code bundles}. */
    Path bundleFolder() {
        if (index != null && Files.isDirectory(resolve(index))) {
            return resolve(index);
        }
        return resolve(bundles);
    }

    /** The output folder; outside a project, {@code ./target/iafbt}. */
    Path outputFolder() {
        return outputDirectory != null ? resolve(outputDirectory) : resolve(new File("target/iafbt"));
    }

    SqliteIndex openIndex(Path file) throws MojoFailureException {
        try {
            return SqliteIndex.open(file);
        } catch (IndexException e) {
            throw new MojoFailureException("Cannot read index " + file + ": " + e.getMessage()
                    + ". Set iafbt.index to an index written by iafbt:index (or the Python 'iaf index'),"
                    + " or rebuild it with 'mvn iafbt:index -Diafbt.rebuild=true'.", e);
        }
    }

    /** A refused query, phrased in terms of the goal's parameters. */
    MojoFailureException invalid(QueryException e) {
        return new MojoFailureException("iafbt:" + goal() + " cannot run this query: " + e.getMessage()
                + ". (Columns come from iafbt.by, iafbt.columns, iafbt.where and iafbt.weights.)", e);
    }

    /** Logs the table, writes the CSV/JSON copies and logs where they went. */
    void publish(List<LinkedHashMap<String, Object>> rows, List<String> shown) throws MojoExecutionException {
        Log log = getLog();
        TableFormat.lines(rows, shown).forEach(log::info);
        try {
            List<Path> files = RankOutput.write(outputFolder(), goal(), rows, shown);
            log.info("Wrote " + rows.size() + " row(s) to " + files.get(0) + " and " + files.get(1));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the " + goal() + " result to " + outputFolder()
                    + ": " + e + ". Set iafbt.outputDirectory to a folder you can write to.", e);
        }
    }

    /** The columns of the result: the first row's keys, or {@code fallback} when there are no rows. */
    static List<String> shownColumns(List<LinkedHashMap<String, Object>> rows, List<String> fallback) {
        return rows.isEmpty() ? fallback : List.copyOf(rows.get(0).keySet());
    }

    static String direction(boolean ascending) {
        return ascending ? "ascending" : "descending";
    }
}
