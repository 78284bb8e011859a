package org.commonground.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HandlerType;
import java.util.Locale;
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
    private static final Set<HandlerType> VERBS = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE);

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
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op ->
                routes.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return routes;
    }

    @Test
    void everyRegisteredApiRouteIsDocumentedAndNothingElse() {
        JsonNode doc = server.get("/api/v1/openapi.json").json();

        Set<String> registered = registeredApiRoutes();

        assertThat(registered).as("the server registers the core routes").contains(
                "POST /api/v1/session", "GET /api/v1/conversations/{conversationId}", "POST /api/v1/conversations/{conversationId}/invites");
        assertThat(documentedRoutes(doc)).isEqualTo(registered);
    }

    @Test
    void everyOperationHasASummaryAndItsRequestAndResponseSchemas() {
        JsonNode doc = server.get("/api/v1/openapi.json").json();

        JsonNode signIn = doc.at("/paths/~1api~1v1~1session/post");
        JsonNode createInvite = doc.at("/paths/~1api~1v1~1conversations~1{conversationId}~1invites/post");

        doc.get("paths").forEach(path -> path.forEach(op -> assertThat(op.get("summary").asText()).isNotBlank()));
        assertThat(signIn.at("/requestBody/content/application~1json/schema/$ref").asText()).endsWith("/SignIn");
        assertThat(createInvite.at("/responses/201/content/application~1json/schema/$ref").asText()).endsWith("/InviteView");
        assertThat(doc.at("/components/schemas/ConversationView/properties/state/enum").toString())
                .isEqualTo("[\"draft\",\"open\",\"closed\",\"archived\"]");
    }
}
