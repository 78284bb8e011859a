package org.commonground.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.testing.Eventually.eventually;

import java.time.Duration;
import java.util.Map;
import org.commonground.testing.ParticipationGiven;
import org.commonground.testing.ParticipationServerTest;
import org.junit.jupiter.api.Test;

class StatementHttpTest extends ParticipationServerTest {

    static String statements(ParticipationGiven.Conversation c) {
        return "/api/v1/conversations/" + c.id() + "/statements";
    }

    @Test
    void postModeratedStatementIsShownAtOnceWithItsDetectedLanguage() {
        var c = given.openConversation();
        var p = given.participant(c);

        var response = server.postJson(statements(c), Map.of("text", "  日韓の学生交流をもっと増やすべきだ。  "), p.bearer());

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("text").asText()).isEqualTo("日韓の学生交流をもっと増やすべきだ。");
        assertThat(response.json().get("lang").asText()).isEqualTo("ja");
        assertThat(response.json().get("moderationState").asText()).isEqualTo("accepted");
        var other = given.participant(c);
        var next = server.get("/api/v1/conversations/" + c.id() + "/next", other.bearer())
                .json();
        assertThat(next.at("/statement/id").asLong())
                .isEqualTo(response.json().get("id").asLong());
    }

    @Test
    void theAuthorAgreesWithTheirOwnStatementAsPolisRecordsItAndIsNotAskedToVoteOnIt() {
        var c = given.openConversation();
        long seed = given.statement(c, "Exchange programmes for students should double.");
        var author = given.participant(c);

        long written = server.postJson(
                        statements(c),
                        Map.of("text", "Joint history textbooks would help.", "lang", "en"),
                        author.bearer())
                .json()
                .get("id")
                .asLong();

        assertThat(given.count(
                        "SELECT count(*) FROM current_vote WHERE participant_id = ? AND statement_id = ? AND value = 1",
                        author.id(),
                        written))
                .isEqualTo(1);
        var next = server.get("/api/v1/conversations/" + c.id() + "/next", author.bearer())
                .json();
        assertThat(next.at("/statement/id").asLong()).isEqualTo(seed);
        String myVotes = server.get("/c/" + c.id() + "/my-votes?lang=en", author.bearer())
                .body();
        assertThat(myVotes).contains("Joint history textbooks would help.");
        // The live analysis heard of the vote: it reflects one vote event without anyone voting.
        var results = eventually(
                Duration.ofSeconds(30),
                () -> server.get("/api/v1/conversations/" + c.id() + "/results"),
                r -> r.status() == 200 && r.json().path("votesReflected").asLong() >= 1);
        assertThat(results.json().get("votesReflected").asLong()).isEqualTo(1);
    }

    @Test
    void underPreModerationTheAuthorIsNotAskedToVoteOnTheirStatementOnceAccepted() {
        var c = given.conversation("open", "pre", true, "public");
        var author = given.participant(c);
        server.postJson(
                statements(c),
                Map.of("text", "Hold me for review, then do not ask me.", "lang", "en"),
                author.bearer());
        given.jdbi.useHandle(
                h -> h.execute("UPDATE statement SET moderation_state = 'accepted' WHERE conversation_id = ?", c.id()));

        var next = server.get("/api/v1/conversations/" + c.id() + "/next", author.bearer())
                .json();

        assertThat(next.get("statement").isNull()).isTrue();
        assertThat(given.count("SELECT count(*) FROM current_vote WHERE participant_id = ?", author.id()))
                .isZero();
    }

    @Test
    void aNulCharacterInAStatementIsInvalidTextLikeEverywhereElse() {
        var c = given.openConversation();
        var p = given.participant(c);

        var response = server.postJson(statements(c), "{\"text\":\"a\\u0000b\"}", p.bearer());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asText()).endsWith("/invalid-text");
        assertThat(given.count("SELECT count(*) FROM statement WHERE conversation_id = ?", c.id()))
                .isZero();
    }

    @Test
    void preModeratedStatementWaitsHiddenFromRouting() {
        var c = given.conversation("open", "pre", true, "public");
        var p = given.participant(c);

        var response = server.postJson(statements(c), Map.of("text", "Hold me for review.", "lang", "en"), p.bearer());

        assertThat(response.json().get("moderationState").asText()).isEqualTo("pending");
        var next = server.get("/api/v1/conversations/" + c.id() + "/next", p.bearer())
                .json();
        assertThat(next.get("statement").isNull()).isTrue();
        assertThat(next.at("/progress/total").asInt()).isZero();
    }

    @Test
    void refusesANearDuplicateWithAPointerToTheExistingStatement() {
        var c = given.openConversation();
        long existing = given.statement(c, "Semiconductor supply chains need joint planning.");
        var p = given.participant(c);

        var response = server.postJson(
                statements(c),
                Map.of("text", "ＳＥＭＩＣＯＮＤＵＣＴＯＲ supply-chains need joint planning!!"),
                p.bearer("Accept-Language", "ko"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("type").asText()).endsWith("/statement-duplicate");
        assertThat(response.json().at("/existing/id").asLong()).isEqualTo(existing);
        assertThat(response.json().at("/existing/text").asText())
                .isEqualTo("Semiconductor supply chains need joint planning.");
        assertThat(response.json().get("detail").asText()).contains("거의 같은 의견");
        assertThat(given.count("SELECT count(*) FROM statement WHERE conversation_id = ?", c.id()))
                .isEqualTo(1);
    }

    @Test
    void refusesACyrillicLookalikeOfAnExistingStatement() {
        var c = given.openConversation();
        long existing = given.statement(c, "Korea and Japan should open their archives.");
        var p = given.participant(c);

        var response = server.postJson(
                statements(c),
                Map.of(
                        "text",
                        "K\u043er\u0435\u0430 \u0430nd J\u0430p\u0430n sh\u043euld \u043epen their \u0430rchives."),
                p.bearer());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().at("/existing/id").asLong()).isEqualTo(existing);
    }

    @Test
    void storesTextWithoutARightToLeftOverride() {
        var c = given.openConversation();
        var p = given.participant(c);

        var response = server.postJson(
                statements(c), Map.of("text", "Energy \u202Eprices\u202C must fall", "lang", "en"), p.bearer());

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("text").asText()).isEqualTo("Energy prices must fall");
        assertThat(given.count(
                        "SELECT count(*) FROM statement WHERE conversation_id = ? AND text ~ '[\u202A-\u202E]'",
                        c.id()))
                .isZero();
    }

    @Test
    void theSameTextInAnotherConversationIsNoDuplicate() {
        var c = given.openConversation();
        var other = given.openConversation();
        given.statement(other, "Ageing societies can learn from each other.");
        var p = given.participant(c);

        assertThat(server.postJson(
                                statements(c),
                                Map.of("text", "Ageing societies can learn from each other."),
                                p.bearer())
                        .status())
                .isEqualTo(201);
    }

    @Test
    void refusesEmptyTooLongWordlessTextAndUnknownLanguages() {
        var c = given.openConversation();
        var p = given.participant(c);

        var empty = server.postJson(statements(c), Map.of("text", "   "), p.bearer());
        var tooLong =
                server.postJson(statements(c), Map.of("text", "あ".repeat(1001)), p.bearer("Accept-Language", "ja"));
        var wordless = server.postJson(statements(c), Map.of("text", "?!…"), p.bearer());
        var badLang = server.postJson(statements(c), Map.of("text", "Bonjour", "lang", "fr"), p.bearer());

        assertThat(empty.status()).isEqualTo(422);
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().at("/errors/0/message").asText()).contains("1,000");
        assertThat(wordless.json().at("/errors/0/code").asText()).isEqualTo("statement.text.no-words");
        assertThat(badLang.json().at("/errors/0/field").asText()).isEqualTo("lang");
        assertThat(server.postJson(statements(c), Map.of("text", "あ".repeat(1000)), p.bearer())
                        .status())
                .isEqualTo(201);
        assertThat(given.count("SELECT count(*) FROM statement WHERE conversation_id = ?", c.id()))
                .isEqualTo(1);
    }

    @Test
    void refusesWritingWhereParticipantsMayNotOrTheConversationIsClosed() {
        var readOnly = given.conversation("open", "post", false, "public");
        var closing = given.openConversation();
        var reader = given.participant(readOnly);
        var writer = given.participant(closing);
        given.setState(closing, "closed");

        var forbidden = server.postJson(statements(readOnly), Map.of("text", "May I?"), reader.bearer());
        var closed = server.postJson(statements(closing), Map.of("text", "Too late."), writer.bearer());

        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("type").asText()).endsWith("/statements-closed");
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.json().get("type").asText()).endsWith("/conversation-closed");
    }

    @Test
    void needsAParticipantOfThisConversation() {
        var c = given.openConversation();
        var stranger = given.participant(given.openConversation());

        assertThat(server.postJson(statements(c), Map.of("text", "Anonymous?")).status())
                .isEqualTo(401);
        assertThat(server.postJson(statements(c), Map.of("text", "Elsewhere"), stranger.bearer())
                        .status())
                .isEqualTo(403);
        assertThat(server.postJson(
                                "/api/v1/conversations/424242/statements", Map.of("text", "Nowhere"), stranger.bearer())
                        .status())
                .isEqualTo(404);
        assertThat(server.postJson(
                                statements(c),
                                "{\"text\": 5",
                                given.participant(c).bearer())
                        .status())
                .isEqualTo(400);
    }
}
