package org.commonground.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.commonground.testing.RunningApp;
import org.commonground.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProblemsTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    static TestServer server;

    @BeforeAll
    static void start() {
        server = app.server();
    }

    @Test
    void unknownRouteIsAProblemInTheReadersLanguage() {
        var response = server.get("/api/v1/no-such-thing", "Accept-Language", "ja,en;q=0.5");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).endsWith("/route-not-found");
        assertThat(response.json().get("detail").asText()).contains("何もありません");
    }

    @Test
    void healthAnswersOkWhenTheDatabaseAnswers() {
        var response = server.get("/api/v1/health");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("ok");
    }

    @Test
    void openApiDocumentDescribesTheHealthEndpoint() {
        var doc = server.get("/api/v1/openapi.json").json();

        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.at("/paths/~1api~1v1~1health/get/responses/200/content/application~1json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/Health");
        assertThat(doc.at("/components/schemas/Health/properties/status/type").asText())
                .isEqualTo("string");
    }
}
