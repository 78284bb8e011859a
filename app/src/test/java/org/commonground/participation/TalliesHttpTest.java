package org.commonground.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.commonground.account.Role;
import org.commonground.testing.ParticipationGiven;
import org.commonground.testing.ParticipationServerTest;
import org.junit.jupiter.api.Test;

class TalliesHttpTest extends ParticipationServerTest {

    static String tallies(ParticipationGiven.Conversation c) {
        return "/api/v1/conversations/" + c.id() + "/tallies";
    }

    static void vote(ParticipationGiven.Conversation c, ParticipationGiven.Taker p, long s, String value) {
        assertThat(server.postJson(
                                "/api/v1/conversations/" + c.id() + "/votes",
                                Map.of("statementId", s, "value", value),
                                p.bearer())
                        .status())
                .isEqualTo(201);
    }

    @Test
    void countsCurrentVotesPerAcceptedStatementForAnyoneWhenPublic() {
        var c = given.openConversation();
        long s = given.statement(c, "Count me.");
        long quiet = given.statement(c, "Nobody voted.");
        given.statement(c, "Hidden.", "en", "pending");
        var a = given.participant(c);
        var b = given.participant(c);
        vote(c, a, s, "agree");
        vote(c, a, s, "disagree");
        vote(c, b, s, "pass");

        var body = server.get(tallies(c)).json();

        assertThat(body).hasSize(2);
        assertThat(body.get(0).get("statementId").asLong()).isEqualTo(s);
        assertThat(body.get(0).get("agree").asInt()).isZero();
        assertThat(body.get(0).get("disagree").asInt()).isEqualTo(1);
        assertThat(body.get(0).get("pass").asInt()).isEqualTo(1);
        assertThat(body.get(0).get("total").asInt()).isEqualTo(2);
        assertThat(body.get(1).get("statementId").asLong()).isEqualTo(quiet);
        assertThat(body.get(1).get("total").asInt()).isZero();
    }

    @Test
    void participantVisibilityAdmitsItsParticipantsAndItsStaff() {
        var c = given.conversation("open", "post", true, "participants");
        var p = given.participant(c);
        var organizer = given.person(Role.ORGANIZER, c, "organizer");
        var moderator = given.person(Role.MODERATOR, c, "moderator");
        var stranger = given.participant(given.openConversation());
        var otherModerator = given.person(Role.MODERATOR, given.openConversation(), "moderator");

        assertThat(server.get(tallies(c)).status()).isEqualTo(401);
        assertThat(server.get(tallies(c), stranger.bearer()).status()).isEqualTo(401);
        assertThat(server.get(tallies(c), otherModerator.bearer()).status()).isEqualTo(403);
        assertThat(server.get(tallies(c), p.bearer()).status()).isEqualTo(200);
        assertThat(server.get(tallies(c), organizer.bearer()).status()).isEqualTo(200);
        assertThat(server.get(tallies(c), moderator.bearer()).status()).isEqualTo(200);
    }

    @Test
    void organizerVisibilityIsForOrganizersOnly() {
        var c = given.conversation("open", "post", true, "organizers");
        var p = given.participant(c);
        var moderator = given.person(Role.MODERATOR, c, "moderator");
        var organizer = given.person(Role.ORGANIZER, c, "organizer");

        assertThat(server.get(tallies(c)).status()).isEqualTo(401);
        assertThat(server.get(tallies(c), p.bearer()).status()).isEqualTo(401);
        assertThat(server.get(tallies(c), moderator.bearer()).status()).isEqualTo(403);
        assertThat(server.get(tallies(c), organizer.bearer()).status()).isEqualTo(200);
        assertThat(server.get("/api/v1/conversations/31337/tallies").status()).isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentDescribesTheParticipationEndpoints() {
        var doc = server.get("/api/v1/openapi.json").json();

        assertThat(doc.at(
                                "/paths/~1api~1v1~1conversations~1{conversationId}~1votes/post/requestBody/content/application~1json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/CastVote");
        assertThat(doc.at("/components/schemas/CastVote/properties/value/enum").toString())
                .contains("agree", "disagree", "pass");
        assertThat(doc.at("/paths/~1api~1v1~1conversations~1{conversationId}~1next/get/responses/200")
                        .isMissingNode())
                .isFalse();
        assertThat(doc.at("/paths/~1api~1v1~1conversations~1{conversationId}~1participants/post/responses/201")
                        .isMissingNode())
                .isFalse();
    }
}
