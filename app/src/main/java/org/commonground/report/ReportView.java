package org.commonground.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.commonground.analysis.AnalysisOptions;
import org.commonground.analysis.AnalysisResult;
import org.commonground.analysis.CohortTallies;
import org.commonground.analysis.Direction;
import org.commonground.analysis.Tally;
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
        Headcount counts,
        int votes,
        int statements,
        List<String> summary,
        MapView map,
        String mapDescription,
        List<Legend> groupLegend,
        List<Legend> cohortLegend,
        String cohortDimension,
        List<GroupCard> groups,
        GroupTable groupTable,
        List<Item> commonGround,
        List<Item> divides,
        List<Item> uncertain,
        LineChart convergence,
        List<Legend> convergenceLegend,
        LineChart participation,
        List<Legend> participationLegend,
        int minVotes) {

    static final int MAX_DOTS = 1500;
    static final double UNCERTAIN_PASS_SHARE = 1.0 / 3;
    static final int MIN_VOTES_FOR_UNCERTAIN = 10;
    /**
     * Votes a cohort needs on a statement before the report quotes its shares: the engine's
     * {@code minVotesPerCohort}, which the live analysis runs with at its default.
     */
    static final int MIN_VOTES = AnalysisOptions.DEFAULT_MIN_VOTES_PER_COHORT;

    /** {@code count} is the number shown beside the label; {@code countKind} says which count it is. */
    public record Legend(String cssClass, String label, int count) {}

    /** An opinion group and the statements that set it apart. */
    public record GroupCard(int id, String letter, String name, int size, List<Representative> statements) {}

    /**
     * A statement that sets a group apart, with the group's own split first and every other group's
     * split after it (how the rest of the map voted on it).
     */
    public record Representative(Shown statement, boolean agree, String share, List<StackedBar> groups) {}

    /** Who is in each group: members by cohort value (the last column: no value), as counted in the map. */
    public record GroupTable(List<String> columns, List<GroupRow> rows, List<Integer> totals, int total) {}

    public record GroupRow(String cssClass, String name, List<Integer> cells, int total) {}

    /**
     * A statement with everyone's split and each cohort's split side by side; {@code note} says
     * what makes it notable (the divide's gap, the pass share).
     */
    public record Item(Shown statement, StackedBar total, List<StackedBar> cohorts, String note) {}

    /**
     * Every participant count the page shows, from one place, so the summary, the map, the legends
     * and the group table cannot disagree. Two counts, each named where it is shown: those who
     * <em>voted</em> (any vote the result reflects) and those <em>in the map</em> (enough votes to be
     * placed; the groups are made of them). By cohort value in the dimension's order; null is "none".
     */
    public record Headcount(
            int voted, int inMap, Map<String, Integer> votedByCohort, Map<String, Integer> inMapByCohort) {
        static Headcount of(Inputs in, AnalysisResult r) {
            Map<String, Integer> voted = new LinkedHashMap<>();
            Map<String, Integer> inMap = new LinkedHashMap<>();
            for (String v : in.cohortValues()) {
                voted.put(v, 0);
                inMap.put(v, 0);
            }
            for (FirstVote f : in.firstVotes()) {
                voted.merge(known(in, f.cohort()), 1, Integer::sum);
            }
            r.projection().ids().stream()
                    .forEach(id -> inMap.merge(known(in, in.cohortOf().get(id)), 1, Integer::sum));
            return new Headcount(in.firstVotes().size(), r.projection().size(), voted, inMap);
        }

        /** A value outside the dimension's list (a retired one) counts as none, as the map draws it. */
        private static String known(Inputs in, String value) {
            return value != null && in.cohortValues().contains(value) ? value : NONE;
        }

        public int inMap(String value) {
            return inMapByCohort.getOrDefault(value, 0);
        }

        public int voted(String value) {
            return votedByCohort.getOrDefault(value, 0);
        }
    }

    /** The key of participants without a value in the count maps (a LinkedHashMap takes no null key). */
    static final String NONE = ""; // cohort values are never blank

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
            Instant now,
            VoteReplay replay) {}

    static ReportView of(Inputs in, Page page) {
        AnalysisResult r = in.snapshot().result();
        String dim = in.cohortDimension();
        List<String> values = in.cohortValues();
        MapView map = MapView.of(r, in.cohortOf(), values, in.you(), MAX_DOTS);
        Headcount counts = Headcount.of(in, r);

        List<Legend> groupLegend = r.groups().stream()
                .map(g -> new Legend(
                        "g" + g.id(),
                        page.t("report.group", MapView.letter(g.id())),
                        g.participants().size()))
                .toList();
        List<Legend> cohortLegend = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            cohortLegend.add(new Legend("k" + i, page.cohort(dim, values.get(i)), counts.inMap(values.get(i))));
        }
        if (counts.inMap(NONE) > 0) {
            cohortLegend.add(new Legend("kx", page.cohort(dim, null), counts.inMap(NONE)));
        }

        List<GroupCard> groups = r.groups().stream()
                .map(g -> new GroupCard(
                        g.id(),
                        MapView.letter(g.id()),
                        page.t("report.group", MapView.letter(g.id())),
                        g.participants().size(),
                        g.representative().stream()
                                .filter(s -> in.texts().containsKey(s.statement()))
                                .map(s -> representative(in, r, g, s, page))
                                .toList()))
                .toList();

        List<Item> common = r.commonGround().stream()
                .filter(in.texts()::containsKey)
                .map(id -> item(in, r.cohorts(), id, page, ""))
                .toList();
        List<Item> divides = r.parallelViews().stream()
                .filter(v -> in.texts().containsKey(v.statement()))
                .map(v -> {
                    AnalysisResult.Divide d = divide(r, v);
                    List<StackedBar> bars = v.cohorts().stream()
                            .map(c -> new StackedBar(
                                    page.cohort(v.dimension(), c.value()),
                                    c.agree(),
                                    c.disagree(),
                                    c.pass(),
                                    MIN_VOTES))
                            .toList();
                    String note = page.t(
                            "report.divide.note",
                            page.points(d.gap()),
                            page.cohort(d.dimension(), d.mostAgreeing()),
                            page.cohort(d.dimension(), d.leastAgreeing()),
                            page.points(d.low()),
                            page.points(d.high()));
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

        List<String> summary = summary(in, r, page, counts, common.size(), uncertain.size());
        String description = page.t(
                "report.map.description",
                counts.inMap(),
                r.groups().size(),
                groupLegend.stream()
                        .map(l -> l.label() + " " + page.number(l.count()))
                        .collect(Collectors.joining(page.t("report.list.separator"))));
        List<Legend> participationLegend = new ArrayList<>();
        List<Legend> convergenceLegend = new ArrayList<>();
        return new ReportView(
                in.conversationId(),
                in.title(),
                in.open(),
                age(in.snapshot().computedAt(), in.now(), page),
                counts,
                r.voteCount(),
                r.statementCount(),
                summary,
                map,
                description,
                groupLegend,
                cohortLegend,
                page.dimension(dim),
                groups,
                groupTable(in, r, counts, page),
                common,
                divides,
                uncertain,
                convergence(in, r, page, convergenceLegend),
                convergenceLegend,
                participation(in, page, participationLegend),
                participationLegend,
                MIN_VOTES);
    }

    private static AnalysisResult.Divide divide(AnalysisResult r, AnalysisResult.ParallelView v) {
        return r.divides().stream()
                .filter(x -> x.statement() == v.statement() && x.dimension().equals(v.dimension()))
                .findFirst()
                .orElseThrow();
    }

    /**
     * A group's representative statement with the group's split and every other group's, all from
     * the replay so that they are counted alike (the engine's own figures for the group are as of
     * the same votes).
     */
    private static Representative representative(
            Inputs in,
            AnalysisResult r,
            AnalysisResult.OpinionGroup g,
            AnalysisResult.RepresentativeStatement s,
            Page page) {
        boolean agree = s.direction() == Direction.AGREE;
        double share = s.votes() == 0 ? 0 : (double) (agree ? s.agree() : s.disagree()) / s.votes();
        List<StackedBar> bars = new ArrayList<>();
        for (AnalysisResult.OpinionGroup other : r.groups()) {
            int[] t = in.replay().groupTally(other.id(), s.statement());
            if (other.id() == g.id()) {
                bars.addFirst(new StackedBar(
                        page.t("report.group", MapView.letter(other.id())),
                        s.agree(),
                        s.disagree(),
                        s.votes() - s.agree() - s.disagree(),
                        MIN_VOTES));
            } else {
                bars.add(new StackedBar(
                        page.t("report.group", MapView.letter(other.id())), t[0], t[1], t[2], MIN_VOTES));
            }
        }
        return new Representative(
                in.texts().get(s.statement()),
                agree,
                page.t(
                        agree ? "report.group.agree" : "report.group.disagree",
                        page.percent(share),
                        MapView.letter(g.id())),
                bars);
    }

    private static GroupTable groupTable(Inputs in, AnalysisResult r, Headcount counts, Page page) {
        List<String> keys = new ArrayList<>(in.cohortValues());
        boolean none = counts.inMap(NONE) > 0;
        if (none) {
            keys.add(NONE);
        }
        List<String> columns = keys.stream()
                .map(k -> page.cohort(in.cohortDimension(), k.equals(NONE) ? null : k))
                .toList();
        List<GroupRow> rows = new ArrayList<>();
        for (AnalysisResult.OpinionGroup g : r.groups()) {
            Map<String, Integer> by = new HashMap<>();
            g.participants().stream()
                    .forEach(id -> by.merge(Headcount.known(in, in.cohortOf().get(id)), 1, Integer::sum));
            rows.add(new GroupRow(
                    "g" + g.id(),
                    page.t("report.group", MapView.letter(g.id())),
                    keys.stream().map(k -> by.getOrDefault(k, 0)).toList(),
                    g.participants().size()));
        }
        return new GroupTable(columns, rows, keys.stream().map(counts::inMap).toList(), counts.inMap());
    }

    private static Item item(Inputs in, CohortTallies tallies, long statement, Page page, String note) {
        return new Item(
                in.texts().get(statement), total(in, statement), cohortBars(in, tallies, statement, page), note);
    }

    /** Each cohort's split on a statement, in the dimension's order; a cohort below the threshold says so. */
    static List<StackedBar> cohortBars(Inputs in, CohortTallies tallies, long statement, Page page) {
        List<StackedBar> bars = new ArrayList<>();
        for (String value : tallies.values(in.cohortDimension())) {
            tallies.tally(in.cohortDimension(), value, statement)
                    .filter(t -> t.votes() > 0)
                    .ifPresent(t -> bars.add(new StackedBar(
                            page.cohort(in.cohortDimension(), value), t.agree(), t.disagree(), t.pass(), MIN_VOTES)));
        }
        return bars;
    }

    private static StackedBar total(Inputs in, long statement) {
        StatementTotal t = in.totals().get(statement);
        return t == null ? new StackedBar("", 0, 0, 0) : new StackedBar("", t.agree(), t.disagree(), t.pass());
    }

    /**
     * The summary. Every count comes from {@code counts}; every share it quotes is of a cohort with
     * at least {@link #MIN_VOTES} votes on the statement, with its n beside it; the divide it names is
     * the dialogue's own pair (the dimension's first two values, JP–KR) when the engine found one
     * between them, else the widest divide, whose two cohorts the engine only picks among those
     * that speak.
     */
    private static List<String> summary(
            Inputs in, AnalysisResult r, Page page, Headcount counts, int common, int uncertain) {
        List<String> out = new ArrayList<>();
        String dim = in.cohortDimension();
        String cohorts = in.cohortValues().stream()
                .filter(v -> counts.voted(v) > 0)
                .map(v -> page.cohort(dim, v) + " " + page.number(counts.voted(v)))
                .collect(Collectors.joining(page.t("report.list.separator")));
        out.add(page.t(
                cohorts.isEmpty() ? "report.summary.voted.plain" : "report.summary.voted",
                counts.voted(),
                cohorts,
                r.voteCount(),
                r.statementCount()));
        String excluded = excluded(in.snapshot().excluded(), page);
        if (!excluded.isEmpty()) {
            out.add(excluded);
        }
        out.add(page.t("report.summary.in-map", counts.inMap(), r.groups().size()));
        List<String> small = in.cohortValues().stream()
                .filter(v -> counts.voted(v) > 0 && counts.voted(v) < MIN_VOTES)
                .map(v -> page.cohort(dim, v))
                .toList();
        if (!small.isEmpty()) {
            out.add(page.t("report.summary.small", String.join(page.t("report.list.separator"), small), MIN_VOTES));
        }
        out.add(common > 0 ? page.t("report.summary.common", common) : page.t("report.summary.common.none"));
        summaryDivide(in, r).ifPresent(d -> {
            Tally most = r.cohorts()
                    .tally(d.dimension(), d.mostAgreeing(), d.statement())
                    .orElseThrow();
            Tally least = r.cohorts()
                    .tally(d.dimension(), d.leastAgreeing(), d.statement())
                    .orElseThrow();
            out.add(page.t(
                    "report.summary.divide.pair",
                    shorten(in.texts().get(d.statement()).text()),
                    page.percent(most.agreeRate()),
                    page.cohort(d.dimension(), d.mostAgreeing()),
                    most.votes(),
                    page.percent(least.agreeRate()),
                    page.cohort(d.dimension(), d.leastAgreeing()),
                    least.votes(),
                    page.points(d.gap())));
        });
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

    /** The divide the summary names: see {@link #summary}. Both cohorts always have enough votes. */
    static java.util.Optional<AnalysisResult.Divide> summaryDivide(Inputs in, AnalysisResult r) {
        List<AnalysisResult.Divide> shown = r.divides().stream()
                .filter(d ->
                        d.dimension().equals(in.cohortDimension()) && in.texts().containsKey(d.statement()))
                .filter(d -> speaks(r, d, d.mostAgreeing()) && speaks(r, d, d.leastAgreeing()))
                .toList();
        if (in.cohortValues().size() >= 2) {
            List<String> pair = in.cohortValues().subList(0, 2);
            for (AnalysisResult.Divide d : shown) {
                if (pair.contains(d.mostAgreeing()) && pair.contains(d.leastAgreeing())) {
                    return java.util.Optional.of(d);
                }
            }
        }
        return shown.stream().findFirst();
    }

    private static boolean speaks(AnalysisResult r, AnalysisResult.Divide d, String value) {
        return r.cohorts()
                .tally(d.dimension(), value, d.statement())
                .filter(t -> t.votes() >= MIN_VOTES)
                .isPresent();
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

    /**
     * The convergence chart: one line per pair of sizeable cohorts (the dimension's order, so JP–KR
     * first), each with its 95% band, from the replay; without pairs (no cohort dimension, or only one
     * sizeable cohort) the engine's mean gap over all cohorts, without a band.
     */
    private static LineChart convergence(Inputs in, AnalysisResult r, Page page, List<Legend> legend) {
        List<AnalysisResult.ConvergencePoint> points = r.convergence();
        List<Instant> times =
                points.stream().map(AnalysisResult.ConvergencePoint::until).toList();
        List<LineChart.Data> data = new ArrayList<>();
        double top = 0;
        List<VoteReplay.PairSeries> pairs = in.replay().pairs();
        if (pairs.isEmpty() || !in.replay().windows().equals(times)) {
            double[] gap = points.stream().mapToDouble(p -> p.meanGap()).toArray();
            data.add(new LineChart.Data(page.t("report.convergence.gap"), "s0", gap));
            legend.add(new Legend("s0", page.t("report.convergence.gap"), -1));
            top = max(gap);
        } else {
            for (int i = 0; i < pairs.size(); i++) {
                VoteReplay.PairSeries p = pairs.get(i);
                String label = page.t(
                        "report.convergence.pair",
                        page.cohort(in.cohortDimension(), p.first()),
                        page.cohort(in.cohortDimension(), p.second()));
                data.add(new LineChart.Data(label, "p" + i, p.gap(), p.low(), p.high()));
                int w = p.gap().length - 1;
                legend.add(new Legend(
                        "p" + i,
                        w < 0 || Double.isNaN(p.gap()[w])
                                ? label
                                : page.t(
                                        "report.convergence.last",
                                        label,
                                        page.points(p.gap()[w]),
                                        page.points(p.low()[w]),
                                        page.points(p.high()[w]),
                                        p.statements()[w]),
                        -1));
                top = Math.max(top, max(p.high()));
            }
        }
        return LineChart.of(
                times,
                data,
                Math.max(0.1, Math.ceil(top * 10) / 10),
                v -> page.number(Math.round(v * 100)),
                timeLabel(page, times),
                page.t("report.convergence.unit"));
    }

    /** Cumulative participants over time, one line per cohort value (and one for those without). */
    private static LineChart participation(Inputs in, Page page, List<Legend> legend) {
        List<FirstVote> first = in.firstVotes();
        if (first.isEmpty()) {
            return LineChart.of(List.of(), List.of(), 1, v -> page.number(Math.round(v)), timeLabel(page, List.of()));
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
        return LineChart.of(times, data, niceCeiling(top), v -> page.number(Math.round(v)), timeLabel(page, times));
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

    /**
     * Dates for a chart spanning days (a conversation runs for weeks), times with the date for one
     * shorter than two days; UTC, the server's one time zone, in the reader's locale.
     */
    private static java.util.function.Function<Instant, String> timeLabel(Page page, List<Instant> times) {
        boolean short_ = times.size() < 2
                || Duration.between(times.getFirst(), times.getLast()).compareTo(Duration.ofDays(2)) < 0;
        DateTimeFormatter f = (short_
                        ? DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                        : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM))
                .withLocale(page.lang().locale())
                .withZone(ZoneOffset.UTC);
        return t -> f.format(t);
    }

    /** The largest known value, NaN ignored; 0 if none. */
    private static double max(double[] values) {
        double m = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                m = Math.max(m, v);
            }
        }
        return m;
    }

    /** A round axis maximum at or above {@code v} (1, 2, 5, 10, 20, 50 …), for the charts of other features too. */
    public static double niceCeiling(double v) {
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
