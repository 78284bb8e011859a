package org.commonground.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.commonground.analysis.AnalysisResult;
import org.commonground.analysis.CohortTallies;
import org.commonground.analysis.Direction;
import org.commonground.integrity.Excluded;
import org.commonground.integrity.ExclusionReason;
import org.commonground.report.ReportQueries.FirstVote;
import org.commonground.report.ReportQueries.StatementTotal;
import org.commonground.results.LatestResult;
import org.commonground.translation.ShownStatements.Shown;
import org.commonground.web.Page;

/**
 * Everything the results page shows, computed from one analysis snapshot for one reader: texts in
 * their language, numbers formatted for their locale, pictures as coordinates.
 */
public record ReportView(
        long conversationId,
        String title,
        boolean open,
        String age,
        int participants,
        int votes,
        int statements,
        List<String> summary,
        MapView map,
        String mapDescription,
        List<Legend> groupLegend,
        List<Legend> cohortLegend,
        String cohortDimension,
        List<GroupCard> groups,
        List<Item> commonGround,
        List<Item> divides,
        List<Item> uncertain,
        LineChart convergence,
        LineChart participation,
        List<Legend> participationLegend) {

    static final int MAX_DOTS = 1500;
    static final double UNCERTAIN_PASS_SHARE = 1.0 / 3;
    static final int MIN_VOTES_FOR_UNCERTAIN = 10;

    public record Legend(String cssClass, String label, int count) {}

    /** An opinion group and the statements that set it apart. */
    public record GroupCard(int id, String letter, String name, int size, List<Representative> statements) {}

    public record Representative(Shown statement, boolean agree, String share) {}

    /**
     * A statement with everyone's split and each cohort's split side by side; {@code note} says
     * what makes it notable (the divide's gap, the pass share).
     */
    public record Item(Shown statement, StackedBar total, List<StackedBar> cohorts, String note) {}

    /** The inputs of one report, gathered by the page. */
    record Inputs(
            long conversationId,
            String title,
            boolean open,
            LatestResult snapshot,
            Map<Long, Shown> texts,
            Map<Long, StatementTotal> totals,
            String cohortDimension,
            List<String> cohortValues,
            Map<Long, String> cohortOf,
            List<FirstVote> firstVotes,
            Long you,
            Instant now) {}

    static ReportView of(Inputs in, Page page) {
        AnalysisResult r = in.snapshot().result();
        String dim = in.cohortDimension();
        List<String> values = in.cohortValues();
        MapView map = MapView.of(r, in.cohortOf(), values, in.you(), MAX_DOTS);

        List<Legend> groupLegend = r.groups().stream()
                .map(g -> new Legend(
                        "g" + g.id(),
                        page.t("report.group", MapView.letter(g.id())),
                        g.participants().size()))
                .toList();
        Map<String, Integer> inMapByCohort = new LinkedHashMap<>();
        values.forEach(v -> inMapByCohort.put(v, 0));
        r.projection().ids().stream()
                .forEach(id -> inMapByCohort.computeIfPresent(in.cohortOf().get(id), (k, n) -> n + 1));
        List<Legend> cohortLegend = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            cohortLegend.add(new Legend("k" + i, page.cohort(dim, values.get(i)), inMapByCohort.get(values.get(i))));
        }

        List<GroupCard> groups = r.groups().stream()
                .map(g -> new GroupCard(
                        g.id(),
                        MapView.letter(g.id()),
                        page.t("report.group", MapView.letter(g.id())),
                        g.participants().size(),
                        g.representative().stream()
                                .filter(s -> in.texts().containsKey(s.statement()))
                                .map(s -> {
                                    boolean agree = s.direction() == Direction.AGREE;
                                    double share = s.votes() == 0
                                            ? 0
                                            : (double) (agree ? s.agree() : s.disagree()) / s.votes();
                                    return new Representative(
                                            in.texts().get(s.statement()),
                                            agree,
                                            page.t(
                                                    agree ? "report.group.agree" : "report.group.disagree",
                                                    page.percent(share),
                                                    MapView.letter(g.id())));
                                })
                                .toList()))
                .toList();

        List<Item> common = r.commonGround().stream()
                .filter(in.texts()::containsKey)
                .map(id -> item(in, r.cohorts(), id, page, ""))
                .toList();
        List<Item> divides = r.parallelViews().stream()
                .filter(v -> in.texts().containsKey(v.statement()))
                .map(v -> {
                    AnalysisResult.Divide d = r.divides().stream()
                            .filter(x -> x.statement() == v.statement()
                                    && x.dimension().equals(v.dimension()))
                            .findFirst()
                            .orElseThrow();
                    List<StackedBar> bars = v.cohorts().stream()
                            .map(c -> new StackedBar(
                                    page.cohort(v.dimension(), c.value()), c.agree(), c.disagree(), c.pass()))
                            .toList();
                    String note = page.t(
                            "report.divide.note",
                            page.points(d.gap()),
                            page.cohort(d.dimension(), d.mostAgreeing()),
                            page.cohort(d.dimension(), d.leastAgreeing()),
                            page.percent(d.low()),
                            page.percent(d.high()));
                    return new Item(in.texts().get(v.statement()), total(in, v.statement()), bars, note);
                })
                .limit(6)
                .toList();
        List<Item> uncertain = in.totals().values().stream()
                .filter(t -> in.texts().containsKey(t.statementId())
                        && t.votes() >= MIN_VOTES_FOR_UNCERTAIN
                        && (double) t.pass() / t.votes() >= UNCERTAIN_PASS_SHARE)
                .sorted(Comparator.comparingDouble((StatementTotal t) -> -(double) t.pass() / t.votes()))
                .limit(5)
                .map(t -> item(
                        in,
                        r.cohorts(),
                        t.statementId(),
                        page,
                        page.t("report.uncertain.note", page.percent((double) t.pass() / t.votes()))))
                .toList();

        List<String> summary = summary(in, r, page, common.size(), divides, uncertain.size());
        String description = page.t(
                "report.map.description",
                r.participantCount(),
                r.groups().size(),
                groupLegend.stream()
                        .map(l -> l.label() + " " + page.number(l.count()))
                        .collect(Collectors.joining(", ")));
        List<Legend> participationLegend = new ArrayList<>();
        return new ReportView(
                in.conversationId(),
                in.title(),
                in.open(),
                age(in.snapshot().computedAt(), in.now(), page),
                participantsOf(in),
                r.voteCount(),
                r.statementCount(),
                summary,
                map,
                description,
                groupLegend,
                cohortLegend,
                page.dimension(dim),
                groups,
                common,
                divides,
                uncertain,
                convergence(r, page),
                participation(in, page, participationLegend),
                participationLegend);
    }

    private static Item item(Inputs in, CohortTallies tallies, long statement, Page page, String note) {
        List<StackedBar> bars = new ArrayList<>();
        for (String value : tallies.values(in.cohortDimension())) {
            tallies.tally(in.cohortDimension(), value, statement)
                    .filter(t -> t.votes() > 0)
                    .ifPresent(t -> bars.add(new StackedBar(
                            page.cohort(in.cohortDimension(), value), t.agree(), t.disagree(), t.pass())));
        }
        return new Item(in.texts().get(statement), total(in, statement), bars, note);
    }

    private static StackedBar total(Inputs in, long statement) {
        StatementTotal t = in.totals().get(statement);
        return t == null ? new StackedBar("", 0, 0, 0) : new StackedBar("", t.agree(), t.disagree(), t.pass());
    }

    private static int participantsOf(Inputs in) {
        return in.firstVotes().size();
    }

    private static List<String> summary(
            Inputs in, AnalysisResult r, Page page, int common, List<Item> divides, int uncertain) {
        List<String> out = new ArrayList<>();
        Map<String, Long> byCohort = in.firstVotes().stream()
                .filter(f -> f.cohort() != null)
                .collect(Collectors.groupingBy(FirstVote::cohort, LinkedHashMap::new, Collectors.counting()));
        String cohorts = in.cohortValues().stream()
                .filter(byCohort::containsKey)
                .map(v -> page.cohort(in.cohortDimension(), v) + " " + page.number(byCohort.get(v)))
                .collect(Collectors.joining(page.t("report.list.separator")));
        out.add(page.t(
                cohorts.isEmpty() ? "report.summary.participants.plain" : "report.summary.participants",
                participantsOf(in),
                cohorts,
                r.voteCount(),
                r.statementCount()));
        String excluded = excluded(in.snapshot().excluded(), page);
        if (!excluded.isEmpty()) {
            out.add(excluded);
        }
        if (r.groups().size() > 1) {
            out.add(page.t("report.summary.groups", r.groups().size()));
        }
        out.add(common > 0 ? page.t("report.summary.common", common) : page.t("report.summary.common.none"));
        if (!divides.isEmpty()) {
            Item d = divides.getFirst();
            StackedBar most = d.cohorts().stream()
                    .max(Comparator.comparingDouble(StackedBar::agreeShare))
                    .orElseThrow();
            StackedBar least = d.cohorts().stream()
                    .min(Comparator.comparingDouble(StackedBar::agreeShare))
                    .orElseThrow();
            out.add(page.t(
                    "report.summary.divide",
                    shorten(d.statement().text()),
                    page.percent(most.agreeShare()),
                    most.label(),
                    page.percent(least.agreeShare()),
                    least.label()));
        }
        if (uncertain > 0) {
            out.add(page.t("report.summary.uncertain", uncertain));
        }
        return out;
    }

    /**
     * How many participants the moderators left out of this analysis and why, in one sentence;
     * empty when none were.
     */
    static String excluded(Excluded excluded, Page page) {
        if (excluded.count() == 0) {
            return "";
        }
        String reasons = java.util.Arrays.stream(ExclusionReason.values())
                .filter(excluded.byReason()::containsKey)
                .map(reason -> page.t(
                        "integrity.reason.count",
                        page.t("integrity.reason." + reason.code()),
                        excluded.byReason().get(reason)))
                .collect(Collectors.joining(page.t("report.list.separator")));
        return page.t("report.summary.excluded", excluded.count(), reasons);
    }

    private static String shorten(String text) {
        int[] cps = text.codePoints().toArray();
        return cps.length <= 80 ? text : new String(cps, 0, 79) + "…";
    }

    static String age(Instant computedAt, Instant now, Page page) {
        long seconds = Math.max(0, Duration.between(computedAt, now).toSeconds());
        if (seconds < 60) {
            return page.t("report.age.now");
        }
        if (seconds < 3600) {
            return page.t("report.age.minutes", seconds / 60);
        }
        return page.t("report.age.hours", seconds / 3600);
    }

    private static LineChart convergence(AnalysisResult r, Page page) {
        List<AnalysisResult.ConvergencePoint> points = r.convergence();
        List<Instant> times =
                points.stream().map(AnalysisResult.ConvergencePoint::until).toList();
        double[] gap = points.stream().mapToDouble(p -> p.meanGap()).toArray();
        return LineChart.of(
                times,
                List.of(new LineChart.Data(page.t("report.convergence.gap"), "s0", gap)),
                Math.max(0.1, Math.ceil(max(gap) * 10) / 10),
                page::percent,
                timeLabel(page));
    }

    /** Cumulative participants over time, one line per cohort value (and one for those without). */
    private static LineChart participation(Inputs in, Page page, List<Legend> legend) {
        List<FirstVote> first = in.firstVotes();
        if (first.isEmpty()) {
            return LineChart.of(List.of(), List.of(), 1, v -> page.number(Math.round(v)), timeLabel(page));
        }
        Instant start = first.getFirst().at();
        Instant end = first.getLast().at();
        int steps = 12;
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i <= steps; i++) {
            times.add(start.plusMillis((end.toEpochMilli() - start.toEpochMilli()) * i / steps));
        }
        List<LineChart.Data> data = new ArrayList<>();
        double top = 0;
        for (int k = 0; k < in.cohortValues().size(); k++) {
            String value = in.cohortValues().get(k);
            double[] counts = cumulative(first, times, value);
            if (counts[counts.length - 1] == 0) {
                continue;
            }
            top = Math.max(top, counts[counts.length - 1]);
            String label = page.cohort(in.cohortDimension(), value);
            data.add(new LineChart.Data(label, "k" + k, counts));
            legend.add(new Legend("k" + k, label, (int) counts[counts.length - 1]));
        }
        double[] none = cumulative(first, times, null);
        if (none[none.length - 1] > 0) {
            top = Math.max(top, none[none.length - 1]);
            data.add(new LineChart.Data(page.cohort(in.cohortDimension(), null), "kx", none));
            legend.add(new Legend("kx", page.cohort(in.cohortDimension(), null), (int) none[none.length - 1]));
        }
        return LineChart.of(times, data, niceCeiling(top), v -> page.number(Math.round(v)), timeLabel(page));
    }

    private static double[] cumulative(List<FirstVote> first, List<Instant> times, String value) {
        double[] out = new double[times.size()];
        for (FirstVote f : first) {
            if (!Objects.equals(f.cohort(), value)) {
                continue;
            }
            for (int i = 0; i < times.size(); i++) {
                if (!f.at().isAfter(times.get(i))) {
                    out[i]++;
                }
            }
        }
        return out;
    }

    private static java.util.function.Function<Instant, String> timeLabel(Page page) {
        DateTimeFormatter f = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(page.lang().locale())
                .withZone(ZoneOffset.UTC);
        return t -> f.format(t);
    }

    private static double max(double[] values) {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    static double niceCeiling(double v) {
        if (v <= 5) {
            return 5;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
