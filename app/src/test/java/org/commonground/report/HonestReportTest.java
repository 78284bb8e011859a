package org.commonground.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonground.analysis.Analysis;
import org.commonground.analysis.AnalysisOptions;
import org.commonground.analysis.Cohorts;
import org.commonground.analysis.VoteMatrix;
import org.commonground.report.ReportQueries.FirstVote;
import org.commonground.report.ReportQueries.StatementTotal;
import org.commonground.results.LatestResult;
import org.commonground.translation.ShownStatements.Shown;
import org.commonground.web.Language;
import org.commonground.web.Page;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's "a report that never overstates", on a planted conversation: 40 participants in Japan,
 * 40 in Korea, 20 in the United States, 8 in "other countries" and 3 who gave no country. The
 * smallest cohort has 8 votes on every statement, below the engine's threshold of 10.
 */
class HonestReportTest {
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    /** Statement 11: other countries 75% agree, Japan 50%, Korea 10% (the journalist's case). */
    static final long SMALL_COHORT_DIVIDE = 11;
    /** Statement 13: Japan 100%, the United States 0% — wider than any Japan–Korea gap. */
    static final long WIDEST_DIVIDE = 13;

    @Test
    void noSummarySentenceRestsOnACohortBelowTheThresholdAndTheJapanKoreaDivideIsPreferred() {
        ReportView view = view(Language.EN);

        String divide = view.summary().stream()
                .filter(s -> s.startsWith("The largest divide"))
                .findFirst()
                .orElseThrow();
        assertThat(divide)
                .as("the dialogue's own pair, though Japan–United States is wider")
                .contains("between Japan and Korea")
                .contains("“Statement 11”")
                .contains("50% agree in Japan (n = 40)")
                .contains("10% in Korea (n = 40)")
                .contains("a gap of 40 percentage points");
        assertThat(String.join(" ", view.summary()))
                .as("the 8-vote cohort's 75% is quoted nowhere")
                .doesNotContain("75%")
                .contains("Other country: too few participants to compare on their own (a cohort needs 10 votes");
        assertThat(ReportView.summaryDivide(inputs(), inputs().snapshot().result()))
                .get()
                .extracting(d -> d.statement())
                .isEqualTo(SMALL_COHORT_DIVIDE);
    }

    @Test
    void everyCohortBarShowsItsNAndIntervalAndASmallCohortSaysItCannotSpeak() {
        String html = html(Language.EN);

        assertThat(html)
                .contains("n = 40<span class=\"ci-text\">; agree 95% interval")
                .contains("<line class=\"ci\"");
        assertThat(html)
                .as("the 8-vote cohort's bar")
                .contains("<div class=\"bar-row quiet\" data-n=\"8\">")
                .contains("8 votes: too few to say (a cohort needs 10)");
        StackedBar small = new StackedBar("Other country", 6, 2, 0, ReportView.MIN_VOTES);
        assertThat(small.speaks()).isFalse();
        StackedBar japan = new StackedBar("Japan", 20, 20, 0, ReportView.MIN_VOTES);
        assertThat(japan.agreeLow()).isCloseTo(0.352, org.assertj.core.data.Offset.offset(0.001));
        assertThat(japan.agreeHigh()).isCloseTo(0.648, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void allCountsOnThePageAgree() {
        for (Language lang : Language.values()) {
            String html = html(lang);
            ReportView view = view(lang);

            Map<String, String> seen = new HashMap<>();
            Matcher m = Pattern.compile("data-count=\"([^\"]+)\">([^<]+)<").matcher(html);
            int found = 0;
            while (m.find()) {
                found++;
                String before = seen.putIfAbsent(m.group(1), m.group(2));
                assertThat(before == null ? m.group(2) : before)
                        .as(lang + ": every " + m.group(1) + " count on the page")
                        .isEqualTo(m.group(2));
            }
            assertThat(found).isGreaterThan(10);
            assertThat(seen)
                    .containsEntry("voted", "111")
                    .containsEntry("in-map", String.valueOf(view.counts().inMap()));
            ReportView.GroupTable table = view.groupTable();
            int sum = 0;
            for (ReportView.GroupRow row : table.rows()) {
                assertThat(row.cells().stream().mapToInt(Integer::intValue).sum())
                        .as("a group's row adds up to its size")
                        .isEqualTo(row.total());
                sum += row.total();
            }
            assertThat(sum).as("the groups add up to the map").isEqualTo(table.total());
            for (int c = 0; c < table.totals().size(); c++) {
                int column = c;
                assertThat(table.rows().stream()
                                .mapToInt(r -> r.cells().get(column))
                                .sum())
                        .isEqualTo(table.totals().get(c));
            }
            assertThat(table.total()).isEqualTo(view.counts().inMap());
            Page page = page(lang);
            assertThat(view.summary().getFirst())
                    .contains(page.number(view.counts().voted()));
            assertThat(view.summary().get(1)).contains(page.number(view.counts().inMap()));
            assertThat(html)
                    .contains(page.t(
                            "report.meta",
                            view.age(),
                            view.votes(),
                            view.counts().voted()));
        }
    }

    @Test
    void theGroupTableCountsMembersByCountryAndEachCardShowsTheOtherGroupsVotes() {
        ReportView view = view(Language.EN);

        assertThat(view.groups()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(view.groupTable().columns())
                .containsExactly("Japan", "Korea", "United States", "Other country", "Not stated");
        ReportView.Representative first = view.groups().getFirst().statements().getFirst();
        assertThat(first.groups()).hasSize(view.groups().size());
        assertThat(first.groups().getFirst().label()).isEqualTo("Group A");
        int all = first.groups().stream().mapToInt(StackedBar::votes).sum();
        assertThat(all).as("every group's votes on it, from the replay").isGreaterThan(50);
    }

    @Test
    void theConvergenceChartDrawsOneLineWithABandPerSizeableCountryPairJapanKoreaFirst() {
        ReportView view = view(Language.JA);

        assertThat(view.convergenceLegend())
                .extracting(l -> l.label().substring(0, l.label().indexOf('：')))
                .containsExactly("日本–韓国", "日本–アメリカ", "韓国–アメリカ");
        assertThat(view.convergenceLegend().getFirst().label()).contains("ポイント（95%区間");
        assertThat(view.convergence().series())
                .allSatisfy(s -> assertThat(s.band()).startsWith("M").endsWith("Z"));
        assertThat(view.convergence().xTicks().getFirst().anchor()).isEqualTo("start");
        assertThat(view.convergence().xTicks().getLast().anchor()).isEqualTo("end");
        assertThat(view.convergence().yUnit()).isEqualTo("ポイント");
        assertThat(view.convergence().yTicks().getLast().label()).matches("[0-9]+");
    }

    @Test
    void koreanAndJapaneseSummariesReadNatively() {
        String ko = String.join(" ", view(Language.KO).summary());
        String ja = String.join(" ", view(Language.JA).summary());

        assertThat(ko).contains("일본과 한국 사이에서").contains("차이는 40%p").contains("기타 국가는 참여자가 적어");
        assertThat(ja).contains("日本と韓国の間で").contains("差は40ポイント");
    }

    static Page page(Language lang) {
        return new Page(lang, ReportViewTest.MESSAGES, ReportViewTest.ASSETS, "token", "/c/1/results", "", null);
    }

    static ReportView view(Language lang) {
        return ReportView.of(inputs(), page(lang));
    }

    static String html(Language lang) {
        Page page = page(lang);
        return ReportViewTest.PAGES.render("report/report.jte", page, Map.of("report", ReportView.of(inputs(), page)));
    }

    private static ReportView.Inputs cached;

    /** See the class comment; two opinion camps split every country, statements 9 and 10 are agreed by all. */
    static synchronized ReportView.Inputs inputs() {
        if (cached != null) {
            return cached;
        }
        VoteMatrix.Builder votes = VoteMatrix.builder();
        Cohorts.Builder cohorts = Cohorts.builder();
        Map<Long, String> cohortOf = new HashMap<>();
        Map<Long, int[]> totals = new HashMap<>();
        List<FirstVote> first = new ArrayList<>();
        List<long[]> cast = new ArrayList<>();
        for (long p = 1; p <= 111; p++) {
            String country = p <= 40 ? "JP" : p <= 80 ? "KR" : p <= 100 ? "US" : p <= 108 ? "other" : null;
            int rank = (int) (country == null ? p - 108 : p <= 40 ? p : p <= 80 ? p - 40 : p <= 100 ? p - 80 : p - 100);
            boolean campA = rank % 2 == 0;
            if (country != null) {
                cohorts.assign(p, "country", country);
                cohortOf.put(p, country);
            }
            long at = T0.toEpochMilli() + p * 3 * 3_600_000L;
            first.add(new FirstVote(Instant.ofEpochMilli(at), country));
            for (long s = 1; s <= 13; s++) {
                int v;
                if (s <= 4) {
                    v = campA ? 1 : -1;
                } else if (s <= 8) {
                    v = campA ? -1 : 1;
                } else if (s <= 10) {
                    v = 1;
                } else if (s == SMALL_COHORT_DIVIDE) {
                    v = switch (country == null ? "" : country) {
                        case "other" -> rank <= 6 ? 1 : -1; // 6 of 8: 75%
                        case "JP" -> rank <= 20 ? 1 : -1; // 50%
                        case "KR" -> rank <= 4 ? 1 : -1; // 10%
                        default -> rank % 2 == 0 ? 1 : -1;
                    };
                } else if (s == 12) {
                    v = p % 4 == 0 ? 1 : 0;
                } else {
                    v = switch (country == null ? "" : country) {
                        case "JP" -> 1;
                        case "US" -> -1;
                        default -> rank <= 16 ? 1 : -1; // Korea 40%
                    };
                }
                long when = at + s * 1000;
                votes.vote(p, s, v, when);
                cast.add(new long[] {p, s, v, when});
                int[] t = totals.computeIfAbsent(s, k -> new int[3]);
                t[v == 1 ? 0 : v == -1 ? 1 : 2]++;
            }
        }
        var result = Analysis.run(
                votes.build(), cohorts.build(), AnalysisOptions.defaults().withThreads(1));
        Map<Long, Shown> texts = new HashMap<>();
        for (long s = 1; s <= 13; s++) {
            texts.put(s, new Shown(s, "Statement " + s, "en", "Statement " + s, "en", "original", null));
        }
        Map<Long, StatementTotal> statementTotals = new HashMap<>();
        totals.forEach((s, t) -> statementTotals.put(s, new StatementTotal(s, t[0], t[1], t[2])));
        List<String> values = List.of("JP", "KR", "US", "other");
        cached = new ReportView.Inputs(
                1,
                "Planted",
                false,
                new LatestResult(1, result, T0.plusSeconds(3_600_000), 0, 0),
                texts,
                statementTotals,
                "country",
                values,
                cohortOf,
                first,
                null,
                T0.plusSeconds(3_600_100),
                ReportViewTest.replay(result, cohortOf, values, cast));
        return cached;
    }
}
