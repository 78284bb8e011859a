package org.commonground.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonground.analysis.Analysis;
import org.commonground.analysis.AnalysisOptions;
import org.commonground.analysis.Cohorts;
import org.commonground.analysis.VoteMatrix;
import org.commonground.report.ReportQueries.FirstVote;
import org.commonground.report.ReportQueries.StatementTotal;
import org.commonground.results.LatestResult;
import org.commonground.translation.ShownStatements.Shown;
import org.commonground.web.Assets;
import org.commonground.web.Csrf;
import org.commonground.web.Language;
import org.commonground.web.Messages;
import org.commonground.web.Page;
import org.commonground.web.Pages;
import org.junit.jupiter.api.Test;

/** The report page drawn from a real engine result over a small conversation with known structure. */
class ReportViewTest {
    static final Messages MESSAGES = new Messages();
    static final Assets ASSETS = new Assets();
    static final Pages PAGES = new Pages(MESSAGES, ASSETS, new Csrf(false), false);
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void drawsTwoGroupsCommonGroundAParallelViewAndTheConvergenceChart() {
        var inputs = twoCampConversation();

        String html = render(inputs, Language.EN);

        assertThat(html).contains("<svg viewBox=\"0 0 640 400\" role=\"img\"");
        assertThat(html).contains("class=\"g0 k0\"").contains("class=\"g1 k");
        assertThat(html).contains("Group A").contains("Group B");
        assertThat(html).contains("class=\"plain common-ground\"").contains("We should meet more often");
        assertThat(html)
                .contains("class=\"card parallel-view\"")
                .contains("Japan")
                .contains("Korea");
        assertThat(html).contains("id=\"convergence-chart-title\"").contains("<path class=\"line p0\"");
        assertThat(html).contains("<path class=\"band p0\"").contains("Japan–Korea");
        assertThat(html).contains("<path class=\"line k0\"");
        assertThat(html).contains("statements are agreed on by a majority in every group and every country");
        assertThat(html).contains("class=\"group-table\"").contains("data-group-panel=\"1\"");
    }

    @Test
    void statementTextIsRenderedInert() {
        var inputs = twoCampConversation();

        String html = render(inputs, Language.EN);

        assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void marksTheReadersOwnDotAndWritesEverythingInTheirLanguage() {
        var base = twoCampConversation();
        var inputs = new ReportView.Inputs(
                base.conversationId(),
                base.title(),
                true,
                base.snapshot(),
                base.texts(),
                base.totals(),
                base.cohortDimension(),
                base.cohortValues(),
                base.cohortOf(),
                base.firstVotes(),
                3L,
                base.now(),
                base.replay());

        String ko = render(inputs, Language.KO);
        String ja = render(inputs, Language.JA);

        assertThat(ko).contains("class=\"you ").contains("그룹 A").contains("공감대").contains("일본");
        assertThat(ja).contains("あなた").contains("グループA").contains("共通点").contains("韓国");
        assertThat(ko).contains("hx-trigger=\"every 30s\"");
    }

    private static String render(ReportView.Inputs inputs, Language lang) {
        Page page = new Page(lang, MESSAGES, ASSETS, "token", "/c/1/results", "", null);
        return PAGES.render("report/report.jte", page, Map.of("report", ReportView.of(inputs, page)));
    }

    /**
     * 80 participants, half in Japan and half in Korea; within each country half are in camp A
     * (agree with statements 1–4, disagree with 5–8) and half in camp B (the reverse). Everyone
     * agrees with 9 and 10; statement 11 splits the countries; statement 12 is mostly passed.
     */
    static ReportView.Inputs twoCampConversation() {
        VoteMatrix.Builder votes = VoteMatrix.builder();
        Cohorts.Builder cohorts = Cohorts.builder();
        Map<Long, String> cohortOf = new HashMap<>();
        Map<Long, int[]> totals = new HashMap<>();
        List<FirstVote> first = new ArrayList<>();
        List<long[]> cast = new ArrayList<>();
        for (long p = 1; p <= 80; p++) {
            String country = p % 2 == 0 ? "JP" : "KR";
            boolean campA = (p / 2) % 2 == 0;
            cohorts.assign(p, "country", country);
            cohortOf.put(p, country);
            long at = T0.toEpochMilli() + p * 3_600_000L;
            first.add(new FirstVote(Instant.ofEpochMilli(at), country));
            for (long s = 1; s <= 12; s++) {
                int v;
                if (s <= 4) {
                    v = campA ? 1 : -1;
                } else if (s <= 8) {
                    v = campA ? -1 : 1;
                } else if (s <= 10) {
                    v = 1;
                } else if (s == 11) {
                    v = country.equals("JP") ? 1 : -1;
                } else {
                    v = p % 5 == 0 ? 1 : 0;
                }
                votes.vote(p, s, v, at + s * 1000);
                cast.add(new long[] {p, s, v, at + s * 1000});
                int[] t = totals.computeIfAbsent(s, k -> new int[3]);
                t[v == 1 ? 0 : v == -1 ? 1 : 2]++;
            }
        }
        var result = Analysis.run(
                votes.build(), cohorts.build(), AnalysisOptions.defaults().withThreads(1));
        Map<Long, Shown> texts = new HashMap<>();
        for (long s = 1; s <= 12; s++) {
            String text =
                    s == 9 ? "We should meet more often" : s == 1 ? "<script>alert(1)</script>" : "Statement " + s;
            texts.put(s, new Shown(s, text, "en", text, "en", "original", null));
        }
        Map<Long, StatementTotal> statementTotals = new HashMap<>();
        totals.forEach((s, t) -> statementTotals.put(s, new StatementTotal(s, t[0], t[1], t[2])));
        List<String> values = List.of("JP", "KR", "US", "other");
        return new ReportView.Inputs(
                1,
                "Two camps",
                false,
                new LatestResult(1, result, T0.plusSeconds(90_000), 0, 0),
                texts,
                statementTotals,
                "country",
                values,
                cohortOf,
                first,
                null,
                T0.plusSeconds(90_100),
                replay(result, cohortOf, values, cast));
    }

    /** The report's replay of {@code cast} (participant, statement, value, epoch ms), in the order cast. */
    static VoteReplay replay(
            org.commonground.analysis.AnalysisResult result,
            Map<Long, String> cohortOf,
            List<String> values,
            List<long[]> cast) {
        VoteReplay.Replayer replayer = VoteReplay.of(result, cohortOf, values, ReportView.MIN_VOTES);
        cast.stream()
                .sorted(java.util.Comparator.comparingLong(c -> c[3]))
                .forEach(c -> replayer.vote(c[0], c[1], (int) c[2], c[3]));
        return replayer.finish();
    }
}
