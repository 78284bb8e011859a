package org.commonground.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.commonground.testing.ParticipationGiven;
import org.commonground.testing.ParticipationServerTest;
import org.junit.jupiter.api.Test;

class JoinHttpTest extends ParticipationServerTest {

    static String join(ParticipationGiven.Conversation c) {
        return "/api/v1/conversations/" + c.id() + "/participants";
    }

    @Test
    void joinsWithSelfDeclaredCohortsAndGetsAPseudonymousToken() {
        var c = given.openConversation();

        var response = server.postJson(
                join(c), Map.of("cohorts", Map.of("country", "KR", "role", "student"), "language", "ko"));

        assertThat(response.status()).isEqualTo(201);
        var body = response.json();
        assertThat(body.get("token").asText()).startsWith("cgp_");
        assertThat(body.get("language").asText()).isEqualTo("ko");
        assertThat(body.at("/cohorts/country").asText()).isEqualTo("KR");
        assertThat(response.header("Set-Cookie"))
                .contains(Participants.cookieName(c.id()) + "=cgp_")
                .containsIgnoringCase("HttpOnly");
        String storedHash = given.jdbi.withHandle(h -> h.select(
                        "SELECT token_hash FROM participant WHERE conversation_id = ? AND public_id = ?",
                        c.id(),
                        body.get("participant").asText())
                .mapTo(String.class)
                .one());
        assertThat(storedHash)
                .isEqualTo(org.commonground.web.Secrets.hash(body.get("token").asText()));
        var me = server.get(
                join(c) + "/me", "Authorization", "Bearer " + body.get("token").asText());
        assertThat(me.json().at("/cohorts/role").asText()).isEqualTo("student");
    }

    @Test
    void defaultsTheLanguageToTheRequestsLanguage() {
        var c = given.openConversation();

        var response = server.postJson(join(c), Map.of("cohorts", Map.of("country", "JP")), "Accept-Language", "ja");

        assertThat(response.json().get("language").asText()).isEqualTo("ja");
    }

    @Test
    void inviteFixesItsValuesAndCountsTheUse() {
        var c = given.openConversation();
        var invite = given.invite(c, 10, "KR");

        var response = server.postJson(join(c), Map.of("invite", invite.code(), "cohorts", Map.of("role", "student")));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().at("/cohorts/country").asText()).isEqualTo("KR");
        assertThat(given.count("SELECT uses FROM invite WHERE id = ?", invite.id()))
                .isEqualTo(1);
    }

    @Test
    void refusesToOverrideAValueTheInviteFixesAndCountsNoUse() {
        var c = given.openConversation();
        var invite = given.invite(c, null, "JP");

        var response = server.postJson(join(c), Map.of("invite", invite.code(), "cohorts", Map.of("country", "US")));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().at("/errors/0/field").asText()).isEqualTo("cohorts.country");
        assertThat(response.json().at("/errors/0/code").asText()).isEqualTo("cohort.value.fixed-by-invite");
        assertThat(given.count("SELECT uses FROM invite WHERE id = ?", invite.id()))
                .isZero();
        assertThat(given.count("SELECT count(*) FROM participant WHERE conversation_id = ?", c.id()))
                .isZero();
    }

    @Test
    void refusesAnExhaustedInviteWith409() {
        var c = given.openConversation();
        var once = given.invite(c, 1, "US");
        assertThat(server.postJson(join(c), Map.of("invite", once.code())).status())
                .isEqualTo(201);

        var response = server.postJson(join(c), Map.of("invite", once.code()));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("type").asText()).endsWith("/invite-exhausted");
    }

    @Test
    void refusesARevokedInviteWith410InTheReadersLanguage() {
        var c = given.openConversation();
        var gone = given.invite(c, null, "JP");
        given.revokeInvite(gone);

        var response = server.postJson(join(c), Map.of("invite", gone.code()), "Accept-Language", "ko");

        assertThat(response.status()).isEqualTo(410);
        assertThat(response.json().get("type").asText()).endsWith("/invite-revoked");
        assertThat(response.json().get("detail").asText()).contains("초대 링크");
    }

    @Test
    void refusesAnUnknownInviteOrOneOfAnotherConversation() {
        var c = given.openConversation();
        var other = given.openConversation();
        var elsewhere = given.invite(other, null, "JP");

        assertThat(server.postJson(join(c), Map.of("invite", "nope")).status()).isEqualTo(404);
        assertThat(server.postJson(join(c), Map.of("invite", elsewhere.code())).status())
                .isEqualTo(404);
        assertThat(given.count("SELECT uses FROM invite WHERE id = ?", elsewhere.id()))
                .isZero();
    }

    @Test
    void refusesInvalidCohortValuesWithOneErrorPerField() {
        var c = given.openConversation();

        var response = server.postJson(
                join(c), Map.of("cohorts", Map.of("role", "astronaut", "planet", "Mars")), "Accept-Language", "ja");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").findValuesAsText("code"))
                .containsExactlyInAnyOrder("cohort.dimension.unknown", "cohort.value.invalid");
        assertThat(response.json().get("errors").findValuesAsText("message")).anyMatch(m -> m.contains("いずれかにしてください"));
        assertThat(given.count("SELECT count(*) FROM participant WHERE conversation_id = ?", c.id()))
                .isZero();
    }

    @Test
    void aDimensionFixedByInviteCannotBeSelfDeclaredAndNeedsAnInvite() {
        var c = given.inviteOnlyCountryConversation();
        var invite = given.invite(c, null, "KR");

        var selfDeclared = server.postJson(join(c), Map.of("cohorts", Map.of("country", "KR")));
        var withoutInvite = server.postJson(join(c), Map.of("cohorts", Map.of("role", "student")));
        var invited = server.postJson(join(c), Map.of("invite", invite.code(), "cohorts", Map.of("role", "student")));

        assertThat(selfDeclared.status()).isEqualTo(422);
        assertThat(selfDeclared.json().at("/errors/0/code").asText()).isEqualTo("cohort.value.invite-only");
        assertThat(withoutInvite.status()).isEqualTo(422);
        assertThat(withoutInvite.json().at("/errors/0/field").asText()).isEqualTo("cohorts.country");
        assertThat(invited.status()).isEqualTo(201);
        assertThat(invited.json().at("/cohorts/country").asText()).isEqualTo("KR");
    }

    @Test
    void refusesATakenExternalIdButAcceptsItOnce() {
        var c = given.openConversation();
        assertThat(server.postJson(join(c), Map.of("externalId", "xid-1", "cohorts", Map.of("country", "JP")))
                        .status())
                .isEqualTo(201);

        var again = server.postJson(join(c), Map.of("externalId", "xid-1", "cohorts", Map.of("country", "JP")));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).endsWith("/external-id-taken");
        assertThat(server.postJson(join(c), Map.of("externalId", "x".repeat(129), "cohorts", Map.of("country", "JP")))
                        .status())
                .isEqualTo(422);
    }

    @Test
    void refusesABadLanguage() {
        var c = given.openConversation();

        var response = server.postJson(join(c), Map.of("cohorts", Map.of("country", "JP"), "language", "fr"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().at("/errors/0/field").asText()).isEqualTo("language");
    }

    @Test
    void refusesToJoinADraftClosedOrArchivedConversation() {
        var draft = given.conversation("draft", "post", true, "public");
        var closed = given.conversation("closed", "post", true, "public");
        var archived = given.conversation("archived", "post", true, "public");
        var body = Map.of("cohorts", Map.of("country", "JP"));

        assertThat(server.postJson(join(draft), body).status())
                .as("a draft does not exist to those joining")
                .isEqualTo(404);
        var closedAnswer = server.postJson(join(closed), body);
        assertThat(closedAnswer.status()).isEqualTo(409);
        assertThat(closedAnswer.json().get("type").asText()).endsWith("/conversation-closed");
        assertThat(server.postJson(join(archived), body).status()).isEqualTo(410);
    }

    @Test
    void unknownOrMalformedConversationIdsAre404() {
        assertThat(server.postJson("/api/v1/conversations/999999/participants", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(server.postJson("/api/v1/conversations/abc/participants", Map.of())
                        .json()
                        .get("type")
                        .asText())
                .endsWith("/route-not-found");
    }

    @Test
    void malformedBodiesAre400() {
        var c = given.openConversation();

        assertThat(server.postJson(join(c), "{\"cohorts\": ").status()).isEqualTo(400);
        assertThat(server.postJson(join(c), "null").status()).isEqualTo(400);
        assertThat(server.postJson(join(c), "{\"cohorts\": {\"country\": \"JP\"}, \"extra\": 1}")
                        .status())
                .isEqualTo(400);
        assertThat(server.postJson(join(c), "{\"cohorts\": [1, 2]}").status()).isEqualTo(400);
        assertThat(given.count("SELECT count(*) FROM participant WHERE conversation_id = ?", c.id()))
                .isZero();
    }
}
