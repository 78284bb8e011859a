package org.commonground.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.commonground.account.Role;
import org.commonground.testing.ParticipationGiven;
import org.commonground.testing.ParticipationServerTest;
import org.junit.jupiter.api.Test;

/**
 * An organizer rewords or withdraws a seed statement until the first vote on it (issue 13): the
 * API lists seeds with their translations, outdates a reworded seed's translations, and answers
 * 409 {@code seed-has-votes} (problem JSON in the caller's language) once anyone has voted.
 */
class SeedEditingHttpTest extends ParticipationServerTest {
    static String seeds(ParticipationGiven.Conversation c) {
        return "/api/v1/conversations/" + c.id() + "/seeds";
    }

    @Test
    void theListShowsEachSeedWithItsTranslationsAndWhetherVotesArrived() {
        var c = given.openConversation();
        var organizer = given.person(Role.ORGANIZER, c, "organizer");
        long translated = given.statement(c, "Textbooks should be written together.");
        long voted = given.statement(c, "Both countries should fund exchanges.");
        approvedTranslation(translated, "ja", "教科書は共同で書くべきだ。");
        var p = given.participant(c);
        server.postJson(
                "/api/v1/conversations/" + c.id() + "/votes",
                Map.of("statementId", voted, "value", "pass"),
                p.bearer());

        var r = server.get(seeds(c), organizer.bearer());

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode first = r.json().get(0);
        assertThat(first.get("id").asLong()).isEqualTo(translated);
        assertThat(first.at("/translations/ja").asText()).isEqualTo("教科書は共同で書くべきだ。");
        assertThat(first.get("voted").asBoolean()).isFalse();
        assertThat(r.json().get(1).get("voted").asBoolean()).isTrue();
    }

    @Test
    void aSeedWithoutVotesIsRewordedAndItsTranslationsOfTheOldWordsAreNoLongerShown() {
        var c = given.openConversation();
        var organizer = given.person(Role.ORGANIZER, c, "organizer");
        long seed = given.statement(c, "Exchanges should be cheaper.");
        approvedTranslation(seed, "ko", "교류 비용을 낮춰야 한다.");

        var r = server.putJson(
                seeds(c) + "/" + seed,
                Map.of("text", "Student exchanges should cost nothing.", "lang", "en"),
                organizer.bearer());

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("text").asText()).isEqualTo("Student exchanges should cost nothing.");
        assertThat(given.count(
                        "SELECT count(*) FROM statement WHERE id = ? AND text = 'Student exchanges should cost nothing.'",
                        seed))
                .isEqualTo(1);
        assertThat(given.count("SELECT count(*) FROM translation WHERE statement_id = ? AND state = 'approved'", seed))
                .as("translations of the old words")
                .isZero();
        assertThat(server.get(seeds(c), organizer.bearer())
                        .json()
                        .get(0)
                        .get("translations")
                        .size())
                .isZero();
    }

    @Test
    void onceAnyoneVotedTheSeedCanNeitherBeRewordedNorWithdrawn() {
        var c = given.openConversation();
        var organizer = given.person(Role.ORGANIZER, c, "organizer");
        long seed = given.statement(c, "Visas should be waived for students.");
        var p = given.participant(c);
        server.postJson(
                "/api/v1/conversations/" + c.id() + "/votes",
                Map.of("statementId", seed, "value", "agree"),
                p.bearer());

        var edit = server.putJson(
                seeds(c) + "/" + seed,
                Map.of("text", "Visas should be waived for everyone."),
                organizer.bearer("Accept-Language", "ja"));
        var withdraw = server.send("DELETE", seeds(c) + "/" + seed, null, organizer.bearer("Accept-Language", "ko"));

        assertThat(edit.status()).as(edit.body()).isEqualTo(409);
        assertThat(edit.header("Content-Type")).startsWith("application/problem+json");
        assertThat(edit.json().get("type").asText()).endsWith("/seed-has-votes");
        assertThat(edit.json().get("detail").asText()).contains("投票");
        assertThat(withdraw.status()).as(withdraw.body()).isEqualTo(409);
        assertThat(withdraw.json().get("detail").asText()).contains("투표");
        assertThat(given.count(
                        "SELECT count(*) FROM statement WHERE id = ? AND text = 'Visas should be waived for students.'"
                                + " AND moderation_state = 'accepted'",
                        seed))
                .as("the seed as it was")
                .isEqualTo(1);
    }

    @Test
    void aWithdrawnSeedLeavesTheListAndIsNoLongerPutToParticipants() {
        var c = given.openConversation();
        var organizer = given.person(Role.ORGANIZER, c, "organizer");
        long seed = given.statement(c, "A seed written too fast.");

        var r = server.send("DELETE", seeds(c) + "/" + seed, null, organizer.bearer());
        var again = server.send("DELETE", seeds(c) + "/" + seed, null, organizer.bearer());
        var vote = server.postJson(
                "/api/v1/conversations/" + c.id() + "/votes",
                Map.of("statementId", seed, "value", "agree"),
                given.participant(c).bearer());

        assertThat(r.status()).as(r.body()).isEqualTo(204);
        assertThat(server.get(seeds(c), organizer.bearer()).json().size()).isZero();
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("type").asText()).endsWith("/seed-not-found");
        assertThat(vote.status()).as("a vote on a withdrawn seed").isGreaterThanOrEqualTo(400);
    }

    @Test
    void aParticipantsStatementOrAnotherConversationsSeedIsNotASeedToChange() {
        var c = given.openConversation();
        var other = given.openConversation();
        var organizer = given.person(Role.ORGANIZER, c, "organizer");
        long elsewhere = given.statement(other, "Someone else's seed.");

        var r = server.putJson(seeds(c) + "/" + elsewhere, Map.of("text", "Mine now."), organizer.bearer());

        assertThat(r.status()).isEqualTo(404);
        assertThat(given.count(
                        "SELECT count(*) FROM statement WHERE id = ? AND text = 'Someone else''s seed.'", elsewhere))
                .isEqualTo(1);
    }

    private static void approvedTranslation(long statementId, String lang, String text) {
        given.jdbi.useHandle(h -> h.execute(
                "INSERT INTO translation (statement_id, lang, text, kind, state, approved_at) "
                        + "VALUES (?, ?, ?, 'human', 'approved', now())",
                statementId,
                lang,
                text));
    }
}
