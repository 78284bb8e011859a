package org.commonground.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HandlerType;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.commonground.testing.ServerTest;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document cannot drift from the routes: every endpoint Javalin really serves under
 * {@code /api/v1} is described, and nothing is described that Javalin does not serve. A route
 * registered on {@code cfg.routes} directly, bypassing {@link Api}, fails this test.
 */
class OpenApiCoverageTest extends ServerTest {
    private static final Set<HandlerType> VERBS =
            Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    static Set<String> registeredApiRoutes() {
        Set<String> routes = new TreeSet<>();
        server.javalin().unsafe.internalRouter.allHttpHandlers().forEach(parsed -> {
            var endpoint = parsed.endpoint;
            if (VERBS.contains(endpoint.method) && endpoint.path.startsWith("/api/v1")) {
                routes.add(endpoint.method.name() + " " + endpoint.path);
            }
        });
        return routes;
    }

    static Set<String> documentedRoutes(JsonNode doc) {
        Set<String> routes = new TreeSet<>();
        doc.get("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(op -> routes.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return routes;
    }

    @Test
    void everyRegisteredApiRouteIsDocumentedAndNothingElse() {
        JsonNode doc = server.get("/api/v1/openapi.json").json();

        Set<String> registered = registeredApiRoutes();

        assertThat(registered)
                .as("the server registers the core routes")
                .contains(
                        "POST /api/v1/session",
                        "GET /api/v1/conversations/{conversationId}",
                        "POST /api/v1/conversations/{conversationId}/invites");
        assertThat(documentedRoutes(doc)).isEqualTo(registered);
    }

    @Test
    void everyOperationHasASummaryAndItsRequestAndResponseSchemas() {
        JsonNode doc = server.get("/api/v1/openapi.json").json();

        JsonNode signIn = doc.at("/paths/~1api~1v1~1session/post");
        JsonNode createInvite = doc.at("/paths/~1api~1v1~1conversations~1{conversationId}~1invites/post");

        doc.get("paths")
                .forEach(path -> path.forEach(
                        op -> assertThat(op.get("summary").asText()).isNotBlank()));
        assertThat(signIn.at("/requestBody/content/application~1json/schema/$ref")
                        .asText())
                .endsWith("/SignIn");
        assertThat(createInvite
                        .at("/responses/201/content/application~1json/schema/$ref")
                        .asText())
                .endsWith("/InviteView");
        assertThat(doc.at("/components/schemas/ConversationView/properties/state/enum")
                        .toString())
                .isEqualTo("[\"draft\",\"open\",\"closed\",\"archived\"]");
    }

    @Test
    void securityProblemAnswersAndPathIdsFollowFromEachDeclaration() {
        JsonNode doc = server.get("/api/v1/openapi.json").json();

        JsonNode signIn = doc.at("/paths/~1api~1v1~1session/post");
        JsonNode vote = doc.at("/paths/~1api~1v1~1conversations~1{conversationId}~1votes/post");
        JsonNode seed = doc.at("/paths/~1api~1v1~1conversations~1{conversationId}~1seeds/post");
        JsonNode conversation = doc.at("/paths/~1api~1v1~1conversations~1{conversationId}/get");

        assertThat(signIn.get("security").toString()).isEqualTo("[]");
        assertThat(signIn.at("/responses/429/$ref").asText()).isEqualTo("#/components/responses/TooManyRequests");
        assertThat(vote.get("operationId").asText()).isEqualTo("castVote");
        assertThat(vote.get("security").toString()).isEqualTo("[{\"participantToken\":[]}]");
        assertThat(vote.get("responses").properties().stream()
                        .map(Map.Entry::getKey)
                        .toList())
                .containsExactly(
                        "201", "400", "401", "403", "404", "409", "410", "413", "422", "429", "503", "default");
        assertThat(seed.get("security").toString())
                .contains("{\"apiToken\":[]}")
                .contains("\"session\":[]")
                .contains("\"csrfToken\":[]");
        assertThat(conversation.get("security").toString()).startsWith("[{},");
        JsonNode id = conversation.at("/parameters/0/schema");
        assertThat(id.get("type").asText() + " " + id.get("format").asText() + " ≥ "
                        + id.get("minimum").asInt())
                .isEqualTo("integer int64 ≥ 1");
        assertThat(doc.at("/components/responses/NotFound/content/application~1problem+json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(doc.at("/servers/0/url").asText()).isEqualTo("/");
        doc.get("tags")
                .forEach(tag -> assertThat(tag.path("description").asText())
                        .as(tag.toString())
                        .isNotBlank());
    }
}
