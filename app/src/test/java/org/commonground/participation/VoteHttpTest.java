package org.commonground.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.commonground.testing.ParticipationGiven;
import org.commonground.testing.ParticipationServerTest;
import org.junit.jupiter.api.Test;

class VoteHttpTest extends ParticipationServerTest {

    static String votes(ParticipationGiven.Conversation c) {
        return "/api/v1/conversations/" + c.id() + "/votes";
    }

    static Map<String, Object> vote(long statementId, String value) {
        return Map.of("statementId", statementId, "value", value);
    }

    @Test
    void castsAndChangesAVoteKeepingEveryEvent() {
        var c = given.openConversation();
        long s = given.statement(c, "Student exchanges should be free of charge.");
        var p = given.participant(c);

        var first = server.postJson(votes(c), vote(s, "agree"), p.bearer());
        var second = server.postJson(votes(c), vote(s, "disagree"), p.bearer());

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("value").asText()).isEqualTo("agree");
        assertThat(second.status()).isEqualTo(201);
        assertThat(given.count(
                        "SELECT value FROM current_vote WHERE participant_id = ? AND statement_id = ?", p.id(), s))
                .isEqualTo(-1);
        assertThat(given.count(
                        "SELECT count(*) FROM vote_event WHERE participant_id = ? AND statement_id = ?", p.id(), s))
                .isEqualTo(2);
    }

    @Test
    void acceptsTheParticipantCookieInsteadOfABearerToken() {
        var c = given.openConversation();
        long s = given.statement(c, "Pass me.");
        var p = given.participant(c);

        var response =
                server.postJson(votes(c), vote(s, "pass"), "Cookie", Participants.cookieName(c.id()) + "=" + p.token());

        assertThat(response.status()).isEqualTo(201);
        assertThat(given.count("SELECT value FROM current_vote WHERE participant_id = ?", p.id()))
                .isZero();
    }

    @Test
    void refusesACookieVoteThatAnotherSiteMadeTheBrowserSend() {
        var c = given.openConversation();
        long s = given.statement(c, "Forged votes are refused.");
        var p = given.participant(c);
        String cookie = Participants.cookieName(c.id()) + "=" + p.token();

        var crossSite = server.postJson(
                votes(c), vote(s, "agree"), "Cookie", cookie, "Sec-Fetch-Site", "cross-site", "Accept-Language", "ko");
        var siblingSubdomain =
                server.postJson(votes(c), vote(s, "agree"), "Cookie", cookie, "Sec-Fetch-Site", "same-site");
        var foreignOrigin =
                server.postJson(votes(c), vote(s, "agree"), "Cookie", cookie, "Origin", "https://evil.example");
        var sameOrigin = server.postJson(
                votes(c),
                vote(s, "disagree"),
                "Cookie",
                cookie,
                "Sec-Fetch-Site",
                "same-origin",
                "Origin",
                server.baseUrl());

        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(crossSite.contentType()).startsWith("application/problem+json");
        assertThat(crossSite.json().get("type").asText()).endsWith("/csrf-failed");
        assertThat(crossSite.json().get("detail").asText()).contains("다른 웹사이트");
        assertThat(siblingSubdomain.status()).isEqualTo(403);
        assertThat(foreignOrigin.status()).isEqualTo(403);
        assertThat(sameOrigin.status()).isEqualTo(201);
        assertThat(given.count("SELECT count(*) FROM vote_event WHERE participant_id = ?", p.id()))
                .isEqualTo(1);
        assertThat(given.count("SELECT value FROM current_vote WHERE participant_id = ?", p.id()))
                .isEqualTo(-1);
    }

    @Test
    void aBearerTokenVoteNeedsNoSiteCheck() {
        var c = given.openConversation();
        long s = given.statement(c, "Apps send bearer tokens.");
        var p = given.participant(c);

        var response = server.postJson(votes(c), vote(s, "agree"), p.bearer("Sec-Fetch-Site", "cross-site"));

        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void refusesABadVoteValueWith422AndWritesNothing() {
        var c = given.openConversation();
        long s = given.statement(c, "Bad values are refused.");
        var p = given.participant(c);

        var response = server.postJson(votes(c), vote(s, "love"), p.bearer());

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().at("/errors/0/field").asText()).isEqualTo("value");
        assertThat(server.postJson(votes(c), Map.of("value", "agree"), p.bearer())
                        .status())
                .isEqualTo(422);
        assertThat(server.postJson(votes(c), "{\"statementId\": \"x\", \"value\": \"agree\"}", p.bearer())
                        .status())
                .isEqualTo(400);
        assertThat(given.count("SELECT count(*) FROM vote_event WHERE participant_id = ?", p.id()))
                .isZero();
    }

    @Test
    void rejectsVoteOnPendingAndRejectedStatements() {
        var c = given.openConversation();
        long pending = given.statement(c, "Waiting for a moderator.", "en", "pending");
        long rejected = given.statement(c, "Rejected by a moderator.", "en", "rejected");
        var p = given.participant(c);

        var onPending = server.postJson(votes(c), vote(pending, "agree"), p.bearer());
        var onRejected = server.postJson(votes(c), vote(rejected, "agree"), p.bearer());

        assertThat(onPending.status()).isEqualTo(409);
        assertThat(onPending.json().get("type").asText()).endsWith("/statement-pending");
        assertThat(onRejected.status()).isEqualTo(409);
        assertThat(onRejected.json().get("type").asText()).endsWith("/statement-rejected");
        assertThat(given.count("SELECT count(*) FROM vote_event WHERE participant_id = ?", p.id()))
                .isZero();
    }

    @Test
    void rejectsVoteOnAnotherConversationsStatementOrAnUnknownOne() {
        var c = given.openConversation();
        var other = given.openConversation();
        long foreign = given.statement(other, "I belong elsewhere.");
        var p = given.participant(c);

        var response = server.postJson(votes(c), vote(foreign, "agree"), p.bearer());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("type").asText()).endsWith("/statement-not-found");
        assertThat(server.postJson(votes(c), vote(987654321L, "agree"), p.bearer())
                        .status())
                .isEqualTo(404);
        assertThat(server.postJson("/api/v1/conversations/987654321/votes", vote(foreign, "agree"), p.bearer())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void rejectsVoteOnClosedConversation() {
        var c = given.openConversation();
        long s = given.statement(c, "Votes stop when it closes.");
        var p = given.participant(c);
        given.setState(c, "closed");

        var response = server.postJson(votes(c), vote(s, "agree"), p.bearer("Accept-Language", "ja"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("type").asText()).endsWith("/conversation-closed");
        assertThat(response.json().get("detail").asText()).contains("終了しました");
    }

    @Test
    void rejectsVoteOnDraftConversationAsNotFound() {
        var c = given.openConversation();
        long s = given.statement(c, "Not open yet.");
        var p = given.participant(c);
        given.setState(c, "draft");

        var response = server.postJson(votes(c), vote(s, "agree"), p.bearer());

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void needsAValidTokenOfThisConversation() {
        var c = given.openConversation();
        var other = given.openConversation();
        long s = given.statement(c, "Who are you?");
        var stranger = given.participant(other);

        assertThat(server.postJson(votes(c), vote(s, "agree")).status()).isEqualTo(401);
        assertThat(server.postJson(votes(c), vote(s, "agree"), "Authorization", "Bearer cgp_forged")
                        .status())
                .isEqualTo(401);
        assertThat(server.postJson(votes(c), vote(s, "agree"), stranger.bearer())
                        .status())
                .isEqualTo(403);
        assertThat(given.count("SELECT count(*) FROM vote_event WHERE statement_id = ?", s))
                .isZero();
    }
}
