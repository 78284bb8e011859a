package org.commonground.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalysisJsonTest {
    @Test
    void writesTheAgreedShapeWithInputIds() {
        var planted = Conversations.planted(41);
        var result = Analysis.run(
                planted.votes, planted.cohorts, AnalysisOptions.defaults().withMinVotesPerCohort(5));

        Map<String, Object> json = Json.object(Json.parse(AnalysisJson.toJson(result, 1.5)));

        assertThat(json.get("participants")).isEqualTo((double) result.participantCount());
        assertThat(json.get("votes")).isEqualTo((double) planted.votes.voteCount());
        var group = Json.object(Json.array(json.get("groups")).getFirst());
        assertThat(group.keySet()).containsExactly("id", "participants", "representative");
        var representative = Json.object(Json.array(group.get("representative")).getFirst());
        assertThat(representative.keySet()).containsExactly("statement", "direction", "score");
        assertThat(representative.get("direction")).isIn("agree", "disagree");
        assertThat(Json.object(json.get("projection"))).containsKey("1000");
        assertThat(Json.array(Json.object(json.get("projection")).get("1000"))).hasSize(2);
        assertThat(Json.object(json.get("statementProjection"))).containsKey("500");
        var bridging = Json.object(Json.array(json.get("bridging")).getFirst());
        assertThat(bridging.keySet()).containsExactly("statement", "score", "factor");
        var tally = Json.object(
                Json.object(Json.object(Json.object(json.get("cohorts")).get("country"))
                                .get("JP"))
                        .get("500"));
        assertThat(tally.keySet()).containsExactly("agree", "disagree", "pass", "agreeLow", "agreeHigh");
        var point = Json.object(Json.array(json.get("convergence")).getLast());
        assertThat(point.keySet()).containsExactly("until", "votes", "commonGround", "meanGap", "centroidDistance");
        assertThat((String) point.get("until")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(Json.object(json.get("seconds"))).containsEntry("load", 1.5);
        assertThat(Json.array(json.get("commonGround")))
                .isEqualTo(result.commonGround().stream()
                        .map(id -> (Object) (double) id)
                        .toList());
    }

    @Test
    void writesToAnyAppendableTheSameAsToJson() {
        var planted = Conversations.planted(42);
        var result = Analysis.run(planted.votes, planted.cohorts, AnalysisOptions.defaults());
        var out = new StringBuilder();

        AnalysisJson.write(result, 0, out);

        assertThat(out.toString()).isEqualTo(AnalysisJson.toJson(result, 0));
    }

    @Test
    void dividesCarryTheirDimensionAndInterval() {
        var planted = Conversations.planted(43);
        var result = Analysis.run(
                planted.votes, planted.cohorts, AnalysisOptions.defaults().withMinVotesPerCohort(5));

        List<Object> divides = Json.array(
                Json.object(Json.parse(AnalysisJson.toJson(result, 0))).get("divides"));

        assertThat(divides).allSatisfy(d -> {
            var divide = Json.object(d);
            assertThat(divide.keySet()).containsExactly("statement", "dimension", "gap", "low", "high");
            assertThat((double) divide.get("low")).isLessThanOrEqualTo((double) divide.get("gap"));
            assertThat((double) divide.get("gap")).isLessThanOrEqualTo((double) divide.get("high"));
        });
    }
}
