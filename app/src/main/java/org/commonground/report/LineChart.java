package org.commonground.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.Function;

/**
 * A small SVG line chart: one or more series over the same time points, with a few labelled
 * ticks on each axis. Coordinates are computed here; the template only draws them.
 */
public record LineChart(
        int width,
        int height,
        List<Series> series,
        List<Tick> xTicks,
        List<Tick> yTicks,
        String plotLeft,
        String plotRight,
        String plotTop,
        String plotBottom) {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int BOTTOM = 34;

    /** One line: {@code points} is the SVG polyline, {@code last} what the line ends at. */
    public record Series(String label, String cssClass, String points, String lastValue) {}

    public record Tick(String x, String y, String label) {}

    /** The values of one series at each of the chart's times. */
    public record Data(String label, String cssClass, double[] values) {}

    static LineChart of(
            List<Instant> times,
            List<Data> data,
            double yMax,
            DoubleFunction<String> yLabel,
            Function<Instant, String> xLabel) {
        double top = yMax <= 0 ? 1 : yMax;
        long t0 = times.isEmpty() ? 0 : times.getFirst().toEpochMilli();
        long t1 = times.isEmpty() ? 1 : times.getLast().toEpochMilli();
        double span = Math.max(1, t1 - t0);
        List<Series> series = new ArrayList<>();
        for (Data d : data) {
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < times.size(); i++) {
                double x = LEFT + (times.get(i).toEpochMilli() - t0) / span * (WIDTH - LEFT - RIGHT);
                double y = yOf(d.values()[i], top);
                pts.append(MapView.fmt(x)).append(',').append(MapView.fmt(y)).append(' ');
            }
            String last = d.values().length == 0 ? "" : yLabel.apply(d.values()[d.values().length - 1]);
            series.add(new Series(d.label(), d.cssClass(), pts.toString().strip(), last));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double v = top * i / 4;
            yTicks.add(new Tick(String.valueOf(LEFT - 6), MapView.fmt(yOf(v, top)), yLabel.apply(v)));
        }
        List<Tick> xTicks = new ArrayList<>();
        if (!times.isEmpty()) {
            int last = times.size() - 1;
            for (int i : last == 0 ? new int[] {0} : new int[] {0, last / 2, last}) {
                double x = LEFT + (times.get(i).toEpochMilli() - t0) / span * (WIDTH - LEFT - RIGHT);
                xTicks.add(new Tick(MapView.fmt(x), String.valueOf(HEIGHT - 10), xLabel.apply(times.get(i))));
            }
        }
        return new LineChart(
                WIDTH,
                HEIGHT,
                series,
                xTicks,
                yTicks,
                String.valueOf(LEFT),
                String.valueOf(WIDTH - RIGHT),
                String.valueOf(TOP),
                String.valueOf(HEIGHT - BOTTOM));
    }

    private static double yOf(double v, double top) {
        return HEIGHT - BOTTOM - Math.max(0, Math.min(1, v / top)) * (HEIGHT - TOP - BOTTOM);
    }
}
