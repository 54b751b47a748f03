package dev.iafbt.report;

import java.util.List;

/**
 * The two non-time charts: a risk/return scatter (both axes from the same scope, the summary over
 * all windows; the reference mixed a window's volatility with the summary CAGR) and a bar chart
 * of yearly returns. Inline SVG, rendered at build time.
 */
final class PlotCharts {
    private static final int W = 760;
    private static final int H = 300;
    private static final int LEFT = 60;
    private static final int BOTTOM = 34;
    private static final int TOP = 22;
    private static final int RIGHT = 12;

    /** One strategy in the scatter; {@code anchor} links to its tear sheet when it has one. */
    public record Point(double x, double y, String label, String anchor) {
    }

    private PlotCharts() {
    }

    public static String scatter(List<Point> points, String xLabel, String yLabel) {
        List<Point> finite = points.stream().filter(p -> Double.isFinite(p.x) && Double.isFinite(p.y)).toList();
        if (finite.isEmpty()) {
            return "";
        }
        double x0 = Math.min(0, finite.stream().mapToDouble(Point::x).min().orElse(0));
        double x1 = finite.stream().mapToDouble(Point::x).max().orElse(1);
        double y0 = finite.stream().mapToDouble(Point::y).min().orElse(0);
        double y1 = finite.stream().mapToDouble(Point::y).max().orElse(1);
        double px = (x1 - x0) * 0.05 + 1e-9;
        double py = (y1 - y0) * 0.08 + 1e-9;
        TimeChart.Scale sx = new TimeChart.Scale(x0 - px, x1 + px, LEFT, W - RIGHT);
        TimeChart.Scale sy = new TimeChart.Scale(y0 - py, y1 + py, H - BOTTOM, TOP);
        StringBuilder svg = new StringBuilder(256 + finite.size() * 120);
        svg.append("<svg class=\"plot\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" role=\"img\" aria-label=\"").append(Svg.esc(yLabel + " against " + xLabel)).append("\">");
        axes(svg, sx, sy, x0 - px, x1 + px, y0 - py, y1 + py);
        svg.append("<text class=\"axis\" x=\"").append((W + LEFT) / 2).append("\" y=\"").append(H - 2)
                .append("\" text-anchor=\"middle\">").append(Svg.esc(xLabel)).append("</text>")
                .append("<text class=\"axis\" x=\"").append(LEFT).append("\" y=\"").append(TOP - 8).append("\">").append(Svg.esc(yLabel))
                .append("</text>");
        for (Point p : finite) {
            boolean linked = p.anchor != null;
            if (linked) {
                svg.append("<a href=\"#").append(Svg.esc(p.anchor)).append("\">");
            }
            svg.append("<circle class=\"dot").append(linked ? " detailed" : "").append("\" cx=\"")
                    .append(Fmt.coord(sx.at(p.x))).append("\" cy=\"").append(Fmt.coord(sy.at(p.y)))
                    .append("\" r=\"").append(linked ? 4 : 2.5).append("\"><title>").append(Svg.esc(p.label))
                    .append(": ").append(Fmt.pct(p.y)).append(" / ").append(Fmt.pct(p.x)).append("</title></circle>");
            if (linked) {
                svg.append("</a>");
            }
        }
        return svg.append("</svg>").toString();
    }

    /** Bars of fractions, labelled below, value on top. */
    public static String bars(List<String> labels, List<Double> values, String ariaLabel) {
        if (labels.isEmpty()) {
            return "";
        }
        double lo = Math.min(0, values.stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).min().orElse(0));
        double hi = Math.max(0, values.stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).max().orElse(0));
        if (hi == lo) {
            hi = lo + 0.01;
        }
        double pad = (hi - lo) * 0.12;
        TimeChart.Scale sy = new TimeChart.Scale(lo - (lo < 0 ? pad : 0), hi + pad, H - BOTTOM, TOP);
        double slot = Math.min(90, (double) (W - LEFT - RIGHT) / labels.size()); // a lone year is not a wall
        StringBuilder svg = new StringBuilder(512);
        svg.append("<svg class=\"plot\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" role=\"img\" aria-label=\"").append(Svg.esc(ariaLabel)).append("\">");
        double zero = sy.at(0);
        for (int i = 0; i < labels.size(); i++) {
            double v = values.get(i);
            if (!Double.isFinite(v)) {
                continue;
            }
            double x = LEFT + i * slot + slot * 0.2;
            double y = Math.min(zero, sy.at(v));
            svg.append("<rect class=\"").append(v >= 0 ? "bar-up" : "bar-down").append("\" x=\"").append(Fmt.coord(x))
                    .append("\" y=\"").append(Fmt.coord(y)).append("\" width=\"").append(Fmt.coord(slot * 0.6))
                    .append("\" height=\"").append(Fmt.coord(Math.max(0.5, Math.abs(sy.at(v) - zero))))
                    .append("\"><title>").append(Svg.esc(labels.get(i))).append(": ").append(Fmt.pct(v))
                    .append("</title></rect><text class=\"tick\" x=\"").append(Fmt.coord(x + slot * 0.3))
                    .append("\" y=\"").append(Fmt.coord(v >= 0 ? y - 3 : y + Math.abs(sy.at(v) - zero) + 11))
                    .append("\" text-anchor=\"middle\">").append(Fmt.pct(v)).append("</text><text class=\"tick\" x=\"")
                    .append(Fmt.coord(x + slot * 0.3)).append("\" y=\"").append(H - 12)
                    .append("\" text-anchor=\"middle\">").append(Svg.esc(labels.get(i))).append("</text>");
        }
        svg.append("<line class=\"zero\" x1=\"").append(LEFT).append("\" x2=\"").append(W - RIGHT).append("\" y1=\"")
                .append(Fmt.coord(zero)).append("\" y2=\"").append(Fmt.coord(zero)).append("\"/>");
        return svg.append("</svg>").toString();
    }

    private static void axes(StringBuilder svg, TimeChart.Scale sx, TimeChart.Scale sy, double x0, double x1, double y0,
            double y1) {
        for (double v : Svg.ticks(y0, y1, 5)) {
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(W - RIGHT).append("\" y1=\"")
                    .append(Fmt.coord(sy.at(v))).append("\" y2=\"").append(Fmt.coord(sy.at(v))).append("\"/><text class=\"tick\" x=\"")
                    .append(LEFT - 4).append("\" y=\"").append(Fmt.coord(sy.at(v) + 3)).append("\" text-anchor=\"end\">")
                    .append(Fmt.pct(v)).append("</text>");
        }
        for (double v : Svg.ticks(x0, x1, 6)) {
            svg.append("<text class=\"tick\" x=\"").append(Fmt.coord(sx.at(v))).append("\" y=\"").append(H - BOTTOM + 13)
                    .append("\" text-anchor=\"middle\">").append(Fmt.pct(v)).append("</text>");
        }
        svg.append("<rect class=\"frame\" x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
                .append(W - LEFT - RIGHT).append("\" height=\"").append(H - TOP - BOTTOM).append("\"/>");
    }
}
