package org.commonground.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.commonground.account.Role;
import org.commonground.testing.ParticipationGiven;
import org.commonground.testing.ParticipationGiven.Conversation;
import org.commonground.testing.RunningApp;
import org.commonground.testing.SignedInBrowser;
import org.commonground.testing.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A decision on a statement the conversation does not have is 404, for htmx and plain forms alike (it was 500). */
class UnknownStatementDecisionTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    private static ParticipationGiven given;
    private static Conversation c;
    private static long elsewhere;
    private static SignedInBrowser moderator;

    @BeforeAll
    static void signInAModerator() {
        given = new ParticipationGiven(app.db());
        c = given.openConversation();
        elsewhere = given.statement(given.openConversation(), "Another conversation's statement");
        var account = new TestAccounts(app.db()).account("unknown-moderator@example.org", Role.MODERATOR);
        given.jdbi.useHandle(h -> h.execute(
                "INSERT INTO conversation_member (conversation_id, account_id, role) VALUES (?, ?, 'moderator')",
                c.id(),
                account.id()));
        moderator = SignedInBrowser.signIn(app.server(), "unknown-moderator@example.org", "/moderate/c/" + c.id());
    }

    @Test
    void anHtmxRejectionWithoutReasonOnAnUnknownStatementIs404Fragment() {
        HttpResponse<String> r = moderator.submit(
                "/moderate/c/" + c.id() + "/s/987654321?lang=en", "decision=reject&reason=", "HX-Request", "true");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
        assertThat(r.body()).doesNotContain("<html");
    }

    @Test
    void anHtmxDecisionOnAnotherConversationsStatementIs404() {
        HttpResponse<String> invalid = moderator.submit(
                "/moderate/c/" + c.id() + "/s/" + elsewhere + "?lang=en", "decision=maybe", "HX-Request", "true");
        HttpResponse<String> valid = moderator.submit(
                "/moderate/c/" + c.id() + "/s/" + elsewhere + "?lang=en", "decision=accept", "HX-Request", "true");

        assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(404);
        assertThat(valid.statusCode()).as(valid.body()).isEqualTo(404);
        assertThat(given.count("SELECT count(*) FROM statement WHERE id = ? AND moderated_by IS NULL", elsewhere))
                .isEqualTo(1);
    }

    @Test
    void aPlainFormDecisionOnAnUnknownStatementIs404Page() {
        HttpResponse<String> r = moderator.submit("/moderate/c/" + c.id() + "/s/987654321?lang=en", "decision=accept");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
    }
}
