package dev.iafbt.maven;

import dev.iafbt.IafbtException;
import dev.iafbt.check.MetricUnits;
import dev.iafbt.check.SweepDiff;
import dev.iafbt.check.SweepSource;
import dev.iafbt.index.IndexRow;
import dev.iafbt.model.SummaryField;
import dev.iafbt.rank.ResultFiles;
import dev.iafbt.report.DiffPage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compares two sweeps — {@code iafbt.base} and {@code iafbt.head}, each a folder of bundles, an
 * index file or a tiered store — per algorithm id: metric deltas, new and removed strategies and
 * the rank shift by {@code by}. Logs the summary and the changes, writes {@code diff.csv},
 * {@code diff.json} and the page {@code diff.html}, and with {@code allowedWorsening} fails the
 * build on a regression ("no strategy's Sharpe drops by more than 0.2"). Needs no project.
 *
 * <pre>{@code
 * mvn dev.iafbt:iafbt-maven-plugin:diff -Diafbt.base=results/main -Diafbt.head=results/branch \
 *     -Diafbt.allowedWorsening=sharpe_ratio=0.2,max_drawdown=0.05
 * }</pre>
 */
@Mojo(name = "diff", requiresProject = false, threadSafe = true)
public class DiffMojo extends AbstractIafbtMojo {
    /** The sweep compared against: a folder of bundles, an index file or a tiered store folder. */
    @Parameter(property = "iafbt.base", required = true)
    File base;

    /** The sweep compared: a folder of bundles, an index file or a tiered store folder. */
    @Parameter(property = "iafbt.head", required = true)
    File head;

    /** The summary metric both sweeps are ranked by, for the rank shift. */
    @Parameter(property = "iafbt.by", defaultValue = "sharpe_ratio")
    String by;

    /** Comma-separated summary metrics compared per strategy. */
    @Parameter(property = "iafbt.metrics",
            defaultValue = "sharpe_ratio,sortino_ratio,calmar_ratio,total_net_gain_percentage,max_drawdown")
    String metrics;

    /**
     * How much worse a metric may get before the build fails, comma-separated
     * {@code metric=amount}, e.g. {@code sharpe_ratio=0.2,max_drawdown=0.05} (in each metric's own
     * direction: a drawdown gets worse by growing). None by default: the diff only reports.
     */
    @Parameter(property = "iafbt.allowedWorsening")
    String allowedWorsening;

    /** Changes logged; every change is in the files. */
    @Parameter(property = "iafbt.limit", defaultValue = "20")
    int limit;

    /** Where {@code diff.csv}, {@code diff.json} and {@code diff.html} are written; default {@code target/iafbt}. */
    @Parameter(property = "iafbt.outputDirectory")
    File outputDirectory;

    /** Fail the build on a regression; {@code false} only warns. */
    @Parameter(property = "iafbt.haltOnFailure", defaultValue = "true")
    boolean haltOnFailure;

    @Override
    protected String goal() {
        return "diff";
    }

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        SummaryField orderBy;
        List<SummaryField> compared = new ArrayList<>();
        Map<SummaryField, Double> limits;
        try {
            orderBy = MetricUnits.summaryField(by);
            for (String name : metrics.split(",")) {
                if (!name.isBlank()) {
                    compared.add(MetricUnits.summaryField(name));
                }
            }
            limits = limits();
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("iafbt:diff configuration: " + e.getMessage());
        }
        Log log = getLog();
        Path basePath = resolve(base);
        Path headPath = resolve(head);
        SweepDiff diff;
        try {
            List<IndexRow> baseRows = read(basePath, "iafbt.base");
            List<IndexRow> headRows = read(headPath, "iafbt.head");
            diff = SweepDiff.of(baseRows, headRows, orderBy, compared, limits);
        } catch (IafbtException e) {
            throw new MojoFailureException("iafbt:diff cannot read both sweeps: " + e.getMessage(), e);
        }
        log.info("Diff of " + headPath + " against " + basePath + ": " + diff.summary());
        diff.duplicates().forEach(d -> log.warn("Algorithm id occurs more than once, compared by its first row: " + d));
        logChanges(log, diff);
        Path folder = outputFolder(outputDirectory);
        try {
            List<Path> files = new ArrayList<>(ResultFiles.write(folder, "diff", diff.rows(), diff.columns()));
            Path page = folder.resolve("diff.html");
            DiffPage.write(page, diff, basePath.toString(), headPath.toString(), !limits.isEmpty());
            files.add(page);
            log.info("Wrote " + files.stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElse(""));
        } catch (IOException | IafbtException e) {
            throw new MojoExecutionException("iafbt:diff cannot write its files to " + folder + ": " + e.getMessage(), e);
        }
        if (diff.regressions().isEmpty()) {
            if (!limits.isEmpty()) {
                log.info("No regression beyond " + allowedWorsening.strip());
            }
            return;
        }
        diff.regressions().forEach(r -> log.warn("Regression: " + r.describe()));
        String failure = diff.regressions().size() + " regression(s) beyond " + allowedWorsening.strip()
                + " (see the warnings above).";
        if (haltOnFailure) {
            throw new MojoFailureException(failure + " Fix the strategies, or raise the limit in iafbt.allowedWorsening;"
                    + " -Diafbt.haltOnFailure=false only warns.");
        }
        log.warn(failure + " Not failing the build, because haltOnFailure is false.");
    }

    private List<IndexRow> read(Path path, String parameter) {
        SweepSource.Kind kind = SweepSource.kindOf(path, parameter);
        getLog().info(parameter + ": " + path + " (" + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
        return SweepSource.rows(path, parameter);
    }

    private Map<SummaryField, Double> limits() {
        Map<SummaryField, Double> limits = new LinkedHashMap<>();
        if (allowedWorsening == null || allowedWorsening.isBlank()) {
            return limits;
        }
        for (String part : allowedWorsening.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("allowedWorsening takes metric=amount pairs such as sharpe_ratio=0.2,"
                        + " not '" + part.strip() + "'");
            }
            String amount = part.substring(eq + 1).strip();
            try {
                double value = amount.endsWith("%") ? Double.parseDouble(amount.substring(0, amount.length() - 1)) / 100
                        : Double.parseDouble(amount);
                limits.put(MetricUnits.summaryField(part.substring(0, eq)), value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("allowedWorsening: '" + amount + "' is no number (in '" + part.strip()
                        + "'); write e.g. sharpe_ratio=0.2 or max_drawdown=5%", e);
            }
        }
        return limits;
    }

    private void logChanges(Log log, SweepDiff diff) {
        List<SweepDiff.Entry> shown = new ArrayList<>();
        diff.entries().stream().filter(e -> e.change() != SweepDiff.Change.UNCHANGED).limit(Math.max(0, limit)).forEach(shown::add);
        for (SweepDiff.Entry entry : shown) {
            StringBuilder line = new StringBuilder(entry.algorithmId()).append(": ");
            switch (entry.change()) {
                case NEW -> line.append("new, #").append(entry.headRank());
                case REMOVED -> line.append("removed (was #").append(entry.baseRank()).append(')');
                default -> {
                    int shift = entry.rankShift();
                    line.append('#').append(entry.baseRank()).append(" -> #").append(entry.headRank())
                            .append(shift == 0 ? "" : shift > 0 ? " (up " + shift + ")" : " (down " + -shift + ")");
                    entry.deltas().stream().filter(d -> !Double.isNaN(d.difference()) && d.difference() != 0)
                            .forEach(d -> line.append(", ").append(d.metric().key()).append(' ')
                                    .append(d.difference() > 0 ? "+" : "").append(MetricUnits.format(d.difference())));
                }
            }
            log.info("  " + line);
        }
        long changes = diff.entries().stream().filter(e -> e.change() != SweepDiff.Change.UNCHANGED).count();
        if (changes > shown.size()) {
            log.info("  ... and " + (changes - shown.size()) + " more change(s) in the files (-Diafbt.limit raises this)");
        }
    }
}
