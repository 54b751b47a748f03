package dev.iafbt.report;

import dev.iafbt.internal.io.AtomicFiles;
import dev.iafbt.internal.io.OrphanTemps;
import dev.iafbt.report.ReportView.Report;
import freemarker.cache.ClassTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Renders the report model with the FreeMarker templates kept beside this class
 * ({@code report.ftlh}, HTML auto-escaping on for every value), inlining the page's own CSS and
 * script. Nothing is fetched at view time: the page carries a Content-Security-Policy that
 * forbids every request and runs no script but the page's own (by its hash).
 */
public final class ReportRenderer {
    private static final String ROOT = "/dev/iafbt/report";
    private static final Configuration CONFIG = configuration();
    private static final String CSS = resource("report.css");
    private static final String JS = resource("report.js");
    /** Where the template puts the ranking's rows: a comment no escaped model text can contain ({@code <} is escaped). */
    private static final String ROWS_MARKER = "<!--iafbt:ranking-rows-->";
    /**
     * The Content-Security-Policy allows exactly this script (CSP level 2 hash source): a value
     * that slipped past escaping into a {@code <script>} or an event handler would not run.
     */
    private static final String JS_HASH = "sha256-" + Base64.getEncoder().encodeToString(sha256(JS));

    private ReportRenderer() {
    }

    /**
     * Loads FreeMarker and parses the report's template, so that the first {@link #render} finds
     * it ready. In a fresh JVM that is some 500 classes and a parse: a few hundred milliseconds
     * that {@link HtmlReport#prepare()} moves off the critical path. A template that cannot be
     * read is left for {@link #render} to report.
     */
    static void prepare() {
        try {
            CONFIG.getTemplate("report.ftlh");
        } catch (IOException e) {
            // render() fails with the reason, where the caller expects it
        }
    }

    /**
     * The HTML, UTF-8. The ranking's rows, most of a sweep's page, are not passed through the
     * template: it renders a marker in their place, and the rows' bytes are put there, sparing
     * copies of the largest string (into the template's writer, out of it, then into bytes).
     */
    public static byte[] render(Report report) {
        RankingRows.Html ranking = RankingRows.html(report.rows(), report.columns().size() + 2);
        Map<String, Object> data = new HashMap<>();
        data.put("r", report);
        data.put("keyWidth", ranking.keyWidth());
        data.put("keySlots", ranking.slots());
        data.put("rankingRows", ROWS_MARKER);
        data.put("css", CSS);
        data.put("js", JS);
        data.put("jsHash", JS_HASH);
        StringWriter out = new StringWriter(1 << 16);
        try {
            Template template = CONFIG.getTemplate("report.ftlh");
            template.process(data, out);
        } catch (IOException | TemplateException e) {
            throw new ReportException("cannot render the report template: " + e.getMessage(), e);
        }
        String page = out.toString();
        int at = page.indexOf(ROWS_MARKER);
        byte[] head = page.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] rows = ranking.rows().getBytes(StandardCharsets.UTF_8);
        byte[] tail = page.substring(at + ROWS_MARKER.length()).getBytes(StandardCharsets.UTF_8);
        byte[] html = Arrays.copyOf(head, head.length + rows.length + tail.length);
        System.arraycopy(rows, 0, html, head.length, rows.length);
        System.arraycopy(tail, 0, html, head.length + rows.length, tail.length);
        return html;
    }

    /**
     * Another page with the report's set-up and style sheet (e.g. {@code diff.ftlh}), its model
     * under {@code name}; pages of their own keep the main template free of them.
     */
    static byte[] renderPage(String template, String name, Object model) {
        Map<String, Object> data = new HashMap<>();
        data.put(name, model);
        data.put("css", CSS);
        StringWriter out = new StringWriter(1 << 14);
        try {
            CONFIG.getTemplate(template).process(data, out);
        } catch (IOException | TemplateException e) {
            throw new ReportException("cannot render the " + template + " template: " + e.getMessage(), e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Refuses a report over budget, naming the parts that fill it and only the options that make
     * those parts smaller.
     */
    public static void checkBudget(byte[] html, ReportOptions options) {
        if (html.length > options.sizeBudget()) {
            throw new ReportBudgetException(String.format(Locale.ROOT, "the report would be %s (%d bytes), over the size"
                    + " budget of %s (%d bytes); %s", ReportSizes.mb(html.length), html.length,
                    ReportSizes.mb(options.sizeBudget()), options.sizeBudget(), ReportSizes.explain(html, options)));
        }
    }

    /**
     * Writes atomically, first removing what a killed earlier report to the same file left
     * behind (its temp file: {@link OrphanTemps}).
     */
    static void write(Path output, byte[] html) {
        try {
            OrphanTemps.removeFor(output);
            AtomicFiles.write(output.toAbsolutePath(), html);
        } catch (IOException e) {
            throw new ReportWriteException("cannot write the report to " + output + " (" + e
                    + "); an earlier report there is unchanged", e);
        }
    }

    private static Configuration configuration() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setTemplateLoader(new ClassTemplateLoader(ReportRenderer.class, ROOT));
        c.setDefaultEncoding("UTF-8");
        c.setOutputEncoding("UTF-8");
        c.setLocale(Locale.ROOT);
        c.setTimeZone(TimeZone.getTimeZone("UTC"));
        c.setNumberFormat("computer");
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        return c;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = ReportRenderer.class.getResourceAsStream(ROOT + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + ROOT + "/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
