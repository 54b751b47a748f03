package dev.iafbt.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A line chart of time series on one date-aligned x-axis, rendered to inline SVG at build time:
 * every series is placed by its timestamps, so windows of different dates sit where they happened
 * rather than stretched over the same width. Optional shaded time spans (drawdown periods) and
 * area fill to zero (underwater). The {@code data-*} attributes let the page's script draw a
 * crosshair without any data of its own.
 */
final class TimeChart {
    private static final int W = 760;
    private static final int H = 240;
    private static final int LEFT = 56;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 26;
    private static final int LEGEND_ROW = 16;
    private static final int LEGEND_PER_ROW = 3;

    private record Line(String name, String color, Series series, boolean dashed) {
    }

    private final String label;
    private final boolean percent;
    private final boolean area;
    private final List<Line> lines = new ArrayList<>();
    private final List<long[]> shades = new ArrayList<>();

    /** {@code percent}: values are fractions shown as percent; {@code area}: fill down to zero. */
    public TimeChart(String label, boolean percent, boolean area) {
        this.label = label;
        this.percent = percent;
        this.area = area;
    }

    public TimeChart line(String name, String color, Series series, boolean dashed) {
        if (!series.isEmpty()) {
            lines.add(new Line(name, color, series, dashed));
        }
        return this;
    }

    public TimeChart shade(long fromMillis, long toMillis) {
        shades.add(new long[] {fromMillis, toMillis});
        return this;
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public String render() {
        if (lines.isEmpty()) {
            return "";
        }
        long t0 = Long.MAX_VALUE;
        long t1 = Long.MIN_VALUE;
        double lo = area ? 0 : Double.POSITIVE_INFINITY;
        double hi = area ? 0 : Double.NEGATIVE_INFINITY;
        for (Line l : lines) {
            t0 = Math.min(t0, l.series.times()[0]);
            t1 = Math.max(t1, l.series.times()[l.series.size() - 1]);
            for (double v : l.series.values()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (t1 == t0) {
            t1 = t0 + 86_400_000L;
        }
        if (hi == lo) {
            hi = lo + (lo == 0 ? 1 : Math.abs(lo) * 0.1);
        }
        double pad = (hi - lo) * 0.05;
        hi += area && hi == 0 ? 0 : pad;
        lo -= pad;
        Scale sx = new Scale(t0, t1, LEFT, W - RIGHT);
        Scale sy = new Scale(lo, hi, H - BOTTOM, TOP);
        int legendRows = lines.size() > 1 ? (lines.size() + LEGEND_PER_ROW - 1) / LEGEND_PER_ROW : 0;
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(W).append(' ').append(H + LEGEND_ROW * legendRows)
                .append("\" role=\"img\" aria-label=\"").append(Svg.esc(label)).append("\" data-t0=\"").append(t0)
                .append("\" data-t1=\"").append(t1).append("\" data-l=\"").append(LEFT).append("\" data-r=\"")
                .append(W - RIGHT).append("\">");
        for (long[] s : shades) {
            double x0 = sx.at(Math.max(s[0], t0));
            double x1 = sx.at(Math.min(s[1], t1));
            svg.append("<rect class=\"shade\" x=\"").append(Fmt.coord(x0)).append("\" y=\"").append(TOP)
                    .append("\" width=\"").append(Fmt.coord(Math.max(1, x1 - x0))).append("\" height=\"")
                    .append(H - TOP - BOTTOM).append("\"/>");
        }
        for (double v : Svg.ticks(lo, hi, 5)) {
            double y = sy.at(v);
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(W - RIGHT)
                    .append("\" y1=\"").append(Fmt.coord(y)).append("\" y2=\"").append(Fmt.coord(y)).append("\"/>")
                    .append("<text class=\"tick\" x=\"").append(LEFT - 4).append("\" y=\"").append(Fmt.coord(y + 3))
                    .append("\" text-anchor=\"end\">").append(percent ? Fmt.pct(v) : Fmt.num(v, 2)).append("</text>");
        }
        for (long t : timeTicks(t0, t1)) {
            svg.append("<text class=\"tick\" x=\"").append(Fmt.coord(sx.at(t))).append("\" y=\"").append(H - 8)
                    .append("\" text-anchor=\"middle\">").append(Fmt.date(t), 0, 7).append("</text>");
        }
        if (lo < 0 && hi > 0) {
            svg.append("<line class=\"zero\" x1=\"").append(LEFT).append("\" x2=\"").append(W - RIGHT).append("\" y1=\"")
                    .append(Fmt.coord(sy.at(0))).append("\" y2=\"").append(Fmt.coord(sy.at(0))).append("\"/>");
        }
        for (Line l : lines) {
            StringBuilder points = new StringBuilder(l.series.size() * 12);
            for (int i = 0; i < l.series.size(); i++) {
                points.append(i == 0 ? "" : " ").append(Fmt.coord(sx.at(l.series.times()[i]))).append(',')
                        .append(Fmt.coord(sy.at(l.series.values()[i])));
            }
            String title = "<title>" + Svg.esc(l.name) + "</title>";
            if (area) {
                String base = Fmt.coord(sy.at(0));
                svg.append("<polygon class=\"area\" fill=\"").append(l.color).append("\" points=\"")
                        .append(Fmt.coord(sx.at(l.series.times()[0]))).append(',').append(base).append(' ').append(points)
                        .append(' ').append(Fmt.coord(sx.at(l.series.times()[l.series.size() - 1]))).append(',')
                        .append(base).append("\">").append(title).append("</polygon>");
            }
            svg.append("<polyline class=\"line").append(l.dashed ? " dashed" : "").append("\" stroke=\"").append(l.color)
                    .append("\" points=\"").append(points).append("\">").append(title).append("</polyline>");
        }
        svg.append("<rect class=\"frame\" x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
                .append(W - LEFT - RIGHT).append("\" height=\"").append(H - TOP - BOTTOM).append("\"/>");
        if (legendRows > 0) {
            legend(svg);
        }
        return svg.append("</svg>").toString();
    }

    /** Under the plot, {@value #LEGEND_PER_ROW} entries a row: a swatch (dashed when the line is) and the name. */
    private void legend(StringBuilder svg) {
        int slot = (W - LEFT - RIGHT) / LEGEND_PER_ROW;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            int x = LEFT + (i % LEGEND_PER_ROW) * slot;
            int y = H + (i / LEGEND_PER_ROW) * LEGEND_ROW + 4;
            String name = l.name.length() > 48 ? l.name.substring(0, 47) + "…" : l.name;
            svg.append("<line class=\"line").append(l.dashed ? " dashed" : "").append("\" stroke=\"").append(l.color)
                    .append("\" x1=\"").append(x).append("\" x2=\"").append(x + 18).append("\" y1=\"").append(y)
                    .append("\" y2=\"").append(y).append("\"/><text class=\"legend\" x=\"").append(x + 22)
                    .append("\" y=\"").append(y + 3).append("\">").append(Svg.esc(name)).append("<title>")
                    .append(Svg.esc(l.name)).append("</title></text>");
        }
    }

    /** Month starts (or year starts on long spans) inside [t0, t1], at most about eight. */
    static List<Long> timeTicks(long t0, long t1) {
        LocalDate first = LocalDate.ofInstant(Instant.ofEpochMilli(t0), ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1);
        long months = Math.max(1, (t1 - t0) / (30L * 86_400_000L));
        int step = (int) Math.max(1, Math.ceil(months / 8.0));
        if (step > 6) {
            step = (int) (Math.ceil(step / 12.0) * 12);
            first = first.withMonth(1).plusYears(first.getMonthValue() == 1 ? 0 : 1);
        }
        List<Long> out = new ArrayList<>();
        for (LocalDate d = first; ; d = d.plusMonths(step)) {
            long t = d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            if (t > t1) {
                break;
            }
            out.add(t);
        }
        return out;
    }

    /** Linear map from a data range to a pixel range. */
    record Scale(double d0, double d1, double p0, double p1) {
        double at(double v) {
            return p0 + (v - d0) / (d1 - d0) * (p1 - p0);
        }
    }
}
