package org.commonground.report;

import java.util.List;
import java.util.function.IntFunction;
import org.commonground.analysis.GroupTransitions;

/**
 * The movement of people between opinion groups over a dialogue's rounds as an SVG flow chart drawn
 * on the server: one column per round, stacked bars for its groups (then "not on the map", those who
 * left and those who will join), and bands between columns whose thickness is the number of people
 * moving. Each bar and band has a {@code <title>} with its count, so the numbers are readable without
 * the picture; the chart itself has a title and a description. A pure function of the tables; every
 * text is escaped.
 */
public final class GroupFlowChart {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 320;
    private static final int MARGIN = 24;
    private static final int LEGEND_SPACE = 24;
    private static final int BAR = 14;
    private static final int GAP = 4;
    private static final int LABEL_SPACE = 18;
    private static final String[] GROUP_FILL = {"#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2"};
    private static final String UNGROUPED_FILL = "#9c9c9c";
    private static final String ABSENT_FILL = "#d9d9d9";

    /** Texts in the reader's language; {@code round} names round r (0-based), {@code group} names group id g. */
    public record Labels(
            String title,
            String description,
            IntFunction<String> round,
            IntFunction<String> group,
            String ungrouped,
            String left,
            String joined) {}

    private GroupFlowChart() {}

    /** The chart of consecutive transitions (round r → r + 1, in order); an empty list draws only the title. */
    public static String svg(List<GroupTransitions> transitions, Labels labels) {
        StringBuilder out = new StringBuilder(4096);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"flow-title flow-desc\" class=\"group-flow\">");
        out.append("<title id=\"flow-title\">").append(escape(labels.title())).append("</title>");
        out.append("<desc id=\"flow-desc\">")
                .append(escape(labels.description()))
                .append("</desc>");
        int columns = transitions.isEmpty() ? 0 : transitions.size() + 1;
        if (columns == 0) {
            return out.append("</svg>").toString();
        }
        int[][] heights = new int[columns][];
        int tallest = 1;
        int mostNodes = 1;
        for (int c = 0; c < columns; c++) {
            heights[c] = columnCounts(transitions, c);
            int sum = 0;
            for (int h : heights[c]) {
                sum += h;
            }
            tallest = Math.max(tallest, sum);
            mostNodes = Math.max(mostNodes, heights[c].length);
        }
        // One scale for every column, so that a band's thickness means the same number of people everywhere.
        double usable = HEIGHT - 2 * MARGIN - LABEL_SPACE - LEGEND_SPACE - GAP * (mostNodes - 1);
        double scale = usable / tallest;
        double[][] top = new double[columns][];
        for (int c = 0; c < columns; c++) {
            top[c] = new double[heights[c].length];
            double y = MARGIN + LABEL_SPACE;
            for (int n = 0; n < heights[c].length; n++) {
                top[c][n] = y;
                y += heights[c][n] * scale + (heights[c][n] > 0 ? GAP : 0);
            }
        }
        double step = (WIDTH - 2.0 * MARGIN - BAR) / (columns - 1);
        for (int t = 0; t < transitions.size(); t++) {
            bands(
                    out,
                    transitions.get(t),
                    MARGIN + t * step + BAR,
                    MARGIN + (t + 1) * step,
                    top[t],
                    top[t + 1],
                    scale,
                    labels);
        }
        for (int c = 0; c < columns; c++) {
            double x = MARGIN + c * step;
            out.append("<text x=\"")
                    .append(MapView.fmt(x + BAR / 2.0))
                    .append("\" y=\"")
                    .append(MARGIN + 4)
                    .append("\" text-anchor=\"middle\" font-size=\"12\">")
                    .append(escape(labels.round().apply(roundOf(transitions, c))))
                    .append("</text>");
            int groups = groupsOf(transitions, c);
            for (int n = 0; n < heights[c].length; n++) {
                if (heights[c][n] == 0) {
                    continue;
                }
                String name = nodeName(n, groups, labels);
                out.append("<rect x=\"")
                        .append(MapView.fmt(x))
                        .append("\" y=\"")
                        .append(MapView.fmt(top[c][n]))
                        .append("\" width=\"")
                        .append(BAR)
                        .append("\" height=\"")
                        .append(MapView.fmt(Math.max(1, heights[c][n] * scale)))
                        .append("\" fill=\"")
                        .append(fill(n, groups))
                        .append("\"><title>")
                        .append(escape(name + ": " + heights[c][n]))
                        .append("</title></rect>");
            }
        }
        legend(out, transitions, labels);
        return out.append("</svg>").toString();
    }

    /** A row of swatches under the chart: every group of any round, then not on the map, then left and joined. */
    private static void legend(StringBuilder out, List<GroupTransitions> transitions, Labels labels) {
        int groups = 0;
        for (GroupTransitions t : transitions) {
            groups = Math.max(groups, Math.max(t.fromGroups(), t.toGroups()));
        }
        double x = MARGIN;
        int y = HEIGHT - 12;
        for (int n = 0; n < groups + 3; n++) {
            String name = nodeName(n, groups, labels);
            out.append("<rect x=\"")
                    .append(MapView.fmt(x))
                    .append("\" y=\"")
                    .append(y - 9)
                    .append("\" width=\"10\" height=\"10\" fill=\"")
                    .append(fill(n, groups))
                    .append("\"/><text x=\"")
                    .append(MapView.fmt(x + 14))
                    .append("\" y=\"")
                    .append(y)
                    .append("\" font-size=\"11\">")
                    .append(escape(name))
                    .append("</text>");
            x += 14 + textWidth(name) + 14;
        }
    }

    /** An estimate of the text's width at 11 px (CJK characters are about square): it only keeps legend entries apart. */
    private static double textWidth(String text) {
        return text.codePoints().mapToDouble(c -> c >= 0x2E80 ? 11 : 6.5).sum();
    }

    /**
     * People per node of column c: its groups, then those not on the map, then those who left since the
     * previous round, then those absent now who join in the next.
     */
    private static int[] columnCounts(List<GroupTransitions> transitions, int c) {
        int groups = groupsOf(transitions, c);
        int[] counts = new int[groups + 3];
        GroupTransitions before = c > 0 ? transitions.get(c - 1) : null;
        GroupTransitions after = c < transitions.size() ? transitions.get(c) : null;
        for (int g = GroupTransitions.UNGROUPED; g < groups; g++) {
            if (g == GroupTransitions.ABSENT) {
                continue;
            }
            int n = 0;
            if (after != null) {
                for (int h = GroupTransitions.UNGROUPED; h < after.toGroups(); h++) {
                    n += after.count(g, h);
                }
            } else {
                for (int h = GroupTransitions.UNGROUPED; h < before.fromGroups(); h++) {
                    n += before.count(h, g);
                }
            }
            counts[node(g, groups)] = n;
        }
        if (before != null) {
            for (int h = GroupTransitions.UNGROUPED; h < before.fromGroups(); h++) {
                counts[groups + 1] += h == GroupTransitions.ABSENT ? 0 : before.count(h, GroupTransitions.ABSENT);
            }
        }
        if (after != null) {
            for (int h = GroupTransitions.UNGROUPED; h < after.toGroups(); h++) {
                counts[groups + 2] += h == GroupTransitions.ABSENT ? 0 : after.count(GroupTransitions.ABSENT, h);
            }
        }
        return counts;
    }

    private static void bands(
            StringBuilder out,
            GroupTransitions t,
            double x0,
            double x1,
            double[] fromTop,
            double[] toTop,
            double scale,
            Labels labels) {
        double[] fromCursor = fromTop.clone();
        double[] toCursor = toTop.clone();
        int from = t.fromGroups();
        int to = t.toGroups();
        double middle = (x0 + x1) / 2;
        // Sources and targets in the order their bars are stacked, so that bands cross as little as possible.
        for (int g : inStackOrder(from)) {
            // The ABSENT row leaves from the "joins next" node; the ABSENT column ends in the "left" node.
            int source = g == GroupTransitions.ABSENT ? from + 2 : node(g, from);
            for (int h : inStackOrder(to)) {
                int n = t.count(g, h);
                if (n == 0) {
                    continue;
                }
                int target = h == GroupTransitions.ABSENT ? to + 1 : node(h, to);
                double thickness = n * scale;
                double y0 = fromCursor[source];
                double y1 = toCursor[target];
                fromCursor[source] += thickness;
                toCursor[target] += thickness;
                out.append("<path d=\"M")
                        .append(MapView.fmt(x0))
                        .append(',')
                        .append(MapView.fmt(y0))
                        .append(" C")
                        .append(MapView.fmt(middle))
                        .append(',')
                        .append(MapView.fmt(y0))
                        .append(' ')
                        .append(MapView.fmt(middle))
                        .append(',')
                        .append(MapView.fmt(y1))
                        .append(' ')
                        .append(MapView.fmt(x1))
                        .append(',')
                        .append(MapView.fmt(y1))
                        .append(" L")
                        .append(MapView.fmt(x1))
                        .append(',')
                        .append(MapView.fmt(y1 + thickness))
                        .append(" C")
                        .append(MapView.fmt(middle))
                        .append(',')
                        .append(MapView.fmt(y1 + thickness))
                        .append(' ')
                        .append(MapView.fmt(middle))
                        .append(',')
                        .append(MapView.fmt(y0 + thickness))
                        .append(' ')
                        .append(MapView.fmt(x0))
                        .append(',')
                        .append(MapView.fmt(y0 + thickness))
                        .append(" Z\" fill=\"")
                        .append(fill(source, from))
                        .append("\" fill-opacity=\"0.45\"><title>")
                        .append(escape(
                                nodeName(source, from, labels) + " → " + nodeName(target, to, labels) + ": " + n))
                        .append("</title></path>");
            }
        }
    }

    /** Group ids 0 … k−1, then UNGROUPED, then ABSENT. */
    private static int[] inStackOrder(int groups) {
        int[] order = new int[groups + 2];
        for (int g = 0; g < groups; g++) {
            order[g] = g;
        }
        order[groups] = GroupTransitions.UNGROUPED;
        order[groups + 1] = GroupTransitions.ABSENT;
        return order;
    }

    /** Node index within a column: groups 0 … k−1, then not on the map, left, joins next. */
    private static int node(int group, int groups) {
        return group >= 0 ? group : groups;
    }

    private static String nodeName(int node, int groups, Labels labels) {
        if (node < groups) {
            return labels.group().apply(node);
        }
        return node == groups ? labels.ungrouped() : node == groups + 1 ? labels.left() : labels.joined();
    }

    private static String fill(int node, int groups) {
        return node < groups ? GROUP_FILL[node % GROUP_FILL.length] : node == groups ? UNGROUPED_FILL : ABSENT_FILL;
    }

    private static int groupsOf(List<GroupTransitions> transitions, int c) {
        return c < transitions.size()
                ? transitions.get(c).fromGroups()
                : transitions.get(c - 1).toGroups();
    }

    private static int roundOf(List<GroupTransitions> transitions, int c) {
        return c < transitions.size()
                ? transitions.get(c).fromRound()
                : transitions.get(c - 1).toRound();
    }

    /** Text safe inside SVG or HTML markup and attribute values. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
