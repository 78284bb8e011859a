package org.commonground.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.commonground.analysis.AnalysisResult;
import org.commonground.analysis.Projection;

/**
 * The opinion map as an inline SVG: every participant of the map as a dot, coloured by opinion
 * group or (with the page's toggle) by cohort, the group centres labelled, and the reader's own
 * dot marked. Coordinates are scaled from the engine's projection into the picture.
 *
 * @param hidden participants not drawn because the map shows at most {@code maxDots}
 */
public record MapView(
        int width, int height, List<Dot> dots, List<GroupMark> groups, Dot you, Label youLabel, int hidden) {
    static final int WIDTH = 640;
    static final int HEIGHT = 400;
    private static final int PAD = 24;

    /** One participant; {@code cohort} indexes the cohort values, −1 for none. */
    public record Dot(double x, double y, int group, int cohort) {
        public String cx() {
            return fmt(x);
        }

        public String cy() {
            return fmt(y);
        }

        public String cssClass() {
            return "g" + group + " k" + (cohort < 0 ? "x" : String.valueOf(cohort));
        }
    }

    /** A group's centre, where its letter is drawn. */
    public record GroupMark(int id, String letter, double x, double y, int size) {
        public String cx() {
            return fmt(x);
        }

        public String cy() {
            return fmt(y);
        }
    }

    /** Where the "you" label is written: {@code anchor} is its SVG text-anchor. */
    public record Label(String x, String y, String anchor) {}

    /** Half the width and height of a group letter as drawn (22-unit bold glyph with its white halo). */
    private static final double LETTER_HALF_WIDTH = 11;

    private static final double LETTER_HALF_HEIGHT = 14;
    /** The "you" label's box: wide enough for "あなた" at 15 units, the longest of our languages' words. */
    private static final double LABEL_WIDTH = 50;

    private static final double LABEL_HEIGHT = 18;

    static MapView of(
            AnalysisResult result, Map<Long, String> cohortOf, List<String> cohortValues, Long you, int maxDots) {
        Projection p = result.projection();
        int n = p.size();
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, p.x(i));
            maxX = Math.max(maxX, p.x(i));
            minY = Math.min(minY, p.y(i));
            maxY = Math.max(maxY, p.y(i));
        }
        Scale scale = n == 0 ? new Scale(0, 1, 0, 1) : new Scale(minX, maxX, minY, maxY);
        int stride = Math.max(1, (n + maxDots - 1) / maxDots);
        List<Dot> dots = new ArrayList<>();
        Dot mine = null;
        for (int i = 0; i < n; i++) {
            long id = p.ids().get(i);
            boolean isYou = you != null && id == you;
            if (i % stride != 0 && !isYou) {
                continue;
            }
            // A participant who skipped the (optional) cohort question has none: drawn as "no cohort".
            String cohort = cohortOf.get(id);
            int k = cohort == null ? -1 : cohortValues.indexOf(cohort);
            Dot d = new Dot(scale.x(p.x(i)), scale.y(p.y(i)), groupOf(result, id), k);
            if (isYou) {
                mine = d;
            } else {
                dots.add(d);
            }
        }
        List<GroupMark> groups = result.groups().stream()
                .map(g -> new GroupMark(
                        g.id(),
                        letter(g.id()),
                        scale.x(g.x()),
                        scale.y(g.y()),
                        g.participants().size()))
                .toList();
        int drawn = dots.size() + (mine == null ? 0 : 1);
        return new MapView(WIDTH, HEIGHT, dots, groups, mine, mine == null ? null : youLabel(mine, groups), n - drawn);
    }

    /**
     * The first place around the reader's dot where the "you" label covers no group letter and stays
     * inside the picture: above, below, right, left, then the diagonals. A letter must stay readable
     * even when the reader sits at their group's centre.
     */
    static Label youLabel(Dot you, List<GroupMark> groups) {
        // dx, dy of the text's baseline point, and its anchor: 0 start, 1 middle, 2 end.
        double[][] candidates = {
            {0, -15, 1},
            {0, 27, 1},
            {15, 6, 0},
            {-15, 6, 2},
            {13, -13, 0},
            {-13, -13, 2},
            {13, 25, 0},
            {-13, 25, 2},
            {0, -40, 1},
            {0, 52, 1},
            {38, 6, 0},
            {-38, 6, 2}
        };
        double[] fallback = candidates[0];
        for (double[] c : candidates) {
            double x = you.x() + c[0];
            double baseline = you.y() + c[1];
            double left = c[2] == 0 ? x : c[2] == 1 ? x - LABEL_WIDTH / 2 : x - LABEL_WIDTH;
            double top = baseline - LABEL_HEIGHT + 4;
            if (left < 0 || left + LABEL_WIDTH > WIDTH || top < 0 || top + LABEL_HEIGHT > HEIGHT) {
                continue;
            }
            boolean covers = groups.stream()
                    .anyMatch(g -> left < g.x() + LETTER_HALF_WIDTH
                            && left + LABEL_WIDTH > g.x() - LETTER_HALF_WIDTH
                            && top < g.y() + LETTER_HALF_HEIGHT
                            && top + LABEL_HEIGHT > g.y() - LETTER_HALF_HEIGHT);
            if (!covers) {
                return label(you, c);
            }
        }
        return label(you, fallback);
    }

    private static Label label(Dot you, double[] c) {
        return new Label(fmt(you.x() + c[0]), fmt(you.y() + c[1]), c[2] == 0 ? "start" : c[2] == 1 ? "middle" : "end");
    }

    /** Group letters as readers see them: A, B, C … */
    public static String letter(int groupId) {
        return String.valueOf((char) ('A' + groupId));
    }

    static int groupOf(AnalysisResult result, long participantId) {
        for (AnalysisResult.OpinionGroup g : result.groups()) {
            if (g.participants().contains(participantId)) {
                return g.id();
            }
        }
        return -1;
    }

    private record Scale(double minX, double maxX, double minY, double maxY) {
        double x(double v) {
            double span = maxX - minX;
            return span <= 0 ? WIDTH / 2.0 : PAD + (v - minX) / span * (WIDTH - 2 * PAD);
        }

        double y(double v) {
            double span = maxY - minY;
            return span <= 0 ? HEIGHT / 2.0 : HEIGHT - PAD - (v - minY) / span * (HEIGHT - 2 * PAD);
        }
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
