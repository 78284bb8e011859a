package org.commonground.dialogue;

import java.util.List;
import java.util.Locale;
import org.commonground.report.GroupFlowChart;

/**
 * One carried statement over the rounds as an SVG drawn on the server: each cohort's agree rate per
 * round (0–100%) as a line of points, each with its 95% interval as a whisker, so cohorts moving
 * together or apart is visible at a glance. Every point has a {@code <title>} with its numbers, the
 * chart a title and a description. A pure function of its inputs; every text is escaped.
 */
final class TrendChart {
    static final int WIDTH = 360;
    static final int HEIGHT = 170;
    private static final int LEFT = 40;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int BOTTOM = 40;
    private static final String[] FILL = {"#4e79a7", "#e15759"};

    private TrendChart() {}

    /** One point: a cohort's agree rate and interval in [0, 1] in one round, and what its title says. */
    record Point(double rate, double low, double high, String title) {}

    /** A cohort's line: its name in the legend and one point per round (in the order of the round labels). */
    record Line(String name, List<Point> points) {}

    /**
     * @param id          unique on the page, for the title's and description's ids
     * @param roundLabels the x axis, one per round
     */
    static String svg(String id, String title, String description, List<String> roundLabels, List<Line> lines) {
        StringBuilder out = new StringBuilder(2048);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" role=\"img\" class=\"trend-chart\" aria-labelledby=\"")
                .append(id)
                .append("-title ")
                .append(id)
                .append("-desc\">");
        out.append("<title id=\"")
                .append(id)
                .append("-title\">")
                .append(escape(title))
                .append("</title>");
        out.append("<desc id=\"")
                .append(id)
                .append("-desc\">")
                .append(escape(description))
                .append("</desc>");
        int plotBottom = HEIGHT - BOTTOM;
        for (int pct = 0; pct <= 100; pct += 50) {
            double y = y(pct / 100.0);
            out.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>",
                    LEFT,
                    y,
                    WIDTH - RIGHT,
                    y));
            out.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" fill=\"#555\">%d%%</text>",
                    LEFT - 4,
                    y + 3,
                    pct));
        }
        int n = roundLabels.size();
        for (int r = 0; r < n; r++) {
            out.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" fill=\"#333\">%s</text>",
                    x(r, n),
                    plotBottom + 14,
                    escape(roundLabels.get(r))));
        }
        for (int l = 0; l < lines.size(); l++) {
            Line line = lines.get(l);
            String fill = FILL[l % FILL.length];
            double offset = (l - (lines.size() - 1) / 2.0) * 5; // whiskers of two cohorts side by side, not on top
            StringBuilder path = new StringBuilder();
            for (int r = 0; r < line.points().size() && r < n; r++) {
                Point p = line.points().get(r);
                double cx = x(r, n) + offset;
                path.append(r == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", cx, y(p.rate())));
            }
            out.append("<path d=\"")
                    .append(path)
                    .append("\" fill=\"none\" stroke=\"")
                    .append(fill)
                    .append("\" stroke-width=\"2\"/>");
            for (int r = 0; r < line.points().size() && r < n; r++) {
                Point p = line.points().get(r);
                double cx = x(r, n) + offset;
                out.append("<g><title>").append(escape(p.title())).append("</title>");
                out.append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.5\"/>",
                        cx,
                        y(p.low()),
                        cx,
                        y(p.high()),
                        fill));
                out.append(String.format(
                        Locale.ROOT,
                        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/></g>",
                        cx,
                        y(p.rate()),
                        fill));
            }
            double lx = LEFT + l * 150;
            out.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"#333\">%s</text>",
                    lx,
                    HEIGHT - 14,
                    fill,
                    lx + 14,
                    HEIGHT - 5,
                    escape(line.name())));
        }
        return out.append("</svg>").toString();
    }

    private static double x(int round, int rounds) {
        double width = WIDTH - LEFT - RIGHT;
        return rounds == 1 ? LEFT + width / 2 : LEFT + 20 + (width - 40) * round / (rounds - 1);
    }

    private static double y(double rate) {
        double clamped = Math.max(0, Math.min(1, rate));
        return TOP + (HEIGHT - BOTTOM - TOP) * (1 - clamped);
    }

    private static String escape(String text) {
        return GroupFlowChart.escape(text);
    }
}
