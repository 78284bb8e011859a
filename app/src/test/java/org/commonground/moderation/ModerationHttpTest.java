package org.commonground.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.commonground.account.Role;
import org.commonground.testing.ParticipationGiven;
import org.commonground.testing.ParticipationServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModerationHttpTest extends ParticipationServerTest {
    static ParticipationGiven.Conversation c;
    static ParticipationGiven.Person moderator;
    static ParticipationGiven.Person translator;

    @BeforeAll
    static void people() {
        c = given.conversation("open", "pre", true, "public");
        moderator = given.person(Role.MODERATOR, c, "moderator");
        translator = given.person(Role.TRANSLATOR, c, "translator");
    }

    static String queue(ParticipationGiven.Conversation conversation) {
        return "/api/v1/conversations/" + conversation.id() + "/moderation/statements";
    }

    static String decide(long statementId) {
        return "/api/v1/conversations/" + c.id() + "/statements/" + statementId + "/moderation";
    }

    @Test
    void listsPendingStatementsFirstAndFiltersByState() {
        var conversation = given.conversation("open", "pre", true, "public");
        var mod = given.person(Role.MODERATOR, conversation, "moderator");
        long accepted = given.statement(conversation, "Already accepted.");
        long pending = given.statement(conversation, "Waiting.", "en", "pending");

        var all = server.get(queue(conversation), mod.bearer()).json();
        var onlyAccepted = server.get(queue(conversation) + "?state=accepted", mod.bearer())
                .json();

        assertThat(all.findValuesAsText("id")).containsExactly(String.valueOf(pending), String.valueOf(accepted));
        assertThat(onlyAccepted.findValuesAsText("id")).containsExactly(String.valueOf(accepted));
        assertThat(server.get(queue(conversation) + "?state=maybe", mod.bearer())
                        .status())
                .isEqualTo(422);
        assertThat(server.get(queue(conversation) + "?limit=x", mod.bearer()).status())
                .isEqualTo(422);
    }

    @Test
    void acceptingAPendingStatementOpensItForVotes() {
        long s = given.statement(c, "Journalists should exchange newsroom visits.", "en", "pending");
        var p = given.participant(c);

        var response = server.postJson(decide(s), Map.of("decision", "accept"), moderator.bearer());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("state").asText()).isEqualTo("accepted");
        assertThat(response.json().get("moderatedBy").asLong()).isEqualTo(moderator.id());
        assertThat(response.json().get("moderatedAt").asText()).isNotEmpty();
        assertThat(server.postJson(
                                "/api/v1/conversations/" + c.id() + "/votes",
                                Map.of("statementId", s, "value", "agree"),
                                p.bearer())
                        .status())
                .isEqualTo(201);
    }

    @Test
    void rejectingAPostModeratedStatementHidesItFromRoutingAndRecordsTheReason() {
        var post = given.openConversation();
        var mod = given.person(Role.MODERATOR, post, "moderator");
        long s = given.statement(post, "Something abusive.");
        var p = given.participant(post);
        assertThat(server.get("/api/v1/conversations/" + post.id() + "/next", p.bearer())
                        .json()
                        .at("/statement/id")
                        .asLong())
                .isEqualTo(s);

        var response = server.postJson(
                "/api/v1/conversations/" + post.id() + "/statements/" + s + "/moderation",
                Map.of("decision", "reject", "reason", "Insulting"),
                mod.bearer());

        assertThat(response.json().get("reason").asText()).isEqualTo("Insulting");
        assertThat(given.count(
                        "SELECT count(*) FROM statement WHERE id = ? AND moderation_state = 'rejected' AND moderated_by = ?",
                        s,
                        mod.id()))
                .isEqualTo(1);
        assertThat(server.get("/api/v1/conversations/" + post.id() + "/next", p.bearer())
                        .json()
                        .get("statement")
                        .isNull())
                .isTrue();
        assertThat(server.postJson(
                                "/api/v1/conversations/" + post.id() + "/votes",
                                Map.of("statementId", s, "value", "agree"),
                                p.bearer())
                        .json()
                        .get("type")
                        .asText())
                .endsWith("/statement-rejected");
    }

    @Test
    void aRejectionNeedsAReasonOfBoundedLength() {
        long s = given.statement(c, "Reason required.", "en", "pending");

        var noReason =
                server.postJson(decide(s), Map.of("decision", "reject"), moderator.bearer("Accept-Language", "ja"));
        var longReason =
                server.postJson(decide(s), Map.of("decision", "reject", "reason", "x".repeat(501)), moderator.bearer());
        var badDecision = server.postJson(decide(s), Map.of("decision", "maybe"), moderator.bearer());

        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().at("/errors/0/message").asText()).contains("理由");
        assertThat(longReason.status()).isEqualTo(422);
        assertThat(badDecision.json().at("/errors/0/field").asText()).isEqualTo("decision");
        assertThat(given.count("SELECT count(*) FROM statement WHERE id = ? AND moderation_state = 'pending'", s))
                .isEqualTo(1);
    }

    @Test
    void onlyModeratorsOrganizersAndAdminsModerate() {
        long s = given.statement(c, "Who decides?", "en", "pending");
        var outsider = given.person(Role.MODERATOR, null, null);
        var admin = given.person(Role.ADMIN, null, null);

        assertThat(server.get(queue(c)).status()).isEqualTo(401);
        assertThat(server.get(queue(c), translator.bearer()).status()).isEqualTo(403);
        assertThat(server.get(queue(c), outsider.bearer()).status()).isEqualTo(403);
        assertThat(server.postJson(
                                decide(s),
                                Map.of("decision", "accept"),
                                given.participant(c).bearer())
                        .status())
                .isEqualTo(401);
        assertThat(server.postJson(decide(s), Map.of("decision", "accept"), admin.bearer())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anotherConversationsStatementIsUnknownHere() {
        var other = given.openConversation();
        long foreign = given.statement(other, "Not yours.", "en", "pending");

        var response = server.postJson(decide(foreign), Map.of("decision", "accept"), moderator.bearer());

        assertThat(response.status()).isEqualTo(404);
        assertThat(given.count("SELECT count(*) FROM statement WHERE id = ? AND moderation_state = 'pending'", foreign))
                .isEqualTo(1);
        assertThat(server.postJson(
                                "/api/v1/conversations/" + c.id() + "/statements/abc/moderation",
                                Map.of("decision", "accept"),
                                moderator.bearer())
                        .status())
                .isEqualTo(404);
    }
}
