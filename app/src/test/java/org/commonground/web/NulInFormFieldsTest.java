package org.commonground.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.commonground.account.Role;
import org.commonground.participation.Participants;
import org.commonground.testing.ParticipationGiven;
import org.commonground.testing.ParticipationGiven.Conversation;
import org.commonground.testing.RunningApp;
import org.commonground.testing.SignedInBrowser;
import org.commonground.testing.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A NUL byte ({@code %00}) in any field of a page form answers 422 with the message in the reader's
 * language and creates nothing; it used to reach PostgreSQL and answer 500 (and {@code /organize/new}
 * left an orphan draft behind).
 */
class NulInFormFieldsTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    private static final String JA_MESSAGE = "保存できない文字";

    private static ParticipationGiven given;
    private static Conversation c;
    private static long statement;
    private static SignedInBrowser browser;

    @BeforeAll
    static void signInAnOrganizerWhoIsAlsoAParticipant() {
        given = new ParticipationGiven(app.db());
        c = given.conversation("open", "pre", true, "public");
        statement = given.statement(c, "A statement waiting for moderation", "en", "pending");
        var account = new TestAccounts(app.db()).account("nul-organizer@example.org", Role.ORGANIZER);
        given.jdbi.useHandle(h -> h.execute(
                "INSERT INTO conversation_member (conversation_id, account_id, role) VALUES (?, ?, 'organizer')",
                c.id(),
                account.id()));
        browser = SignedInBrowser.signIn(app.server(), "nul-organizer@example.org", "/organize")
                .withCookie(
                        Participants.cookieName(c.id()), given.participant(c).token());
    }

    /** A page form: where it posts, its fields with a NUL in one, and a count of the rows it would create or change. */
    record Form(String path, String fields, String rows) {}

    static Stream<Named<Form>> forms() {
        String org = "/organize/c/" + c.id();
        return Stream.of(
                Named.of(
                        "sign-in",
                        new Form(
                                "/sign-in",
                                "email=a%00b%40example.org&password=x",
                                "SELECT count(*) FROM account_session")),
                Named.of(
                        "new conversation",
                        new Form(
                                "/organize/new",
                                "title_en=Bad%00title&moderation=post&visibility=public",
                                "SELECT count(*) FROM conversation")),
                Named.of(
                        "new conversation's first statements",
                        new Form(
                                "/organize/new",
                                "title_en=Fine+title&seeds=First%00seed&moderation=post&visibility=public",
                                "SELECT count(*) FROM conversation")),
                Named.of(
                        "new conversation's cohort values",
                        new Form(
                                "/organize/new",
                                "title_en=Fine+title&cohort_country=JP%00,KR&moderation=post&visibility=public",
                                "SELECT count(*) FROM conversation")),
                Named.of(
                        "settings",
                        new Form(
                                org + "/settings",
                                "title_en=Renamed%00&moderation=pre&can_write=on&visibility=public",
                                "SELECT count(*) FROM conversation_text WHERE title LIKE 'Renamed%'")),
                Named.of(
                        "seed statement",
                        new Form(org + "/seeds", "text=Seed%00text", "SELECT count(*) FROM statement")),
                Named.of(
                        "invite",
                        new Form(org + "/invites", "label=Class%00A&max_uses=", "SELECT count(*) FROM invite")),
                Named.of(
                        "team member",
                        new Form(
                                org + "/members",
                                "email=x%00%40example.org&role=moderator",
                                "SELECT count(*) FROM conversation_member")),
                Named.of(
                        "join",
                        new Form("/c/" + c.id() + "/join", "cohort_country=JP%00", "SELECT count(*) FROM participant")),
                Named.of(
                        "participant statement",
                        new Form(
                                "/c/" + c.id() + "/statements",
                                "text=Hello%00world",
                                "SELECT count(*) FROM statement")),
                Named.of(
                        "moderation decision",
                        new Form(
                                "/moderate/c/" + c.id() + "/s/" + statement,
                                "decision=reject&reason=bad%00reason",
                                "SELECT count(*) FROM statement WHERE moderation_state <> 'pending'")),
                Named.of(
                        "translation",
                        new Form(
                                "/translate/c/" + c.id() + "/s/" + statement,
                                "into=ja&text=%E8%A8%B3%00",
                                "SELECT count(*) FROM translation")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void aNulInAFieldAnswers422InTheReadersLanguageAndCreatesNothing(Form form) {
        int before = given.count(form.rows());

        HttpResponse<String> r = browser.submit(form.path() + "?lang=ja", form.fields());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains(JA_MESSAGE);
        assertThat(given.count(form.rows())).as("nothing created or changed").isEqualTo(before);
    }
}
