package org.commonground.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A small SVG histogram of whole numbers of at least 1 (such as the votes each participant cast):
 * one bar per value up to 20 different values, else bars of equal width ranges so there are at
 * most 20. Coordinates are computed here, as for {@link LineChart}; the template only draws them.
 *
 * @param bars  left to right; {@code label} the range ("3" or "11–15"), {@code count} how many fall in it
 */
public record Histogram(
        int width,
        int height,
        List<Bar> bars,
        List<LineChart.Tick> xTicks,
        List<LineChart.Tick> yTicks,
        String plotLeft,
        String plotRight,
        String plotTop,
        String plotBottom) {
    static final int MAX_BARS = 20;
    private static final int WIDTH = LineChart.WIDTH;
    private static final int HEIGHT = LineChart.HEIGHT;
    private static final int LEFT = 64;
    private static final int RIGHT = 14;
    private static final int TOP = 20;
    private static final int BOTTOM = 40;

    public record Bar(String x, String y, String width, String height, int from, int to, String label, int count) {}

    /** The histogram of {@code values} (values below 1 are left out); {@code yLabel} names a count on the axis. */
    public static Histogram of(int[] values, DoubleFunction<String> yLabel) {
        int max = 0;
        for (int v : values) {
            max = Math.max(max, v);
        }
        int step = max <= MAX_BARS ? 1 : (max + MAX_BARS - 1) / MAX_BARS;
        int n = max == 0 ? 0 : (max + step - 1) / step;
        int[] counts = new int[n];
        for (int v : values) {
            if (v >= 1) {
                counts[(v - 1) / step]++;
            }
        }
        int most = 0;
        for (int c : counts) {
            most = Math.max(most, c);
        }
        double top = ReportView.niceCeiling(Math.max(1, most));
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = n == 0 ? plotWidth : plotWidth / n;
        List<Bar> bars = new ArrayList<>();
        List<LineChart.Tick> xTicks = new ArrayList<>();
        int every = Math.max(1, (n + 9) / 10); // at most about ten labels under the bars
        for (int k = 0; k < n; k++) {
            int from = k * step + 1;
            int to = (k + 1) * step;
            String label = step == 1 ? String.valueOf(from) : from + "–" + to;
            double h = counts[k] / top * plotHeight;
            double x = LEFT + k * slot;
            bars.add(new Bar(
                    MapView.fmt(x + slot * 0.1),
                    MapView.fmt(HEIGHT - BOTTOM - h),
                    MapView.fmt(slot * 0.8),
                    MapView.fmt(h),
                    from,
                    to,
                    label,
                    counts[k]));
            if (k % every == 0 || k == n - 1) {
                xTicks.add(new LineChart.Tick(MapView.fmt(x + slot / 2), String.valueOf(HEIGHT - 22), label, "middle"));
            }
        }
        List<LineChart.Tick> yTicks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double v = top * i / 4;
            yTicks.add(new LineChart.Tick(
                    String.valueOf(LEFT - 8),
                    MapView.fmt(HEIGHT - BOTTOM - v / top * plotHeight),
                    yLabel.apply(v),
                    "end"));
        }
        return new Histogram(
                WIDTH,
                HEIGHT,
                bars,
                xTicks,
                yTicks,
                String.valueOf(LEFT),
                String.valueOf(WIDTH - RIGHT),
                String.valueOf(TOP),
                String.valueOf(HEIGHT - BOTTOM));
    }
}
