package org.commonground.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.Function;

/**
 * A small SVG line chart: one or more series over the same time points, each optionally with a
 * shaded band (its interval), and a few labelled ticks on each axis. Coordinates are computed
 * here; the template only draws them. A value that is NaN (nothing to say at that time) breaks the
 * line rather than drawing it at zero.
 *
 * <p>The picture is 520 units wide so that on a phone (about 340 px of chart) a 15-unit tick still
 * reads at 10 px; the first and last date anchor inside the plot so that neither is clipped.
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
        String plotBottom,
        String yUnit) {
    static final int WIDTH = 520;
    static final int HEIGHT = 260;
    private static final int LEFT = 64;
    private static final int RIGHT = 14;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;

    /**
     * One line: {@code path} is the SVG path of the line, {@code band} the closed path of its band
     * (empty without one), {@code lastValue} what the line ends at.
     */
    public record Series(String label, String cssClass, String path, String band, String lastValue) {}

    /** An axis label; {@code anchor} is the SVG text-anchor (start, middle, end). */
    public record Tick(String x, String y, String label, String anchor) {}

    /** The values of one series at each of the chart's times, with an optional band (null for none). */
    public record Data(String label, String cssClass, double[] values, double[] low, double[] high) {
        public Data(String label, String cssClass, double[] values) {
            this(label, cssClass, values, null, null);
        }
    }

    public static LineChart of(
            List<Instant> times,
            List<Data> data,
            double yMax,
            DoubleFunction<String> yLabel,
            Function<Instant, String> xLabel) {
        return of(times, data, yMax, yLabel, xLabel, "");
    }

    /**
     * @param yLabel a tick's label: short, a bare number where {@code yUnit} names the unit once
     *               above the axis (a tick of "30 percentage points" would not fit beside it)
     */
    static LineChart of(
            List<Instant> times,
            List<Data> data,
            double yMax,
            DoubleFunction<String> yLabel,
            Function<Instant, String> xLabel,
            String yUnit) {
        double top = yMax <= 0 ? 1 : yMax;
        long t0 = times.isEmpty() ? 0 : times.getFirst().toEpochMilli();
        long t1 = times.isEmpty() ? 1 : times.getLast().toEpochMilli();
        double span = Math.max(1, t1 - t0);
        double[] xs = new double[times.size()];
        for (int i = 0; i < times.size(); i++) {
            xs[i] = times.size() == 1
                    ? (LEFT + WIDTH - RIGHT) / 2.0
                    : LEFT + (times.get(i).toEpochMilli() - t0) / span * (WIDTH - LEFT - RIGHT);
        }
        List<Series> series = new ArrayList<>();
        for (Data d : data) {
            StringBuilder line = new StringBuilder();
            boolean pen = false;
            String last = "";
            for (int i = 0; i < xs.length; i++) {
                double v = d.values()[i];
                if (Double.isNaN(v)) {
                    pen = false;
                    continue;
                }
                line.append(pen ? "L" : "M")
                        .append(MapView.fmt(xs[i]))
                        .append(',')
                        .append(MapView.fmt(yOf(v, top)));
                if (xs.length == 1 || isolated(d.values(), i)) {
                    line.append("h0.1"); // a lone point still shows, as a round-capped dot
                }
                pen = true;
                last = yLabel.apply(v);
            }
            series.add(new Series(d.label(), d.cssClass(), line.toString(), band(d, xs, top), last));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double v = top * i / 4;
            yTicks.add(new Tick(String.valueOf(LEFT - 8), MapView.fmt(yOf(v, top)), yLabel.apply(v), "end"));
        }
        List<Tick> xTicks = new ArrayList<>();
        if (!times.isEmpty()) {
            int last = times.size() - 1;
            String y = String.valueOf(HEIGHT - 12);
            if (last == 0) {
                xTicks.add(new Tick(MapView.fmt(xs[0]), y, xLabel.apply(times.getFirst()), "middle"));
            } else {
                xTicks.add(new Tick(MapView.fmt(xs[0]), y, xLabel.apply(times.getFirst()), "start"));
                if (last >= 2) {
                    double mid = (xs[0] + xs[last]) / 2;
                    Instant middle = Instant.ofEpochMilli(t0 + (t1 - t0) / 2);
                    xTicks.add(new Tick(MapView.fmt(mid), y, xLabel.apply(middle), "middle"));
                }
                xTicks.add(new Tick(MapView.fmt(xs[last]), y, xLabel.apply(times.getLast()), "end"));
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
                String.valueOf(HEIGHT - BOTTOM),
                yUnit);
    }

    private static boolean isolated(double[] values, int i) {
        boolean before = i > 0 && !Double.isNaN(values[i - 1]);
        boolean after = i + 1 < values.length && !Double.isNaN(values[i + 1]);
        return !before && !after;
    }

    /** The band as closed paths, one per run of known values: along the top, back along the bottom. */
    private static String band(Data d, double[] xs, double top) {
        if (d.low() == null || d.high() == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < xs.length) {
            if (Double.isNaN(d.values()[i])) {
                i++;
                continue;
            }
            int from = i;
            while (i < xs.length && !Double.isNaN(d.values()[i])) {
                i++;
            }
            int to = i - 1;
            double pad = from == to ? 3 : 0; // a one-window run: a short vertical bar
            for (int j = from; j <= to; j++) {
                out.append(j == from ? "M" : "L")
                        .append(MapView.fmt(xs[j] - (j == from ? pad : 0)))
                        .append(',')
                        .append(MapView.fmt(yOf(d.high()[j], top)));
            }
            if (pad > 0) {
                out.append("L")
                        .append(MapView.fmt(xs[to] + pad))
                        .append(',')
                        .append(MapView.fmt(yOf(d.high()[to], top)));
                out.append("L")
                        .append(MapView.fmt(xs[to] + pad))
                        .append(',')
                        .append(MapView.fmt(yOf(d.low()[to], top)));
            }
            for (int j = to; j >= from; j--) {
                out.append("L")
                        .append(MapView.fmt(xs[j] - (j == from ? pad : 0)))
                        .append(',')
                        .append(MapView.fmt(yOf(d.low()[j], top)));
            }
            out.append('Z');
        }
        return out.toString();
    }

    private static double yOf(double v, double top) {
        return HEIGHT - BOTTOM - Math.max(0, Math.min(1, v / top)) * (HEIGHT - TOP - BOTTOM);
    }
}
