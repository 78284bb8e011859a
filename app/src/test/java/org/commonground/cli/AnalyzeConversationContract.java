package org.commonground.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonground.conversation.Invites;
import org.commonground.participation.Join;
import org.commonground.participation.Vote;
import org.commonground.participation.Votes;
import org.commonground.testing.ParticipationGiven;
import org.commonground.testing.TestDatabase;
import org.commonground.web.Language;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze --conversation ID --database-url URL} on both database servers: accepted statements
 * only, the latest of each participant's votes, cohort values, database ids in the JSON.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AnalyzeConversationContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    TestDatabase db;
    ParticipationGiven given;

    @TempDir
    Path dir;

    abstract TestDatabase.Kind kind();

    @BeforeAll
    void open() {
        db = TestDatabase.fresh(kind());
        given = new ParticipationGiven(db);
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void analysesTheStoredConversationWithItsDatabaseIds() throws IOException {
        var c = given.openConversation();
        List<Long> accepted = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            accepted.add(given.statement(c, "Stored statement " + s));
        }
        long laterRejected = given.statement(c, "Rejected after it was voted on");
        long pending = given.statement(c, "Waiting for a moderator", "en", "pending");
        Votes votes = Votes.over(given.jdbi);
        List<Long> participants = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
            String country = p < 3 ? "JP" : "KR";
            Join.Joined j = new Join(given.jdbi, Invites.over(given.jdbi))
                    .join(c.id(), new Join.JoinRequest(Map.of("country", country), null, null, "en"), Language.EN);
            participants.add(j.participantId());
            for (int s = 0; s < 4; s++) {
                votes.cast(c.id(), j.token(), accepted.get(s), (s < 2) == (p < 3) ? Vote.AGREE : Vote.DISAGREE);
            }
            votes.cast(c.id(), j.token(), laterRejected, Vote.AGREE);
            if (p == 0) {
                votes.cast(c.id(), j.token(), accepted.getFirst(), Vote.PASS); // changes the first vote
            }
        }
        given.jdbi.useHandle(
                h -> h.execute("UPDATE statement SET moderation_state = 'rejected' WHERE id = ?", laterRejected));
        Path out = dir.resolve(kind() + ".json");

        AnalyzeCommandTest.Run run = AnalyzeCommandTest.analyze(
                "--conversation",
                String.valueOf(c.id()),
                "--database-url",
                db.jdbcUrl(),
                "--seed",
                "3",
                "--out",
                out.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(out.toFile());
        assertThat(AnalyzeCommandTest.fieldNames(json)).containsAll(AnalyzeCommandTest.CONTRACT_KEYS);
        assertThat(json.get("statements").asInt())
                .as("pending and rejected are out of the math")
                .isEqualTo(4);
        assertThat(json.get("votes").asInt()).isEqualTo(24);
        assertThat(json.get("participants").asInt()).isEqualTo(6);
        assertThat(AnalyzeCommandTest.fieldNames(json.get("projection")))
                .containsExactlyInAnyOrderElementsOf(
                        participants.stream().map(String::valueOf).toList());
        assertThat(json.get("bridging").findValuesAsText("statement"))
                .containsExactlyInAnyOrderElementsOf(
                        accepted.stream().map(String::valueOf).toList())
                .doesNotContain(String.valueOf(pending), String.valueOf(laterRejected));
        JsonNode jpFirst = json.at("/cohorts/country/JP/" + accepted.getFirst());
        assertThat(jpFirst.get("agree").asInt()).isEqualTo(2);
        assertThat(jpFirst.get("pass").asInt()).as("the changed vote").isEqualTo(1);
        assertThat(json.at("/cohorts/country/KR/" + accepted.getFirst() + "/disagree")
                        .asInt())
                .isEqualTo(3);
        assertThat(json.get("convergence").size()).isPositive();
    }

    @Test
    void refusesAnUnknownConversation() {
        AnalyzeCommandTest.Run run = AnalyzeCommandTest.analyze(
                "--conversation",
                "987654321",
                "--database-url",
                db.jdbcUrl(),
                "--out",
                dir.resolve("none.json").toString());

        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("no conversation 987654321");
        assertThat(dir.resolve("none.json")).doesNotExist();
    }

    static class OnEmbedded extends AnalyzeConversationContract {
        @Override
        TestDatabase.Kind kind() {
            return TestDatabase.Kind.EMBEDDED;
        }
    }

    static class OnExternal extends AnalyzeConversationContract {
        @Override
        TestDatabase.Kind kind() {
            return TestDatabase.Kind.EXTERNAL;
        }
    }
}
