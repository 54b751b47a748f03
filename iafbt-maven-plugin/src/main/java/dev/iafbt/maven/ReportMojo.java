package dev.iafbt.maven;

import dev.iafbt.index.BacktestIndex;
import dev.iafbt.index.Indexes;
import dev.iafbt.index.TieredLayout;
import dev.iafbt.rank.EvaluationFocus;
import dev.iafbt.rank.QueryException;
import dev.iafbt.report.HtmlReport;
import dev.iafbt.report.ReportBudgetException;
import dev.iafbt.report.ReportException;
import dev.iafbt.report.ReportOptions;
import dev.iafbt.report.ReportSource;
import dev.iafbt.report.ReportView.Skipped;
import dev.iafbt.report.ReportWriteException;
import dev.iafbt.store.LocalTieredStore;
import dev.iafbt.store.ObjectTieredStore;
import dev.iafbt.store.StoreException;
import dev.iafbt.store.StoreKind;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * Writes the HTML report of a bundle folder: one self-contained, offline file
 * ({@code <outputDirectory>/report.html}) with a ranking of every strategy and a tear sheet for
 * each of the best {@code topK}. The same bundles give the same bytes. Unreadable bundles are
 * listed in the report and logged as warnings; the build fails on them only with
 * {@code failOnError}.
 *
 * <p>For large sweeps the report reads an index instead of every bundle: when {@code index} or
 * {@code where} is set, or {@code <bundles>/index.sqlite} exists, the ranking comes from the
 * index's summary rows (refreshed first, as {@code rank} does) and only the top {@code topK}
 * bundles are opened. With {@code store}, the rows and bundles come from a local-dir or
 * local-tiered store, each bundle opened by its handle, or from an s3-tiered store
 * ({@code s3://bucket/prefix}, its Tier 1 at {@code index}), of which only the top {@code topK}
 * bundles are downloaded.
 *
 * <p>Also a site report: listed under {@code <reporting>}, {@code mvn site} writes the same file to
 * {@code target/site/iafbt/report.html} and links it from the project reports menu (an
 * <em>external</em> report, like jacoco's: the page is the report's own, not a site-skinned one).
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class ReportMojo extends AbstractIndexReadingMojo implements MavenReport {
    /** The site's output folder while {@code mvn site} runs this goal as a report; null otherwise. */
    private File reportOutputDirectory;

    /** The PostgreSQL index a report is reading, open until the report is written; null otherwise. */
    private BacktestIndex openedIndex;

    /** The s3-tiered store a report is reading, open until the report is written; null otherwise. */
    private ObjectTieredStore openedStore;

    /** The store's kind, {@code local-dir} or {@code local-tiered}; unset: {@code local-tiered} when it has a {@code bundles/} folder. */
    @Parameter(property = "iafbt.storeKind")
    String storeKind;

    /** Where {@code report.html} is written; default {@code target/iafbt} (of the project, or of the current folder). */
    @Parameter(property = "iafbt.outputDirectory")
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
    @Parameter(property = "iafbt.maxTableRows", defaultValue = "100")
    int maxTableRows;

    /** Text shown as the generation time; unset keeps the file byte-for-byte reproducible. */
    @Parameter(property = "iafbt.generated")
    String generated;

    /**
     * Also audit each tear sheet's stored metrics against a fresh v8.10.0 recomputation and badge
     * a stale bundle (written by an older framework version, or edited). About half of a report's
     * time, so off by default: a report from an index then still takes the flags the index recorded
     * ({@code iafbt:index -Diafbt.audit=true}) for the very files it opens, and the report's notes
     * say how many tear sheets went unaudited.
     */
    @Parameter(property = "iafbt.audit", defaultValue = "false")
    boolean audit;

    /** Fail the build when a bundle cannot be read (by default it is listed and warned about). */
    @Parameter(property = "iafbt.failOnError", defaultValue = "false")
    boolean failOnError;

    @Override
    protected String goal() {
        return "report";
    }

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        produce(outputFolder(outputDirectory).resolve("report.html"));
    }

    private void produce(Path output) throws MojoExecutionException, MojoFailureException {
        HtmlReport.prepare(); // the templates load on another core while the index refreshes and the rows are read
        Path folder = resolve(bundles);
        HtmlReport.Result result;
        try {
            result = write(source(folder), output, options());
        } finally {
            closeOpenedIndex();
        }
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

    // ---- MavenReport: the same goal inside mvn site ----

    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        if (skip) {
            getLog().info("Skipping iafbt:report because property iafbt.skip is set.");
            return;
        }
        try {
            produce(getReportOutputDirectory().toPath().resolve(getOutputName() + ".html"));
        } catch (MojoExecutionException | MojoFailureException e) {
            throw new MavenReportException(e.getMessage(), e);
        }
    }

    @Override
    @SuppressWarnings("deprecation") // Maven 3.8's site plugin still asks for it
    public String getOutputName() {
        return "iafbt/report";
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public String getName(Locale locale) {
        return "iafbt backtest report";
    }

    @Override
    public String getDescription(Locale locale) {
        return "Ranking and tear sheets of the project's .iafbt backtest bundles.";
    }

    @Override
    public void setReportOutputDirectory(File directory) {
        this.reportOutputDirectory = directory;
    }

    @Override
    public File getReportOutputDirectory() {
        return reportOutputDirectory != null ? reportOutputDirectory : resolve(new File("target/site")).toFile();
    }

    @Override
    public boolean isExternalReport() {
        return true;
    }

    /** Only when there is a bundle folder: a project without backtests gets no empty report page. */
    @Override
    public boolean canGenerateReport() {
        return !skip && (isS3(store) || (store != null ? Files.isDirectory(resolve(new File(store.strip())))
                : Files.isDirectory(resolve(bundles)))
                || index != null && (Indexes.isJdbcUrl(index.strip()) || Files.isRegularFile(resolve(new File(index.strip())))));
    }

    /** The store, the index, or the folder itself: see {@link #index} and {@link #store}. */
    private ReportSource source(Path folder) throws MojoExecutionException, MojoFailureException {
        refuseS3Folder(bundles);
        if (isS3(store)) {
            IndexTarget tier1 = readyIndex();
            openedStore = openObjectStore(store.strip(), tier1);
            getLog().info("Reporting from the s3-tiered store " + openedStore.root() + "; only the top " + topK
                    + " bundle(s) are downloaded");
            return ReportSource.store(openedStore);
        }
        if (store != null) {
            Path root = resolve(new File(store.strip()));
            if (!Files.isDirectory(root)) {
                throw new MojoFailureException("iafbt.store " + root + " is not a folder. Set iafbt.store to the root"
                        + " of a local-dir or local-tiered store.");
            }
            try {
                StoreKind kind = storeKind == null || storeKind.isBlank()
                        ? Files.isDirectory(root.resolve(LocalTieredStore.BUNDLES_DIR)) ? StoreKind.LOCAL_TIERED
                        : StoreKind.LOCAL_DIR : StoreKind.of(storeKind.strip());
                getLog().info("Reporting from the " + kind.id() + " store " + root);
                return ReportSource.store(kind.open(root));
            } catch (StoreException e) {
                throw new MojoFailureException("iafbt:report cannot open the store " + root + ": " + e.getMessage()
                        + " (iafbt.storeKind)", e);
            }
        }
        Optional<Path> tiered = index == null ? TieredLayout.storeOf(folder) : Optional.empty();
        if (tiered.isPresent()) {
            // a tiered store's bundles/ folder: its own index names handles, so read it as the store
            getLog().info("Reporting from the local-tiered store " + tiered.get() + " (iafbt.bundles is its bundles folder)");
            return ReportSource.store(StoreKind.LOCAL_TIERED.open(tiered.get()));
        }
        Path beside = IndexLocation.of(folder, null);
        boolean fromIndex = index != null || (where != null && !where.isBlank()) || Files.isRegularFile(beside);
        if (!fromIndex) {
            return ReportSource.folder(folder);
        }
        IndexTarget target = readyIndex();
        getLog().info("Reporting from index " + target.display() + "; only the top " + topK + " bundle(s) are opened");
        if (!target.isDatabase()) {
            return ReportSource.index(target.file(), folder);
        }
        // a PostgreSQL index stays open while the report is built: rows, ranking and where run there
        openedIndex = openForReading(target);
        return ReportSource.index(openedIndex, folder);
    }

    private void closeOpenedIndex() {
        if (openedIndex != null) {
            openedIndex.close();
            openedIndex = null;
        }
        if (openedStore != null) {
            openedStore.close();
            openedStore = null;
        }
    }

    private HtmlReport.Result write(ReportSource source, Path output, ReportOptions options) throws MojoFailureException {
        try {
            return HtmlReport.write(source, output, options);
        } catch (QueryException e) {
            throw new MojoFailureException("iafbt:report cannot order the strategies: " + e.getMessage()
                    + ". Check iafbt.by, iafbt.focus and iafbt.where.", e);
        } catch (ReportBudgetException e) {
            String properties = Stream.of("topK", "maxPoints", "maxTableRows", "where", "sizeBudget")
                    .filter(e.getMessage()::contains).map(o -> "iafbt." + o).collect(Collectors.joining(", "));
            throw new MojoFailureException("iafbt:report failed: " + e.getMessage() + " (properties " + properties + ")", e);
        } catch (ReportWriteException e) {
            // the bundle folder is not the problem: only the output folder's disk or rights can help
            throw new MojoFailureException("iafbt:report failed: " + e.getMessage() + ". Free space or grant write"
                    + " access there, or set iafbt.outputDirectory (now " + output.getParent() + ") to another folder.", e);
        } catch (ReportException e) {
            String fix = store != null ? " Set iafbt.store to the root of a local-dir or local-tiered store, or to an"
                    + " s3-tiered store's s3://bucket/prefix (now " + store.strip() + ")." : index != null ? " Set iafbt.index to an index built by iafbt:index (now "
                    + index.strip() + ")." : " Set iafbt.bundles to a folder of .iafbt bundles (now "
                    + bundles.getPath() + ").";
            throw new MojoFailureException("iafbt:report failed: " + e.getMessage() + "." + fix, e);
        }
    }

    private ReportOptions options() throws MojoFailureException {
        try {
            EvaluationFocus preset = focus == null || focus.isBlank() ? EvaluationFocus.BALANCED : EvaluationFocus.parse(focus);
            return ReportOptions.defaults().withTitle(title).withTopK(topK).withOrder(preset, by, ascending)
                    .withSizeBudget(sizeBudget).withLimits(maxPoints, maxTableRows).withGenerated(generated)
                    .withWhere(where).withAuditMetrics(audit);
        } catch (QueryException | ReportException e) {
            throw new MojoFailureException("iafbt:report has an invalid parameter: " + e.getMessage()
                    + " (iafbt.focus, iafbt.topK, iafbt.sizeBudget, iafbt.maxPoints, iafbt.maxTableRows)", e);
        }
    }
}
