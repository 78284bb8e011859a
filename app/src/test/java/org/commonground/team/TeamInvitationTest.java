package org.commonground.team;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonground.AppConfig;
import org.commonground.account.Accounts;
import org.commonground.account.Role;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ConversationCatalog;
import org.commonground.conversation.MemberRole;
import org.commonground.conversation.ModerationMode;
import org.commonground.db.Database;
import org.commonground.testing.Browser;
import org.commonground.testing.Given;
import org.commonground.testing.HandClock;
import org.commonground.testing.MailServer;
import org.commonground.testing.RunningApp;
import org.commonground.testing.TestAccounts;
import org.commonground.testing.TestServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Team invitations end to end: the organizer's API call, the mail as it arrives at a real SMTP
 * server (GreenMail), the invitee's one-time page in a real browser, and the role afterwards.
 */
class TeamInvitationTest {
    static final MailServer smtp = MailServer.started();
    static final HandClock clock = HandClock.running();

    @RegisterExtension
    static final RunningApp app = new RunningApp(AppConfig.defaults().withMail(smtp.settings()), clock);

    private static final Pattern LINK = Pattern.compile("(http://\\S+)(/team-invitations/[A-Za-z0-9_-]+)");
    private static final String NEW_PASSWORD = "quiet harbour lantern 1965";

    private static TestAccounts accounts;
    private static Given given;
    private static Jdbi jdbi;

    @BeforeAll
    static void world() {
        accounts = new TestAccounts(app.db());
        given = new Given(app.db());
        jdbi = Database.jdbi(app.db().dataSource());
    }

    @AfterAll
    static void stopMail() {
        smtp.close();
    }

    @Test
    void anInviteeWithoutAnAccountGetsAKoreanMailSetsAPasswordAndBecomesModerator() {
        TestAccounts.Caller organizer = accounts.organizer();
        Conversation c = given.openConversation(organizer.account(), ModerationMode.POST, "History classes", List.of());
        String invitee = "jiwoo-" + System.nanoTime() + "@example.kr";

        TestServer.Response r = app.server()
                .postJson(
                        "/api/v1/conversations/" + c.id() + "/team-invitations",
                        Map.of("email", invitee, "role", "moderator", "language", "ko"),
                        organizer.auth());

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("role").asText()).isEqualTo("moderator");
        assertThat(r.body()).as("the token is only in the mail").doesNotContain("team-invitations/");
        MimeMessage mail = smtp.awaitMailTo(invitee);
        assertThat(MailServer.subject(mail)).isEqualTo("“History classes”의 모더레이터로 초대되었습니다");
        String body = MailServer.body(mail);
        assertThat(body).contains(organizer.email() + " 님이 회원님을 “History classes”의 모더레이터로 초대했습니다.");
        String path = linkPath(body);
        assertThat(storedTokenHashes()).noneMatch(h -> path.endsWith(h));

        try (Browser b = Browser.open(app.server())) {
            b.go(path + "?lang=ko");
            assertThat(b.text("#invitation-what")).contains("모더레이터로 초대받았습니다");
            b.assertAccessible("team invitation, accept (ko)");
            b.assertNoPolicyViolations("team invitation, accept (ko)");
            b.type("#accept-password", NEW_PASSWORD);
            b.clickThrough("button[type=submit]");
            assertThat(b.await("#invitation-accepted").getText()).contains("“History classes”의 모더레이터입니다");
        }

        var account = Accounts.over(jdbi).authenticate(invitee, NEW_PASSWORD);
        assertThat(account)
                .as("the invitee signs in with the password they chose")
                .isPresent();
        assertThat(ConversationCatalog.over(jdbi).members(c.id()))
                .anyMatch(m -> m.accountId() == account.get().id() && m.role() == MemberRole.MODERATOR);
        assertThat(app.server().get(path).status()).as("the link works once").isEqualTo(410);
    }

    @Test
    void anInviteeWithAnAccountGivesItsOwnPasswordAndGainsTheRoleOnly() {
        TestAccounts.Caller organizer = accounts.organizer();
        Conversation c = given.openConversation(organizer.account(), ModerationMode.POST, "Textbooks", List.of());
        String email = "haruka-" + System.nanoTime() + "@example.jp";
        var existing = accounts.account(email, Role.TRANSLATOR);
        app.server()
                .postJson(
                        "/api/v1/conversations/" + c.id() + "/team-invitations",
                        Map.of("email", email, "role", "translator", "language", "ja"),
                        organizer.auth());
        MimeMessage mail = smtp.awaitMailTo(email);
        assertThat(MailServer.subject(mail)).isEqualTo("「Textbooks」の翻訳者として招待されました");
        String path = linkPath(MailServer.body(mail));

        try (Browser b = Browser.open(app.server())) {
            b.go(path + "?lang=ja");
            b.type("#accept-password", "not the password at all");
            b.clickThrough("button[type=submit]");
            assertThat(b.await("#accept-error").getText()).contains("パスワードと一致しません");
            assertThat(ConversationCatalog.over(jdbi).members(c.id())).isEmpty();

            b.type("#accept-password", TestAccounts.PASSWORD);
            b.clickThrough("button[type=submit]");
            b.await("#invitation-accepted");
        }

        assertThat(ConversationCatalog.over(jdbi).members(c.id()))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.accountId()).isEqualTo(existing.id());
                    assertThat(m.role()).isEqualTo(MemberRole.TRANSLATOR);
                });
        assertThat(Accounts.over(jdbi).find(existing.id()).orElseThrow().role())
                .as("the account keeps its own role")
                .isEqualTo(Role.TRANSLATOR);
    }

    @Test
    void aLinkOpenedAfterItsWeekHasExpired() {
        TestAccounts.Caller organizer = accounts.organizer();
        Conversation c = given.openConversation(organizer.account(), ModerationMode.POST, "Expiring", List.of());
        String email = "late-" + System.nanoTime() + "@example.org";
        app.server()
                .postJson(
                        "/api/v1/conversations/" + c.id() + "/team-invitations",
                        Map.of("email", email, "role", "co-organizer", "language", "en"),
                        organizer.auth());
        String path = linkPath(MailServer.body(smtp.awaitMailTo(email)));
        assertThat(app.server().get(path).status()).isEqualTo(200);

        clock.advance(TeamInvitations.VALID_FOR.plus(Duration.ofMinutes(1)));

        TestServer.Response late = app.server().get(path + "?lang=en");
        assertThat(late.status()).isEqualTo(410);
        assertThat(late.body()).contains("This invitation link has expired.");
    }

    @Test
    void onlyTheOrganizerInvitesAndOnlyToTheConversationsRoles() {
        TestAccounts.Caller organizer = accounts.organizer();
        TestAccounts.Caller moderator = accounts.create(Role.MODERATOR);
        Conversation c = given.openConversation(organizer.account(), ModerationMode.POST, "Rules", List.of());
        given.member(c, moderator.account(), MemberRole.MODERATOR);
        String path = "/api/v1/conversations/" + c.id() + "/team-invitations";

        assertThat(app.server()
                        .postJson(path, Map.of("email", "x@example.org", "role", "moderator"), moderator.auth())
                        .status())
                .isEqualTo(403);
        assertThat(app.server()
                        .postJson(path, Map.of("email", "x@example.org", "role", "moderator"))
                        .status())
                .isEqualTo(401);
        TestServer.Response badRole =
                app.server().postJson(path, Map.of("email", "x@example.org", "role", "editor"), organizer.auth());
        assertThat(badRole.status()).isEqualTo(422);
        assertThat(badRole.body()).contains("\"role\"").contains("co-organizer, moderator, translator");
        TestServer.Response badEmail =
                app.server().postJson(path, Map.of("email", "not an address", "role", "moderator"), organizer.auth());
        assertThat(badEmail.status()).isEqualTo(422);
        assertThat(badEmail.body()).contains("\"email\"");
    }

    @Test
    void withoutMailTheServerSaysSoInAProblem() {
        TestAccounts.Caller organizer = accounts.organizer();
        Conversation c = given.openConversation(organizer.account(), ModerationMode.POST, "No mail", List.of());
        try (TestServer off = TestServer.start(app.db(), AppConfig.defaults())) {
            TestServer.Response r = off.postJson(
                    "/api/v1/conversations/" + c.id() + "/team-invitations",
                    Map.of("email", "x@example.org", "role", "moderator"),
                    organizer.auth("Accept-Language", "en"));

            assertThat(r.status()).isEqualTo(409);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("type").asText()).endsWith("mail-off");
            assertThat(r.body()).contains("--smtp-url");
        }
    }

    @Test
    void aDialoguesOrganizerInvitesAnEditorForACountryWhoBecomesItsEditorOnAccepting() {
        TestAccounts.Caller organizer = accounts.organizer();
        TestAccounts.Caller other = accounts.organizer();
        TestServer.Response d = app.server()
                .postJson(
                        "/api/v1/dialogues",
                        Map.of("texts", Map.of("ja", Map.of("title", "日韓の歴史対話", "description", ""))),
                        organizer.auth());
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        long dialogueId = d.json().get("id").asLong();
        String path = "/api/v1/dialogues/" + dialogueId + "/team-invitations";
        String email = "editor-" + System.nanoTime() + "@example.kr";

        assertThat(app.server()
                        .postJson(path, Map.of("email", email, "role", "editor"), other.auth())
                        .status())
                .isEqualTo(403);
        TestServer.Response noCountry = app.server()
                .postJson(path, Map.of("email", email, "role", "editor", "language", "ko"), organizer.auth());
        assertThat(noCountry.status()).as(noCountry.body()).isEqualTo(422);
        assertThat(noCountry.body()).contains("country");
        TestServer.Response r = app.server()
                .postJson(
                        path,
                        Map.of("email", email, "role", "editor", "language", "ko", "country", "kr"),
                        organizer.auth());

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        MimeMessage mail = smtp.awaitMailTo(email);
        assertThat(MailServer.subject(mail)).isEqualTo("“日韓の歴史対話”의 편집자로 초대되었습니다");
        String link = linkPath(MailServer.body(mail));
        assertThat(app.server().get(link + "?lang=ko").body()).contains("편집자로 초대받았습니다");
        try (Browser b = Browser.open(app.server())) {
            b.go(link + "?lang=ko");
            b.type("#accept-password", NEW_PASSWORD);
            b.clickThrough("button[type=submit]");
            b.await("#invitation-accepted");
        }
        TestServer.Response editors =
                app.server().get("/api/v1/dialogues/" + dialogueId + "/editors", organizer.auth());
        assertThat(editors.status()).as(editors.body()).isEqualTo(200);
        assertThat(editors.body()).contains(email).contains("\"KR\"");
    }

    @Test
    void theOrganizerInvitesFromTheManagePageInTheLanguageChosenForTheMail() {
        String email = "page-organizer-" + System.nanoTime() + "@example.org";
        var organizer = given.account(email, Role.ORGANIZER);
        Conversation c = given.openConversation(organizer, ModerationMode.POST, "From the page", List.of());
        String invitee = "co-" + System.nanoTime() + "@example.jp";

        try (Browser b = Browser.open(app.server())) {
            b.go("/sign-in?lang=en");
            b.type("#email", email).type("#password", TestAccounts.PASSWORD);
            b.through(() -> b.find("#password").sendKeys(org.openqa.selenium.Keys.ENTER));
            b.await("h1");
            b.go("/organize/c/" + c.id());
            b.clickThrough("a[href='/organize/c/" + c.id() + "/team-invitations']");
            b.assertAccessible("team invitations, organizer");
            b.type("#invite-email", invitee);
            new org.openqa.selenium.support.ui.Select(b.find("#invite-role")).selectByValue("co-organizer");
            new org.openqa.selenium.support.ui.Select(b.find("#invite-language")).selectByValue("ja");
            b.clickThrough(".team-form button[type=submit]");
            b.await("#invitation-sent");
            assertThat(b.text("table.invitations"))
                    .contains(invitee)
                    .contains("co-organizer")
                    .contains("Waiting");
        }

        MimeMessage mail = smtp.awaitMailTo(invitee);
        assertThat(MailServer.subject(mail)).isEqualTo("「From the page」の共同主催者として招待されました");
        assertThat(MailServer.body(mail)).contains(email + " さんから「From the page」の共同主催者として招待されました。");
    }

    private static String linkPath(String body) {
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).as("a one-time link in: " + body).isTrue();
        assertThat(m.group(1)).isEqualTo(app.server().baseUrl());
        return m.group(2);
    }

    private static List<String> storedTokenHashes() {
        return jdbi.withHandle(h -> h.createQuery("SELECT token_hash FROM team_invitation")
                .mapTo(String.class)
                .list());
    }
}
