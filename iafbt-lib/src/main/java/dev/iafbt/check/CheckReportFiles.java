package dev.iafbt.check;

import dev.iafbt.IafbtException;
import dev.iafbt.internal.io.AtomicFiles;
import dev.iafbt.internal.json.PythonJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A check's verdicts for machines: a JUnit XML report (one test case per bundle and per check over
 * all bundles, in the Surefire layout that Jenkins, GitLab, GitHub Actions reporters and IDEs read)
 * and a JSON file with the same verdicts and the per-rule counts. Written atomically, so CI never
 * picks up half a report.
 */
public final class CheckReportFiles {
    /** The JUnit XML file name; {@code TEST-*.xml} is the pattern CI report steps look for by default. */
    public static final String JUNIT_XML = "TEST-iafbt-check.xml";
    /** The JSON file name. */
    public static final String JSON = "check.json";

    private final String suite;
    private final List<BundleVerdict> verdicts;
    private final List<CheckResult> closing;
    private final RuleTally tally;

    /**
     * @param suite the test suite's name, e.g. {@code iafbt.check}
     * @param closing the checks over all bundles (no bundle found, baseline file, orphaned entries)
     */
    public CheckReportFiles(String suite, List<BundleVerdict> verdicts, List<CheckResult> closing, RuleTally tally) {
        this.suite = suite;
        this.verdicts = List.copyOf(verdicts);
        this.closing = List.copyOf(closing);
        this.tally = tally;
    }

    /** Writes both files into {@code folder} (created when missing) and returns their paths. */
    public List<Path> writeTo(Path folder) {
        Path xml = folder.resolve(JUNIT_XML);
        Path json = folder.resolve(JSON);
        try {
            AtomicFiles.write(xml, junitXml().getBytes(StandardCharsets.UTF_8));
            AtomicFiles.write(json, json().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IafbtException("cannot write the check's report files to " + folder + ": " + e.getMessage(), e);
        }
        return List.of(xml, json);
    }

    /** The JUnit XML text. */
    public String junitXml() {
        long failures = verdicts.stream().filter(v -> !v.failures().isEmpty()).count()
                + closing.stream().filter(CheckResult::isFailure).count();
        long skipped = closing.stream().filter(c -> c.status() == CheckResult.Status.SKIPPED).count();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"").append(escape(suite)).append("\" tests=\"").append(verdicts.size() + closing.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"").append(skipped).append("\">\n");
        for (BundleVerdict verdict : verdicts) {
            List<CheckResult> failed = verdict.failures();
            testCase(xml, verdict.displayName(), failed.isEmpty() ? null : joinMessages(failed), false);
        }
        for (CheckResult check : closing) {
            testCase(xml, check.name(), check.isFailure() || check.status() == CheckResult.Status.SKIPPED ? check.message() : null,
                    check.status() == CheckResult.Status.SKIPPED);
        }
        return xml.append("</testsuite>\n").toString();
    }

    /** The JSON text: {@code {"suite", "bundles": [...], "checks": [...], "rules": {rule: failing bundles}}}. */
    public String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("suite", suite);
        root.put("bundle_count", verdicts.size());
        List<Object> bundles = new ArrayList<>();
        for (BundleVerdict verdict : verdicts) {
            Map<String, Object> bundle = new LinkedHashMap<>();
            bundle.put("file", verdict.name());
            bundle.put("algorithm_id", verdict.algorithmId());
            bundle.put("passed", verdict.failures().isEmpty());
            bundle.put("failures", verdict.failures().stream().map(CheckReportFiles::failure).toList());
            bundles.add(bundle);
        }
        root.put("bundles", bundles);
        root.put("checks", closing.stream().map(c -> {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("check", c.name());
            check.put("status", c.status().name().toLowerCase(Locale.ROOT));
            check.put("message", c.message());
            return check;
        }).toList());
        Map<String, Object> rules = new LinkedHashMap<>();
        tally.orderedFailures().forEach(rules::put);
        root.put("rules_failed_by", rules);
        return PythonJson.dumps(root) + "\n";
    }

    private static Map<String, Object> failure(CheckResult result) {
        Map<String, Object> failure = new LinkedHashMap<>();
        failure.put("check", result.name());
        failure.put("rules", result.failedRules());
        failure.put("message", result.message());
        return failure;
    }

    private static String joinMessages(List<CheckResult> failed) {
        StringBuilder text = new StringBuilder();
        failed.forEach(f -> text.append(text.length() == 0 ? "" : "\n").append(f.message()));
        return text.toString();
    }

    private void testCase(StringBuilder xml, String name, String problem, boolean skipped) {
        xml.append("  <testcase classname=\"").append(escape(suite)).append("\" name=\"").append(escape(name)).append('"');
        if (problem == null) {
            xml.append("/>\n");
            return;
        }
        String firstLine = problem.lines().findFirst().orElse("");
        xml.append(">\n    <").append(skipped ? "skipped" : "failure").append(" message=\"").append(escape(firstLine))
                .append("\">").append(escape(problem)).append("</").append(skipped ? "skipped" : "failure").append(">\n");
        xml.append("  </testcase>\n");
    }

    /** XML text and attribute escaping; characters XML 1.0 forbids become U+FFFD. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\n', '\t' -> out.append(c);
                case '\r' -> out.append("&#13;");
                default -> out.append(c < 0x20 || c == 0xFFFE || c == 0xFFFF ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
