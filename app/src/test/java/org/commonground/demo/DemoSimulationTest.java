package org.commonground.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.commonground.demo.DemoStatement.Topic;
import org.commonground.polis.PolisExport;
import org.commonground.polis.PolisExport.VoteEvent;
import org.commonground.statement.StatementText;
import org.commonground.web.Language;
import org.junit.jupiter.api.Test;

/** The demo's statements and simulated votes carry the structure the analysis is meant to find. */
class DemoSimulationTest {
    private static final PolisExport DEMO = new DemoSimulation(DemoStatements.ALL).run();
    private static final long START = DemoSimulation.START.toEpochMilli();
    private static final long MONTH = Duration.ofDays(30).toMillis();

    @Test
    void hasFortyFourStatementsOnEveryTopicInAllThreeLanguages() {
        assertThat(DemoStatements.ALL).hasSize(44);
        assertThat(DemoStatements.ALL).extracting(DemoStatement::topic).containsAll(List.of(Topic.values()));
        for (Language language : Language.values()) {
            assertThat(DemoStatements.ALL)
                    .filteredOn(s -> s.original() == language)
                    .hasSizeGreaterThanOrEqualTo(12);
        }
        for (DemoStatement s : DemoStatements.ALL) {
            assertThat(s.texts()).containsOnlyKeys(Language.values());
            assertThat(StatementText.detectLanguage(s.text())).as(s.text()).isEqualTo(s.original());
            assertThat(StatementText.detectLanguage(s.texts().get(Language.JA))).isEqualTo(Language.JA);
            assertThat(StatementText.detectLanguage(s.texts().get(Language.KO))).isEqualTo(Language.KO);
        }
    }

    @Test
    void noTwoStatementsAreNearDuplicatesInAnyLanguage() {
        for (Language language : Language.values()) {
            Set<String> folded = new HashSet<>();
            DemoStatements.ALL.forEach(
                    s -> assertThat(folded.add(StatementText.fold(s.texts().get(language))))
                            .as(s.texts().get(language))
                            .isTrue());
        }
    }

    @Test
    void isDeterministic() {
        PolisExport again = new DemoSimulation(DemoStatements.ALL).run();

        assertThat(again.votes()).isEqualTo(DEMO.votes());
        assertThat(again.participants()).isEqualTo(DEMO.participants());
    }

    @Test
    void aFewHundredParticipantsAcrossCountriesAndRolesVoteSparselyWithPlentyOfPasses() {
        List<VoteEvent> latest = DEMO.latestVotes();

        assertThat(DEMO.participants()).hasSize(360);
        assertThat(DEMO.participants())
                .extracting(p -> p.cohorts().get("country"))
                .contains("JP", "KR", "US", "other");
        assertThat(DEMO.participants()).extracting(p -> p.cohorts().get("role")).containsAll(DemoSimulation.ROLES);
        double perParticipant = latest.size() / 360.0;
        assertThat(perParticipant).isBetween(12.0, 35.0);
        double passes = latest.stream().filter(v -> v.value() == 0).count() / (double) latest.size();
        assertThat(passes).isBetween(0.10, 0.30);
        assertThat(DEMO.votes().size()).as("some votes are revised").isGreaterThan(latest.size() + 100);
    }

    @Test
    void votesSpreadOverFourMonths() {
        long first = DEMO.votes().stream().mapToLong(VoteEvent::timestamp).min().orElseThrow();
        long last = DEMO.votes().stream().mapToLong(VoteEvent::timestamp).max().orElseThrow();

        assertThat(first).isGreaterThanOrEqualTo(START);
        assertThat(last - first)
                .isBetween(Duration.ofDays(100).toMillis(), Duration.ofDays(121).toMillis());
    }

    @Test
    void bridgingStatementsAreAgreedAcrossCountries() {
        int highSchoolExchange = indexOf("high-school student exchanges");
        int ageing = indexOf("Low birth rates and ageing");

        for (int statement : List.of(highSchoolExchange, ageing)) {
            assertThat(agreeRate(statement, "JP", v -> true)).isGreaterThan(0.6);
            assertThat(agreeRate(statement, "KR", v -> true)).isGreaterThan(0.6);
            assertThat(agreeRate(statement, "US", v -> true)).isGreaterThan(0.6);
        }
    }

    @Test
    void historyStatementsDivideJapanAndKoreaAndTheDivideNarrowsOverTime() {
        int agreement2015 = indexOf("resolved the comfort women issue finally");
        int laborSettled = indexOf("settled by the 1965 claims agreement");

        for (int statement : List.of(agreement2015, laborSettled)) {
            Predicate<VoteEvent> early = v -> v.timestamp() < START + MONTH;
            Predicate<VoteEvent> late = v -> v.timestamp() >= START + 3 * MONTH;
            double earlyGap = agreeRate(statement, "JP", early) - agreeRate(statement, "KR", early);
            double lateGap = agreeRate(statement, "JP", late) - agreeRate(statement, "KR", late);
            assertThat(earlyGap).isGreaterThan(0.35);
            assertThat(lateGap).isLessThan(earlyGap - 0.1);
        }
    }

    @Test
    void someStatementsMatterToOneGroupOnly() {
        int youthAloneWillNotDo = indexOf("Youth exchange alone");
        // Leaned against only by the civil-society group: mixed within each country, not a country divide.
        double jp = agreeRate(youthAloneWillNotDo, "JP", v -> true);
        double kr = agreeRate(youthAloneWillNotDo, "KR", v -> true);
        assertThat(jp).isBetween(0.35, 0.9);
        assertThat(kr).isBetween(0.35, 0.9);
    }

    private static int indexOf(String englishFragment) {
        for (int i = 0; i < DemoStatements.ALL.size(); i++) {
            if (DemoStatements.ALL.get(i).texts().get(Language.EN).contains(englishFragment)) {
                return i;
            }
        }
        throw new AssertionError("no statement contains " + englishFragment);
    }

    /** Share of agrees among the non-pass votes cast on the statement by a country's participants (events, not only latest). */
    private static double agreeRate(int statement, String country, Predicate<VoteEvent> when) {
        Map<Integer, String> countries = new HashMap<>();
        DEMO.participants().forEach(p -> countries.put(p.id(), p.cohorts().get("country")));
        long agree = 0;
        long decided = 0;
        for (VoteEvent v : DEMO.votes()) {
            if (v.commentId() == statement
                    && country.equals(countries.get(v.voterId()))
                    && v.value() != 0
                    && when.test(v)) {
                decided++;
                agree += v.value() == 1 ? 1 : 0;
            }
        }
        return decided == 0 ? Double.NaN : agree / (double) decided;
    }
}
