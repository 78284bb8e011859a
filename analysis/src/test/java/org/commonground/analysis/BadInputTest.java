package org.commonground.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Degenerate conversations still give a valid result whose JSON parses and holds only finite numbers. */
class BadInputTest {
    @Test
    void anEmptyConversationHasAnEmptyResult() {
        var result = analyse(VoteMatrix.builder().build());

        assertThat(result.participantCount()).isZero();
        assertThat(result.groups()).isEmpty();
        assertThat(result.bridging()).isEmpty();
        assertThat(result.convergence()).isEmpty();
        assertValidJson(result);
    }

    @Test
    void aSingleParticipantFormsASingleGroup() {
        var result = analyse(Conversations.unanimous(1, 10, 1));

        assertThat(result.groups()).hasSize(1);
        assertThat(result.groupOf(1)).hasValue(0);
        assertValidJson(result);
    }

    @Test
    void allPassesGiveAMapWithEveryoneAtTheCentre() {
        var result = analyse(Conversations.unanimous(30, 10, 0));

        assertThat(result.projection().of(1)).get().isEqualTo(new Projection.Position(0, 0));
        assertThat(result.consensus()).isEmpty();
        assertThat(result.bridging()).allSatisfy(b -> assertThat(b.score()).isZero());
        assertValidJson(result);
    }

    @Test
    void statementsNobodyVotedOnScoreZeroAndStayInTheMath() {
        var votes = VoteMatrix.builder().statement(77).statement(78);
        for (int p = 0; p < 20; p++) {
            for (int s = 0; s < 8; s++) {
                votes.vote(p, s, (p + s) % 2 == 0 ? 1 : -1, p);
            }
        }

        var result = analyse(votes.build());

        assertThat(result.statementCount()).isEqualTo(10);
        assertThat(result.bridgingOf(77).orElseThrow().score()).isZero();
        assertThat(result.statementProjection().of(77)).get().isEqualTo(new Projection.Position(0, 0));
        assertValidJson(result);
    }

    @Test
    void aSingleStatementConversationPlacesEveryoneWhoVotedOnIt() {
        var votes = VoteMatrix.builder();
        for (int p = 0; p < 12; p++) {
            votes.vote(p, 5, p % 3 - 1, p);
        }

        var result = analyse(votes.build());

        assertThat(result.participantCount()).isEqualTo(12);
        assertThat(result.groups()).isNotEmpty();
        assertValidJson(result);
    }

    @Test
    void identicalVotersTieWithoutBreakingClustering() {
        var result = analyse(Conversations.unanimous(50, 12, 1));

        assertThat(result.groups()).hasSize(1);
        assertThat(result.groups().getFirst().participants().size()).isEqualTo(50);
        assertThat(result.consensus())
                .extracting(AnalysisResult.Consensus::direction)
                .containsOnly(Direction.AGREE);
        assertValidJson(result);
    }

    @Test
    void twoMirrorImageCampsOfEqualSizeSplitIntoTwoGroups() {
        var votes = VoteMatrix.builder();
        for (int p = 0; p < 40; p++) {
            for (int s = 0; s < 10; s++) {
                votes.vote(p, s, p % 2 == 0 ? 1 : -1, p);
            }
        }

        var result = analyse(votes.build());

        assertThat(result.groups()).hasSize(2);
        assertThat(result.groups())
                .allSatisfy(g -> assertThat(g.participants().size()).isEqualTo(20));
        assertValidJson(result);
    }

    @Test
    void cohortNamesWithQuotesAndControlCharactersAreEscaped() {
        var votes = Conversations.unanimous(3, 3, 1);
        var cohorts = Cohorts.builder().assign(1, "coun\"try", "J\\P\n\u0001東京").build();

        var json = AnalysisJson.toJson(Analysis.run(votes, cohorts, AnalysisOptions.defaults()), 0.5);

        var cohortsJson = Json.object(Json.object(Json.parse(json)).get("cohorts"));
        assertThat(Json.object(cohortsJson.get("coun\"try"))).containsKey("J\\P\n\u0001東京");
    }

    private static AnalysisResult analyse(VoteMatrix votes) {
        return Analysis.run(votes, Cohorts.none(), AnalysisOptions.defaults());
    }

    static void assertValidJson(AnalysisResult result) {
        Map<String, Object> json = Json.object(Json.parse(AnalysisJson.toJson(result, 0.25)));
        assertThat(json)
                .containsKeys(
                        "participants",
                        "statements",
                        "votes",
                        "groups",
                        "projection",
                        "statementProjection",
                        "consensus",
                        "groupInformedConsensus",
                        "bridging",
                        "cohorts",
                        "commonGround",
                        "divides",
                        "convergence",
                        "seconds");
        assertThat(Json.numbers(json)).allSatisfy(n -> assertThat(n).isFinite());
    }
}
