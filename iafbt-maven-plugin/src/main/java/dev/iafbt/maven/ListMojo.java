package dev.iafbt.maven;

import dev.iafbt.index.BacktestIndex;
import dev.iafbt.rank.IndexQuery;
import dev.iafbt.rank.QueryException;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lists rows of the index, the reference's {@code iaf list}: optional sort (NULLs last), filter,
 * limit and projection. Refreshes the index from the bundle folder first (unless
 * {@code refresh=false}), reads it read-only, logs the table and writes
 * {@code <outputDirectory>/list.csv} and {@code list.json}. It never changes bundles.
 */
@Mojo(name = "list", requiresProject = false, threadSafe = true)
public class ListMojo extends AbstractQueryMojo {
    /** Sort column or metric ({@code sharpe_ratio} or {@code summary_sharpe_ratio}); unset keeps index order. */
    @Parameter(property = "iafbt.by")
    String by;

    /** At most this many rows; unset for all. */
    @Parameter(property = "iafbt.limit")
    Integer limit;

    @Override
    protected String goal() {
        return "list";
    }

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        IndexTarget file = readyIndex();
        try (BacktestIndex opened = openForReading(file)) {
            IndexQuery query;
            List<LinkedHashMap<String, Object>> rows;
            List<String> shown;
            try {
                query = IndexQuery.builder().sortBy(by == null || by.isBlank() ? null : by.strip())
                        .ascending(ascending).limit(limit).columns(columnList()).where(where).build();
                rows = query.run(opened);
                shown = rows.isEmpty() ? query.projection(opened) : List.copyOf(rows.get(0).keySet());
            } catch (QueryException e) {
                throw invalid(e);
            }
            getLog().info(rows.size() + " of " + opened.count() + " indexed bundle(s)"
                    + (query.sortBy() == null ? "" : ", by " + query.sortBy() + " " + direction(ascending))
                    + (query.where() == null ? "" : ", where " + query.where()) + "; index: " + file.display());
            publish(opened, rows, shown);
        }
    }
}
