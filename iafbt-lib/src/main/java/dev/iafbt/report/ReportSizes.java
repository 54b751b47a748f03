package dev.iafbt.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the bytes of a rendered report are, and which option would make it smaller. The size-budget
 * error used to advise lowering {@code topK}, {@code maxPoints} and {@code maxTableRows} whatever
 * filled the file, which cannot help when the ranking of a huge folder or one strategy's long
 * parameter list does. The page is cut at its own landmarks ({@code <section>}, {@code <h3>}, the
 * inlined style and script), and the same part of every tear sheet is summed.
 */
final class ReportSizes {
    /** A part of the page, its bytes, and the options that shrink it, one each (empty when none does). */
    record Part(String name, long bytes, List<String> knobs) {
    }

    private static final String[] MARKERS = {"<section id=\"", "<h3", "</section>", "<style>", "<script>"};

    private ReportSizes() {
    }

    /** The parts of {@code html}, largest first. */
    static List<Part> parts(byte[] html, ReportOptions options) {
        String page = new String(html, StandardCharsets.ISO_8859_1); // 1 char per byte: offsets are byte counts
        Map<String, long[]> bytes = new LinkedHashMap<>();
        Map<String, List<String>> knobs = new LinkedHashMap<>();
        boolean inSheet = false;
        String current = "page header";
        List<String> knob = List.of();
        int from = 0;
        int at = next(page, 0);
        while (from < page.length()) {
            int end = at < 0 ? page.length() : at;
            bytes.computeIfAbsent(current, k -> new long[1])[0] += end - from;
            knobs.putIfAbsent(current, knob);
            if (at < 0) {
                break;
            }
            from = at;
            if (page.startsWith("<section id=\"", at)) {
                inSheet = !page.startsWith("overview\"", at + 13) && !page.startsWith("info\"", at + 13);
                current = inSheet ? "tear sheet headings and figures" : "page header";
                knob = inSheet ? List.of(topK(options)) : List.of();
            } else if (page.startsWith("<h3", at)) {
                String title = title(page, at);
                current = inSheet ? title + " of the tear sheets" : title;
                knob = knob(title, inSheet, options);
            } else if (page.startsWith("</section>", at)) {
                inSheet = false;
                current = "page header";
                knob = List.of();
            } else {
                current = "the page's own style and script";
                knob = List.of();
            }
            at = next(page, at + 1);
        }
        List<Part> parts = new ArrayList<>();
        bytes.forEach((name, n) -> parts.add(new Part(name, n[0], knobs.get(name))));
        parts.sort(Comparator.comparingLong(Part::bytes).reversed());
        return parts;
    }

    /**
     * The budget error's explanation: the three largest parts with their sizes, then the options
     * that shrink those parts (only those), then raising the budget.
     */
    static String explain(byte[] html, ReportOptions options) {
        List<Part> top = parts(html, options).stream().limit(3).toList();
        StringBuilder out = new StringBuilder("most of it is ");
        Set<String> advice = new LinkedHashSet<>();
        for (int i = 0; i < top.size(); i++) {
            Part p = top.get(i);
            out.append(i == 0 ? "" : ", ").append(p.name()).append(' ').append(mb(p.bytes()));
            advice.addAll(p.knobs()); // one option at a time, so two parts never repeat one
        }
        out.append("; ");
        advice.forEach(a -> out.append(a).append(", or "));
        return out.append("raise sizeBudget").toString();
    }

    /** MB to one decimal, or KB below a megabyte (a 10 KB budget is not "0.0 MB"). */
    static String mb(long bytes) {
        return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0)
                : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }

    private static List<String> knob(String title, boolean inSheet, ReportOptions o) {
        String lower = title.toLowerCase(Locale.ROOT);
        if (lower.startsWith("trades") || lower.startsWith("orders")) {
            return List.of(String.format(Locale.ROOT, "lower maxTableRows (now %d)", o.maxTableRows()), topK(o));
        }
        if (lower.startsWith("equity") || lower.startsWith("underwater") || lower.startsWith("rolling")
                || lower.startsWith("drawdown") || lower.startsWith("risk")) {
            String points = String.format(Locale.ROOT, "lower maxPoints (now %d)", o.maxPoints());
            return inSheet ? List.of(points, topK(o)) : List.of(points);
        }
        if (lower.startsWith("ranking")) {
            return List.of("show fewer strategies with where (the ranking has a row for every strategy it shows)");
        }
        return inSheet ? List.of(topK(o)) : List.of();
    }

    private static String topK(ReportOptions o) {
        return "lower topK (now " + o.topK() + ")";
    }

    /** The heading's text without tags or a trailing count such as "(3)". */
    private static String title(String page, int at) {
        int open = page.indexOf('>', at);
        int close = page.indexOf("</h3>", open);
        if (open < 0 || close < 0) {
            return "other";
        }
        String text = new String(page.substring(open + 1, close).replaceAll("<[^>]*>", "")
                .getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8).replaceAll("\\s*\\(\\d+\\)$", "").strip();
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private static int next(String page, int from) {
        int best = -1;
        for (String m : MARKERS) {
            int i = page.indexOf(m, from);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }
}
