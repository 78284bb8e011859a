package org.commonground.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.testing.Eventually.eventually;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonground.conversation.Invites;
import org.commonground.participation.Join;
import org.commonground.testing.ParticipationGiven.Conversation;
import org.commonground.testing.ParticipationServerTest;
import org.commonground.web.Language;
import org.junit.jupiter.api.Test;

/** The OpenAPI schema of the results endpoint names exactly the keys the engine's writer serves. */
class ResultsDocumentTest extends ParticipationServerTest {

    @Test
    void servedKeysAreTheDocumentedOnes() {
        Conversation c = given.openConversation();
        List<Long> statements = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            statements.add(given.statement(c, "Documented statement " + s));
        }
        for (int p = 0; p < 24; p++) {
            String country = p % 2 == 0 ? "JP" : "KR";
            Join.Joined j = new Join(given.jdbi, Invites.over(given.jdbi))
                    .join(c.id(), new Join.JoinRequest(Map.of("country", country), null, null, "en"), Language.EN);
            for (int s = 0; s < statements.size(); s++) {
                // All agree on statement 0 (common ground), JP agree / KR disagree on 1 (a divide), camps on the rest.
                String value = s == 0
                        ? "agree"
                        : s == 1
                                ? (country.equals("JP") ? "agree" : "disagree")
                                : (p < 12) == (s == 2) ? "agree" : "disagree";
                server.postJson(
                        "/api/v1/conversations/" + c.id() + "/votes",
                        Map.of("statementId", statements.get(s), "value", value),
                        "Authorization",
                        "Bearer " + j.token());
            }
        }
        JsonNode served = resultReflecting(c, 24 * statements.size());
        JsonNode api = server.get("/api/v1/openapi.json").json();
        JsonNode schemas = api.at("/components/schemas");
        String ref = api.at(
                        "/paths/~1api~1v1~1conversations~1{conversationId}~1results/get/responses/200/content/application~1json/schema/$ref")
                .asText();

        assertThat(ref).endsWith("/ResultsDocument");
        assertThat(keys(served)).containsExactlyInAnyOrderElementsOf(properties(schemas, "ResultsDocument"));
        assertThat(served.get("groups")).isNotEmpty();
        assertThat(keys(served.at("/groups/0"))).containsExactlyInAnyOrderElementsOf(properties(schemas, "Group"));
        assertThat(keys(served.at("/groups/0/representative/0")))
                .containsExactlyInAnyOrderElementsOf(properties(schemas, "Directed"));
        assertThat(keys(served.at("/bridging/0"))).containsExactlyInAnyOrderElementsOf(properties(schemas, "Bridging"));
        assertThat(keys(served.at("/groupInformedConsensus/0")))
                .containsExactlyInAnyOrderElementsOf(properties(schemas, "Scored"));
        assertThat(keys(served.at("/convergence/0")))
                .containsExactlyInAnyOrderElementsOf(properties(schemas, "ConvergencePoint"));
        assertThat(keys(served.at("/seconds"))).containsExactlyInAnyOrderElementsOf(properties(schemas, "Seconds"));
        assertThat(keys(served.at("/cohorts/country/JP/" + statements.getFirst())))
                .containsExactlyInAnyOrderElementsOf(properties(schemas, "CohortTally"));
        assertThat(served.get("divides")).as("statement 1 splits JP from KR").isNotEmpty();
        assertThat(keys(served.at("/divides/0"))).containsExactlyInAnyOrderElementsOf(properties(schemas, "Divide"));
    }

    /** The served result once it reflects all the votes cast (results are recomputed in the background). */
    private static JsonNode resultReflecting(Conversation c, int votes) {
        JsonNode served = eventually(
                java.time.Duration.ofSeconds(30),
                () -> server.get("/api/v1/conversations/" + c.id() + "/results").json(),
                answer -> answer.path("votesReflected").asInt() >= votes);
        assertThat(served.path("votesReflected").asInt()).isEqualTo(votes);
        return served;
    }

    private static List<String> keys(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> properties(JsonNode schemas, String name) {
        return keys(schemas.at("/" + name + "/properties"));
    }
}
