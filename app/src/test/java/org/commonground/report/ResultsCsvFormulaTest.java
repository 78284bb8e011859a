package org.commonground.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.testing.Eventually.eventually;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.commonground.testing.ParticipationGiven.Conversation;
import org.commonground.testing.ParticipationGiven.Taker;
import org.commonground.testing.ParticipationServerTest;
import org.junit.jupiter.api.Test;

/** results.csv is opened in spreadsheets: a statement that starts like a formula is written as text. */
class ResultsCsvFormulaTest extends ParticipationServerTest {
    private static final List<String> FORMULAS = List.of(
            "=HYPERLINK(\"http://evil.example\",\"open\")",
            "+1+cmd|' /C calc'!A0",
            "-2+3 is the answer",
            "@SUM(A1:A9) of opinions",
            "\tcmd hidden behind a tab");

    @Test
    void formulaStatementsAreNeutralisedWithAnApostropheAndCountsStayNumbers() throws Exception {
        Conversation c = given.openConversation();
        Taker voter = given.participant(c);
        for (String formula : FORMULAS) {
            long id = given.statement(c, formula);
            var vote = server.postJson(
                    "/api/v1/conversations/" + c.id() + "/votes",
                    Map.of("statementId", id, "value", "agree"),
                    voter.bearer());
            assertThat(vote.status()).as(vote.body()).isEqualTo(201);
        }
        var latest = eventually(
                Duration.ofSeconds(30),
                () -> server.get("/api/v1/conversations/" + c.id() + "/results"),
                r -> r.status() == 200 && r.json().get("votes").asInt() == FORMULAS.size());
        assertThat(latest.status()).as(latest.body()).isEqualTo(200);

        var csv = server.get("/c/" + c.id() + "/results.csv?lang=en");
        List<CSVRecord> rows = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv.body()))
                .getRecords();

        assertThat(csv.status()).isEqualTo(200);
        assertThat(rows)
                .extracting(r -> r.get("original_text"))
                .containsExactlyInAnyOrderElementsOf(
                        FORMULAS.stream().map(f -> "'" + f).toList());
        assertThat(rows).extracting(r -> r.get("agree")).containsOnly("1");
    }
}
