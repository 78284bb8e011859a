package org.commonground.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AnalysisPropertiesTest {
    record Vote(long participant, long statement, int value, long at) {}

    @Provide
    Arbitrary<List<Vote>> conversations() {
        Arbitrary<Vote> vote = Combinators.combine(
                        Arbitraries.longs().between(1, 40),
                        Arbitraries.longs().between(1, 15),
                        Arbitraries.integers().between(-1, 1),
                        Arbitraries.longs().between(0, 1_000_000))
                .as(Vote::new);
        return vote.list().ofMinSize(0).ofMaxSize(300);
    }

    @Property(tries = 40)
    void theResultDoesNotDependOnTheOrderOfTheInput(
            @ForAll("conversations") List<Vote> votes, @ForAll long shuffleSeed) {
        var distinct = withDistinctTimes(votes);
        var shuffled = new ArrayList<>(distinct);
        Collections.shuffle(shuffled, new Random(shuffleSeed));

        var a = Analysis.run(build(distinct), cohortsOf(distinct), AnalysisOptions.defaults());
        var b = Analysis.run(build(shuffled), cohortsOf(shuffled), AnalysisOptions.defaults());

        assertThat(withoutTimings(AnalysisJson.toJson(b, 0))).isEqualTo(withoutTimings(AnalysisJson.toJson(a, 0)));
    }

    @Property(tries = 40)
    void everyParticipantInTheMapIsInExactlyOneGroupAndGroupIdsAreDense(@ForAll("conversations") List<Vote> votes) {
        var result = Analysis.run(build(votes), cohortsOf(votes), AnalysisOptions.defaults());

        Set<Long> seen = new HashSet<>();
        for (int g = 0; g < result.groups().size(); g++) {
            assertThat(result.groups().get(g).id()).isEqualTo(g);
            result.groups().get(g).participants().stream()
                    .forEach(id -> assertThat(seen.add(id)).isTrue());
        }
        assertThat(seen).hasSize(result.participantCount());
        for (int i = 0; i < result.projection().size(); i++) {
            long id = result.projection().ids().get(i);
            assertThat(result.group(result.groupOf(id).orElseThrow())).isPresent();
        }
    }

    @Property(tries = 60)
    void everyNumberInTheJsonIsFinite(@ForAll("conversations") List<Vote> votes) {
        var result = Analysis.run(
                build(votes), cohortsOf(votes), AnalysisOptions.defaults().withMinVotesPerCohort(1));

        BadInputTest.assertValidJson(result);
    }

    @Property(tries = 40)
    void intervalsContainTheirEstimates(@ForAll("conversations") List<Vote> votes) {
        var result = Analysis.run(
                build(votes), cohortsOf(votes), AnalysisOptions.defaults().withMinVotesPerCohort(1));

        for (var divide : result.divides()) {
            assertThat(divide.low()).isLessThanOrEqualTo(divide.gap()).isGreaterThan(0.0);
            assertThat(divide.high()).isGreaterThanOrEqualTo(divide.gap()).isLessThanOrEqualTo(1.0);
        }
        for (var value : result.cohorts().values("country")) {
            for (long statement : result.cohorts().statements()) {
                var tally = result.tally("country", value, statement).orElseThrow();
                assertThat(tally.agreeLow()).isLessThanOrEqualTo(tally.agreeRate());
                assertThat(tally.agreeHigh()).isGreaterThanOrEqualTo(tally.agreeRate());
            }
        }
    }

    /** Same-timestamp repeats are resolved by insertion order, which a shuffle changes on purpose; keep them apart. */
    private static List<Vote> withDistinctTimes(List<Vote> votes) {
        List<Vote> out = new ArrayList<>();
        for (int i = 0; i < votes.size(); i++) {
            Vote v = votes.get(i);
            out.add(new Vote(v.participant(), v.statement(), v.value(), v.at() * 1000 + i));
        }
        return out;
    }

    private static VoteMatrix build(List<Vote> votes) {
        var builder = VoteMatrix.builder();
        for (Vote v : votes) {
            builder.vote(v.participant(), v.statement(), v.value(), v.at());
        }
        return builder.build();
    }

    private static Cohorts cohortsOf(List<Vote> votes) {
        var builder = Cohorts.builder();
        for (Vote v : votes) {
            builder.assign(
                    v.participant(),
                    "country",
                    v.participant() % 3 == 0 ? "JP" : v.participant() % 3 == 1 ? "KR" : "US");
        }
        return builder.build();
    }

    private static String withoutTimings(String json) {
        return json.replaceAll("\"analysis\":[^}]*", "");
    }
}
