package org.commonground.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.commonground.testing.ServerTest;
import org.commonground.testing.Tool;
import org.junit.jupiter.api.Test;

/**
 * Redocly's recommended lint, the real one from npm, on the document the server really serves:
 * a newcomer generating a client must meet no errors. Warnings are printed, to drive them to zero.
 */
class OpenApiLintTest extends ServerTest {
    static final String REDOCLY_VERSION = "2.77.0";

    @Test
    void theServedDocumentPassesRedoclysRecommendedLintWithoutErrors() throws IOException {
        Path redocly = Tool.npm("redocly", "@redocly/cli@" + REDOCLY_VERSION, "redocly");
        Path doc = Tool.workDir("openapi-lint").resolve("openapi.json");
        Files.writeString(doc, server.get("/api/v1/openapi.json").body());

        Tool.Run run = Tool.run(
                doc.getParent(),
                List.of(
                        redocly.toString(),
                        "lint",
                        "--extends=recommended",
                        "--format=json",
                        "--max-problems=1000",
                        doc.toString()));
        JsonNode report = Tool.json(run.stdout());
        JsonNode totals = report.get("totals");
        List<String> problems = new ArrayList<>();
        report.get("problems")
                .forEach(p -> problems.add(
                        p.get("severity").asText() + " " + p.get("ruleId").asText() + " at "
                                + p.at("/location/0/pointer").asText() + ": "
                                + p.get("message").asText()));
        System.out.printf(
                "Redocly %s recommended lint: %d errors, %d warnings%n%s%n",
                REDOCLY_VERSION,
                totals.get("errors").asInt(),
                totals.get("warnings").asInt(),
                String.join("\n", problems));

        assertThat(problems).as("errors").filteredOn(p -> p.startsWith("error")).isEmpty();
        assertThat(totals.get("errors").asInt()).isZero();
    }
}
