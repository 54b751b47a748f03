package dev.iafbt.maven;

import dev.iafbt.rank.EvaluationFocus;
import dev.iafbt.rank.QueryException;
import dev.iafbt.report.HtmlReport;
import dev.iafbt.report.ReportException;
import dev.iafbt.report.ReportOptions;
import dev.iafbt.report.ReportView.Skipped;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the HTML report of a bundle folder: one self-contained, offline file
 * ({@code <outputDirectory>/report.html}) with a ranking of every strategy and a tear sheet for
 * each of the best {@code topK}. The same bundles give the same bytes. Unreadable bundles are
 * listed in the report and logged as warnings; the build fails on them only with
 * {@code failOnError}.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class ReportMojo extends AbstractIafbtMojo {
    /** The bundle folder (searched recursively for {@code *.iafbt}). */
    @Parameter(property = "iafbt.bundles", defaultValue = "backtests")
    File bundles;

    /** Where {@code report.html} is written. */
    @Parameter(property = "iafbt.outputDirectory", defaultValue = "${project.build.directory}/iafbt")
    File outputDirectory;

    /** The report's title. */
    @Parameter(property = "iafbt.title", defaultValue = "Backtest report")
    String title;

    /** How many of the best-ranked strategies get a full tear sheet; the rest are summary-only rows. */
    @Parameter(property = "iafbt.topK", defaultValue = "25")
    int topK;

    /** Order by this focus preset's score: balanced, profit, frequency or risk_adjusted. */
    @Parameter(property = "iafbt.focus", defaultValue = "balanced")
    String focus;

    /** Order by this metric instead of a focus score (e.g. {@code sharpe_ratio}). */
    @Parameter(property = "iafbt.by")
    String by;

    /** Order ascending instead of descending. */
    @Parameter(property = "iafbt.ascending", defaultValue = "false")
    boolean ascending;

    /** The largest report allowed, in bytes; a bigger one fails the build and is not written. */
    @Parameter(property = "iafbt.sizeBudget", defaultValue = "10485760")
    long sizeBudget;

    /** Chart points per curve (LTTB downsampling keeps drawdown peaks, valleys and recoveries). */
    @Parameter(property = "iafbt.maxPoints", defaultValue = "400")
    int maxPoints;

    /** Trade and order rows per strategy. */
    @Parameter(property = "iafbt.maxTableRows", defaultValue = "500")
    int maxTableRows;

    /** Text shown as the generation time; unset keeps the file byte-for-byte reproducible. */
    @Parameter(property = "iafbt.generated")
    String generated;

    /** Fail the build when a bundle cannot be read (by default it is listed and warned about). */
    @Parameter(property = "iafbt.failOnError", defaultValue = "false")
    boolean failOnError;

    @Override
    protected String goal() {
        return "report";
    }

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        Path folder = resolve(bundles);
        Path output = (outputDirectory != null ? resolve(outputDirectory) : resolve(new File("target/iafbt")))
                .resolve("report.html");
        HtmlReport.Result result = write(folder, output, options());
        Log log = getLog();
        for (Skipped s : result.skipped()) {
            log.warn("Skipped " + s.bundle() + ": " + s.reason());
        }
        log.info(String.format(Locale.ROOT, "Wrote %s (%.1f KB): %d strateg%s, %d with a tear sheet, %d skipped",
                output, result.bytes() / 1024.0, result.strategies(), result.strategies() == 1 ? "y" : "ies",
                result.detailed(), result.skipped().size()));
        if (failOnError && !result.skipped().isEmpty()) {
            throw new MojoFailureException(result.skipped().size() + " bundle(s) in " + folder + " could not be read"
                    + " (listed above and in the report); remove or repair them, or run without -Diafbt.failOnError");
        }
    }

    private HtmlReport.Result write(Path folder, Path output, ReportOptions options) throws MojoFailureException {
        try {
            return HtmlReport.write(folder, output, options);
        } catch (QueryException e) {
            throw new MojoFailureException("iafbt:report cannot order the strategies: " + e.getMessage()
                    + ". Check iafbt.by and iafbt.focus.", e);
        } catch (ReportException e) {
            String hint = e.getMessage().contains("size budget") ? " (parameters iafbt.topK, iafbt.maxPoints,"
                    + " iafbt.maxTableRows, iafbt.sizeBudget)" : " Set iafbt.bundles to a folder of .iafbt bundles"
                    + " (now " + bundles.getPath() + ").";
            throw new MojoFailureException("iafbt:report failed: " + e.getMessage() + "." + hint, e);
        }
    }

    private ReportOptions options() throws MojoFailureException {
        try {
            EvaluationFocus preset = focus == null || focus.isBlank() ? EvaluationFocus.BALANCED : EvaluationFocus.parse(focus);
            return ReportOptions.defaults().withTitle(title).withTopK(topK).withOrder(preset, by, ascending)
                    .withSizeBudget(sizeBudget).withLimits(maxPoints, maxTableRows).withGenerated(generated);
        } catch (QueryException | ReportException e) {
            throw new MojoFailureException("iafbt:report has an invalid parameter: " + e.getMessage()
                    + " (iafbt.focus, iafbt.topK, iafbt.sizeBudget, iafbt.maxPoints, iafbt.maxTableRows)", e);
        }
    }
}
