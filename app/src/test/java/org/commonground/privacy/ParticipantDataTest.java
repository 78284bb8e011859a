package org.commonground.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonground.account.Role;
import org.commonground.participation.Participants;
import org.commonground.testing.ParticipationGiven.Conversation;
import org.commonground.testing.ParticipationServerTest;
import org.commonground.testing.TestServer;
import org.commonground.web.Secrets;
import org.junit.jupiter.api.Test;

/**
 * A participant downloads exactly their own data, and erases it under the conversation's policy:
 * the analysis recomputes without them and every other participant's data stays as it was.
 */
class ParticipantDataTest extends ParticipationServerTest {

    record Taking(long id, String token, String pseudonym) {
        String[] bearer(String... more) {
            String[] out = new String[2 + more.length];
            out[0] = "Authorization";
            out[1] = "Bearer " + token;
            System.arraycopy(more, 0, out, 2, more.length);
            return out;
        }
    }

    @Test
    void theDownloadHoldsEveryVoteAndStatementOfTheParticipantAndNothingOfAnyoneElse() {
        Conversation c = given.openConversation();
        long s1 = given.statement(c, "Both governments should fund student exchanges.");
        long s2 = given.statement(c, "History textbooks should be written together.");
        Taking x = join(c, "JP", "ja");
        Taking y = join(c, "KR", "ko");
        vote(c, x, s1, "agree");
        vote(c, x, s2, "disagree");
        vote(c, x, s1, "pass");
        long mine = write(c, x, "Rail links between Fukuoka and Busan should run every hour.");
        vote(c, y, s1, "agree");
        vote(c, y, mine, "disagree");
        write(c, y, "Ferries are cheaper than rail for most students.");

        TestServer.Response own = server.get(data(c), x.bearer());
        TestServer.Response inKorean = server.get(data(c) + "?lang=ko", x.bearer());
        TestServer.Response theirs = server.get(data(c), y.bearer());
        TestServer.Response anonymous = server.get(data(c));

        assertThat(own.status()).as(own.body()).isEqualTo(200);
        JsonNode d = own.json();
        assertThat(d.get("participant").asText()).isEqualTo(x.pseudonym());
        assertThat(d.get("language").asText()).isEqualTo("ja");
        assertThat(d.get("conversationId").asLong()).isEqualTo(c.id());
        assertThat(d.at("/cohorts/0/dimension").asText()).isEqualTo("country");
        assertThat(d.at("/cohorts/0/value").asText()).isEqualTo("JP");
        assertThat(d.at("/cohorts/0/valueLabel").asText()).isEqualTo("日本");
        List<Long> voted = new ArrayList<>();
        d.get("votes").forEach(v -> voted.add(v.get("statementId").asLong()));
        List<Long> stored = given.jdbi.withHandle(
                h -> h.createQuery("SELECT statement_id FROM vote_event WHERE participant_id = :p ORDER BY cast_at, id")
                        .bind("p", x.id())
                        .mapTo(Long.class)
                        .list());
        assertThat(voted).as("every vote event, the change included, in order").isEqualTo(stored);
        assertThat(voted).containsSubsequence(s1, s2, s1);
        assertThat(d.at("/votes/0/vote").asText()).isEqualTo("agree");
        assertThat(d.at("/votes/0/voteLabel").asText()).isEqualTo("賛成");
        assertThat(d.at("/votes/0/statement").asText()).isEqualTo("Both governments should fund student exchanges.");
        assertThat(d.at("/votes/0/castAt").asText()).isNotBlank();
        assertThat(d.get("statements")).hasSize(1);
        assertThat(d.at("/statements/0/id").asLong()).isEqualTo(mine);
        assertThat(d.at("/statements/0/text").asText()).startsWith("Rail links");
        assertThat(d.get("erasurePolicy").asText()).isEqualTo("anonymise");
        assertThat(d.get("notStored").asText()).contains("IPアドレス");
        assertThat(own.body())
                .as("nobody else's pseudonym, statement or vote")
                .doesNotContain(y.pseudonym())
                .doesNotContain("Ferries are cheaper");
        assertThat(inKorean.json().at("/votes/0/voteLabel").asText()).isEqualTo("동의");
        assertThat(theirs.body()).doesNotContain(x.pseudonym());
        assertThat(theirs.json().get("statements")).hasSize(1);
        assertThat(theirs.json().at("/statements/0/text").asText()).startsWith("Ferries");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void erasingUnderTheDefaultPolicyDeletesTheirVotesKeepsTheirVotedOnStatementWithoutAuthorAndTheResultsFollow() {
        Conversation c = given.openConversation();
        List<Long> seeds = new ArrayList<>();
        // Eight each: the map counts participants with at least seven votes (Pol.is's rule).
        for (int s = 0; s < 8; s++) {
            seeds.add(given.statement(c, "Seed statement number " + s + " on exchanges"));
        }
        List<Taking> people = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
            Taking t = join(c, p % 2 == 0 ? "JP" : "KR", "en");
            people.add(t);
            for (int s = 0; s < seeds.size(); s++) {
                vote(c, t, seeds.get(s), (s < 4) == (p < 3) ? "agree" : "disagree");
            }
        }
        Taking x = people.getFirst();
        Taking y = people.get(1);
        long votedOn = write(c, x, "Students should be able to visit without a visa.");
        long unvoted = write(c, x, "Museums should lend exhibits to each other.");
        vote(c, y, votedOn, "agree");
        int xEvents = events("participant_id = ?", x.id());
        int yEvents = events("participant_id = ?", y.id());
        int allEvents = events("conversation_id = ?", c.id());
        JsonNode before = PublicOutputsNameParticipantsByPseudonymTest.awaitResults(c, allEvents);

        TestServer.Response erased = server.send("DELETE", participant(c), null, x.bearer());

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("erasure").asText()).isEqualTo("anonymise");
        assertThat(erased.json().get("votesDeleted").asInt()).isEqualTo(xEvents);
        assertThat(erased.json().get("statementsDeleted").asInt()).isEqualTo(1);
        assertThat(erased.json().get("statementsKeptWithoutAuthor").asInt()).isEqualTo(1);
        assertThat(given.count("SELECT count(*) FROM participant WHERE id = ?", x.id()))
                .isZero();
        assertThat(given.count("SELECT count(*) FROM participant_cohort WHERE participant_id = ?", x.id()))
                .isZero();
        assertThat(given.count(
                        "SELECT count(*) FROM statement WHERE id = ? AND author_participant_id IS NULL", votedOn))
                .as("kept, without author")
                .isEqualTo(1);
        assertThat(given.count("SELECT count(*) FROM statement WHERE id = ?", unvoted))
                .isZero();
        assertThat(events("participant_id = ?", y.id()))
                .as("others' votes intact")
                .isEqualTo(yEvents);
        assertThat(events("conversation_id = ?", c.id())).isEqualTo(allEvents - xEvents);
        assertThat(given.count("SELECT count(*) FROM participant WHERE conversation_id = ?", c.id()))
                .isEqualTo(5);
        assertThat(server.get(participant(c), x.bearer()).status())
                .as("the token is gone with them")
                .isEqualTo(401);
        JsonNode after = PublicOutputsNameParticipantsByPseudonymTest.awaitResults(c, allEvents - xEvents);
        assertThat(before.get("participants").asInt()).isEqualTo(6);
        assertThat(after.get("participants").asInt()).isEqualTo(5);
        List<String> mapped = new ArrayList<>();
        after.get("projection").fieldNames().forEachRemaining(mapped::add);
        assertThat(mapped).hasSize(5).doesNotContain(x.pseudonym()).contains(y.pseudonym());
        assertThat(server.get("/api/v1/conversations/" + c.id() + "/tallies").body())
                .contains("\"statementId\":" + votedOn)
                .doesNotContain("\"statementId\":" + unvoted);
    }

    @Test
    void underTheDeletePolicyEveryStatementOfTheirsGoesWithTheVotesOnIt() {
        Conversation c = given.openConversation();
        long seed = given.statement(c, "Both governments should fund student exchanges.");
        var organizer = given.person(Role.ORGANIZER, c, "organizer");
        var moderator = given.person(Role.MODERATOR, c, "moderator");
        String privacy = "/api/v1/conversations/" + c.id() + "/privacy";

        TestServer.Response byModerator = server.putJson(privacy, Map.of("erasure", "delete"), moderator.bearer());
        TestServer.Response invalid = server.putJson(privacy, Map.of("erasure", "shred"), organizer.bearer());
        TestServer.Response set = server.putJson(privacy, Map.of("erasure", "delete"), organizer.bearer());
        Taking x = join(c, "JP", "en");
        Taking y = join(c, "KR", "en");
        long theirs = write(c, x, "Students should be able to visit without a visa.");
        vote(c, y, theirs, "agree");
        vote(c, y, seed, "disagree");
        TestServer.Response erased = server.send("DELETE", participant(c), null, x.bearer());

        assertThat(byModerator.status()).isEqualTo(403);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().at("/errors/0/field").asText()).isEqualTo("erasure");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("erasure").asText()).isEqualTo("delete");
        assertThat(server.get(privacy).json().get("erasure").asText()).isEqualTo("delete");
        assertThat(erased.json().get("statementsDeleted").asInt()).isEqualTo(1);
        assertThat(erased.json().get("statementsKeptWithoutAuthor").asInt()).isZero();
        assertThat(given.count("SELECT count(*) FROM statement WHERE id = ?", theirs))
                .isZero();
        assertThat(events("participant_id = ? AND statement_id = ?", y.id(), seed))
                .as("their other votes stay")
                .isEqualTo(1);
        assertThat(events("participant_id = ?", y.id())).isEqualTo(1);
    }

    @Test
    void thePageAsksForConfirmationAndErasesNothingWithoutIt() {
        Conversation c = given.openConversation();
        long seed = given.statement(c, "Both governments should fund student exchanges.");
        Taking x = join(c, "JP", "ja");
        vote(c, x, seed, "agree");
        String csrf = Secrets.token();
        String cookies = Participants.cookieName(c.id()) + "=" + x.token() + "; cg_csrf=" + csrf;
        String form = "application/x-www-form-urlencoded";

        TestServer.Response confirm = server.get("/c/" + c.id() + "/you/delete?lang=ja", "Cookie", cookies);
        TestServer.Response unticked = server.send(
                "POST",
                "/c/" + c.id() + "/you/delete?lang=ja",
                "_csrf=" + csrf,
                "Content-Type",
                form,
                "Cookie",
                cookies);
        int stillThere = given.count("SELECT count(*) FROM participant WHERE id = ?", x.id());
        TestServer.Response ticked = server.send(
                "POST",
                "/c/" + c.id() + "/you/delete?lang=ja",
                "_csrf=" + csrf + "&confirm=yes",
                "Content-Type",
                form,
                "Cookie",
                cookies);
        TestServer.Response download = server.get("/c/" + c.id() + "/you/data.json", "Cookie", cookies);

        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("この対話であなたは1回投票し").contains("name=\"confirm\"");
        assertThat(unticked.status()).isEqualTo(422);
        assertThat(unticked.body()).contains("チェックボックスにチェックを入れてください");
        assertThat(stillThere).isEqualTo(1);
        assertThat(ticked.status()).as(ticked.body()).isEqualTo(200);
        assertThat(ticked.body()).contains("データを削除しました").contains("投票1件");
        assertThat(ticked.raw().headers().allValues("Set-Cookie"))
                .as("the token cookie is cleared")
                .anySatisfy(v -> assertThat(v).startsWith(Participants.cookieName(c.id()) + "=;"));
        assertThat(given.count("SELECT count(*) FROM participant WHERE id = ?", x.id()))
                .isZero();
        assertThat(download.status()).as("nothing left to download").isEqualTo(303);
    }

    private static String data(Conversation c) {
        return participant(c) + "/data";
    }

    private static String participant(Conversation c) {
        return "/api/v1/conversations/" + c.id() + "/participants/me";
    }

    private static int events(String where, Object... args) {
        return given.count("SELECT count(*) FROM vote_event WHERE " + where, args);
    }

    private static Taking join(Conversation c, String country, String language) {
        TestServer.Response r = server.postJson(
                "/api/v1/conversations/" + c.id() + "/participants",
                Map.of("cohorts", Map.of("country", country), "language", language));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String pseudonym = r.json().get("participant").asText();
        long id = given.jdbi.withHandle(
                h -> h.createQuery("SELECT id FROM participant WHERE conversation_id = :c AND public_id = :p")
                        .bind("c", c.id())
                        .bind("p", pseudonym)
                        .mapTo(Long.class)
                        .one());
        return new Taking(id, r.json().get("token").asText(), pseudonym);
    }

    private static void vote(Conversation c, Taking t, long statement, String value) {
        TestServer.Response r = server.postJson(
                "/api/v1/conversations/" + c.id() + "/votes",
                Map.of("statementId", statement, "value", value),
                t.bearer());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private static long write(Conversation c, Taking t, String text) {
        TestServer.Response r = server.postJson(
                "/api/v1/conversations/" + c.id() + "/statements", Map.of("text", text, "lang", "en"), t.bearer());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }
}
