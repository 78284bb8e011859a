package org.commonground.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonground.AppConfig;
import org.commonground.account.Role;
import org.commonground.conversation.Conversation;
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
 * Participants' opt-in mail over real HTTP, PostgreSQL and SMTP (GreenMail): consent, the sealed
 * address, one-click unsubscribe (RFC 8058) without signing in, the round-opened mail, the weekly
 * digest and the team's moderation digest.
 */
class ReminderMailTest {
    static final MailServer smtp = MailServer.started();
    static final HandClock clock = HandClock.running();

    @RegisterExtension
    static final RunningApp app = new RunningApp(AppConfig.defaults().withMail(smtp.settingsWithAddressKey()), clock);

    private static final Pattern UNSUBSCRIBE =
            Pattern.compile("<(http://[^>]+/unsubscribe/([^>]+))>, <mailto:([^>]+)>");

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
    void aParticipantWhoConsentsGetsAKoreanConfirmationAndUnsubscribesInOneClickWithoutSigningIn() throws Exception {
        TestAccounts.Caller organizer = accounts.organizer();
        Conversation c =
                given.openConversation(organizer.account(), ModerationMode.POST, "교과서 대화", List.of("Seed one"));
        String token = join(c, "ko");
        String address = "seoyeon-" + System.nanoTime() + "@example.kr";
        String path = "/api/v1/conversations/" + c.id() + "/participants/me/reminders";

        TestServer.Response noConsent = app.server()
                .putJson(path, Map.of("email", address), "Authorization", "Bearer " + token, "Accept-Language", "ko");
        assertThat(noConsent.status()).isEqualTo(422);
        assertThat(noConsent.body()).contains("\"consent\"").contains("동의하시면 체크해 주세요");
        TestServer.Response ok = app.server()
                .putJson(path, Map.of("email", address, "consent", true), "Authorization", "Bearer " + token);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).doesNotContain(address);

        MimeMessage mail = smtp.awaitMailTo(address);
        assertThat(MailServer.subject(mail)).isEqualTo("“교과서 대화” 알림을 받도록 설정했습니다");
        assertThat(MailServer.body(mail)).contains("이메일 주소는 암호화해 저장하며");
        assertThat(MailServer.header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        Matcher m = UNSUBSCRIBE.matcher(MailServer.header(mail, "List-Unsubscribe"));
        assertThat(m.matches()).as(MailServer.header(mail, "List-Unsubscribe")).isTrue();
        assertThat(m.group(1)).startsWith(app.server().baseUrl() + "/unsubscribe/");
        assertThat(m.group(3)).startsWith(MailServer.FROM + "?subject=unsubscribe");
        assertThat(MailServer.body(mail)).contains(m.group(1));
        assertThat(plaintextRows(address))
                .as("the address is stored sealed, never in clear")
                .isZero();
        assertThat(sealedRows(c.id())).isEqualTo(1);
        assertThat(app.server()
                        .get(
                                "/api/v1/conversations/" + c.id() + "/participants/me/data",
                                "Authorization",
                                "Bearer " + token)
                        .body())
                .as("never exported, not even to its owner's download")
                .doesNotContain(address)
                .doesNotContain("seoyeon");

        // The mail provider's one-click POST: no cookie, no CSRF token, no sign-in.
        HttpResponse<String> oneClick = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(m.group(1)))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(sealedRows(c.id())).isZero();
        assertThat(app.server()
                        .get(path, "Authorization", "Bearer " + token)
                        .json()
                        .get("subscribed")
                        .asBoolean())
                .isFalse();
        assertThat(app.server()
                        .get(URI.create(m.group(1)).getPath() + "?lang=ko")
                        .body())
                .contains("이 링크로는 더 이상 메일이 가지 않습니다");
    }

    @Test
    void theUnsubscribePageConfirmsInTheBrowserAndTheOwnerMayAlsoDeleteTheAddress() {
        TestAccounts.Caller organizer = accounts.organizer();
        Conversation c = given.openConversation(organizer.account(), ModerationMode.POST, "歴史の授業", List.of("Seed"));
        String token = join(c, "ja");
        String address = "yui-" + System.nanoTime() + "@example.jp";
        String path = "/api/v1/conversations/" + c.id() + "/participants/me/reminders";
        app.server().putJson(path, Map.of("email", address, "consent", true), "Authorization", "Bearer " + token);
        MimeMessage mail = smtp.awaitMailTo(address);
        assertThat(MailServer.subject(mail)).isEqualTo("「歴史の授業」のお知らせを受け取る設定にしました");
        Matcher m = UNSUBSCRIBE.matcher(MailServer.header(mail, "List-Unsubscribe"));
        assertThat(m.matches()).isTrue();

        try (Browser b = Browser.open(app.server())) {
            b.go(URI.create(m.group(1)).getPath() + "?lang=ja");
            assertThat(b.text("main")).contains("お知らせメールを止めて、メールアドレスを削除しますか？");
            b.assertAccessible("unsubscribe (ja)");
            b.clickThrough("#unsubscribe-button");
            assertThat(b.await("#unsubscribed").getText()).contains("配信を停止しました");
        }
        assertThat(sealedRows(c.id())).isZero();

        app.server().putJson(path, Map.of("email", address, "consent", true), "Authorization", "Bearer " + token);
        assertThat(sealedRows(c.id())).isEqualTo(1);
        TestServer.Response deleted = app.server().send("DELETE", path, null, "Authorization", "Bearer " + token);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(sealedRows(c.id())).isZero();

        app.server().putJson(path, Map.of("email", address, "consent", true), "Authorization", "Bearer " + token);
        assertThat(sealedRows(c.id())).isEqualTo(1);
        TestServer.Response erased = app.server()
                .send(
                        "DELETE",
                        "/api/v1/conversations/" + c.id() + "/participants/me",
                        null,
                        "Authorization",
                        "Bearer " + token);
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(sealedRows(c.id()))
                .as("erasing one's participation erases the address too")
                .isZero();
    }

    @Test
    void openingTheNextRoundOfADialogueMailsThoseWhoLeftAnAddressInItsEarlierRound() {
        TestAccounts.Caller organizer = accounts.organizer();
        Conversation round1 =
                given.openConversation(organizer.account(), ModerationMode.POST, "Round one", List.of("Seed"));
        long dialogueId = dialogueOf(organizer, round1, "en", "Japan and Korea over months");
        String address = "returning-" + System.nanoTime() + "@example.org";
        leaveAddress(round1, "en", address);

        TestServer.Response next = app.server()
                .postJson(
                        "/api/v1/dialogues/" + dialogueId + "/rounds",
                        Map.of("carry", List.of(), "open", true),
                        organizer.auth());
        assertThat(next.status()).as(next.body()).isLessThan(300);

        List<MimeMessage> mails = org.commonground.testing.Eventually.eventually(
                Duration.ofSeconds(10), () -> smtp.to(address), l -> l.size() >= 2);
        MimeMessage opened = mails.get(1);
        assertThat(MailServer.subject(opened)).isEqualTo("A new round of “Japan and Korea over months” is open");
        long round2 = jdbi.withHandle(h -> h.createQuery(
                        "SELECT conversation_id FROM dialogue_round WHERE dialogue_id = :d ORDER BY number DESC LIMIT 1")
                .bind("d", dialogueId)
                .mapTo(Long.class)
                .one());
        assertThat(MailServer.body(opened)).contains(app.server().baseUrl() + "/c/" + round2);
        assertThat(MailServer.header(opened, "List-Unsubscribe")).contains("/unsubscribe/");
    }

    @Test
    void aRoundThatOpensByItsScheduleIsAnnouncedOnceWhenItOpens() {
        TestAccounts.Caller organizer = accounts.organizer();
        Conversation round1 =
                given.openConversation(organizer.account(), ModerationMode.POST, "Scheduled one", List.of("Seed"));
        long dialogueId = dialogueOf(organizer, round1, "ja", "月ごとの対話");
        String address = "scheduled-" + System.nanoTime() + "@example.jp";
        leaveAddress(round1, "ja", address);
        java.time.Instant opens = clock.instant().plus(Duration.ofHours(1));
        TestServer.Response next = app.server()
                .postJson(
                        "/api/v1/dialogues/" + dialogueId + "/rounds",
                        Map.of(
                                "carry", List.of(),
                                "open", false,
                                "opensAt", opens.toString(),
                                "closesAt", opens.plus(Duration.ofDays(30)).toString()),
                        organizer.auth());
        assertThat(next.status()).as(next.body()).isLessThan(300);
        app.server().get("/api/v1/dialogues/" + dialogueId);
        assertThat(smtp.to(address)).as("not before it opens").hasSize(1);

        clock.advance(Duration.ofHours(2));
        app.server().get("/api/v1/dialogues/" + dialogueId);
        app.server().get("/api/v1/dialogues/" + dialogueId);

        List<MimeMessage> mails = org.commonground.testing.Eventually.eventually(
                Duration.ofSeconds(10), () -> smtp.to(address), l -> l.size() >= 2);
        assertThat(MailServer.subject(mails.get(1))).isEqualTo("「月ごとの対話」の新しいラウンドが始まりました");
        org.commonground.testing.Eventually.eventually(
                Duration.ofSeconds(5), ReminderMailTest::outboxSize, n -> n == 0);
        assertThat(smtp.to(address)).as("announced once, though read twice").hasSize(2);
    }

    @Test
    void publishingADocumentVersionMailsThoseWhoLeftAnAddressInTheDialogue() {
        TestAccounts.Caller organizer = accounts.organizer();
        Conversation round1 =
                given.openConversation(organizer.account(), ModerationMode.POST, "Round one", List.of("Seed"));
        long dialogueId = dialogueOf(organizer, round1, "en", "Textbooks over months");
        String address = "reader-" + System.nanoTime() + "@example.org";
        leaveAddress(round1, "en", address);
        String doc = "/api/v1/dialogues/" + dialogueId + "/document";
        TestAccounts.Caller japan = accounts.create(Role.TRANSLATOR);
        TestAccounts.Caller korea = accounts.create(Role.TRANSLATOR);
        for (var editor : List.of(Map.entry(japan, "JP"), Map.entry(korea, "KR"))) {
            assertThat(app.server()
                            .postJson(
                                    "/api/v1/dialogues/" + dialogueId + "/editors",
                                    Map.of("accountId", editor.getKey().id(), "country", editor.getValue()),
                                    organizer.auth())
                            .status())
                    .isEqualTo(201);
        }
        long section = app.server()
                .postJson(doc + "/sections", Map.of("titles", Map.of("en", "History education")), japan.auth())
                .json()
                .get("id")
                .asLong();
        TestServer.Response clause = app.server()
                .postJson(
                        doc + "/sections/" + section + "/clauses",
                        Map.of("texts", Map.of("en", "Both sides want teachers to meet."), "cites", List.of()),
                        japan.auth());
        assertThat(clause.status()).as(clause.body()).isEqualTo(201);
        TestServer.Response saved = app.server().postJson(doc + "/versions", Map.of(), japan.auth());
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        int version = saved.json().get("number").asInt();
        for (var editor : List.of(japan, korea)) {
            assertThat(app.server()
                            .postJson(doc + "/versions/" + version + "/approval", Map.of(), editor.auth())
                            .status())
                    .isEqualTo(200);
        }

        TestServer.Response published =
                app.server().postJson(doc + "/versions/" + version + "/publication", Map.of(), korea.auth());

        assertThat(published.status()).as(published.body()).isEqualTo(200);
        List<MimeMessage> mails = org.commonground.testing.Eventually.eventually(
                Duration.ofSeconds(10), () -> smtp.to(address), l -> l.size() >= 2);
        assertThat(MailServer.subject(mails.get(1)))
                .isEqualTo("“Textbooks over months”: version " + version + " of the shared document is published");
        assertThat(MailServer.body(mails.get(1))).contains(app.server().baseUrl() + "/d/" + dialogueId);
        assertThat(MailServer.header(mails.get(1), "List-Unsubscribe")).contains("/unsubscribe/");
    }

    @Test
    void theDigestTellsOfStatementsNotYetVotedOnAtMostWeeklyAndTheTeamOfItsQueueDaily() {
        TestAccounts.Caller organizer = accounts.organizer();
        TestAccounts.Caller admin = accounts.admin();
        var moderator = accounts.create(Role.MODERATOR);
        Conversation c = given.openConversation(
                organizer.account(), ModerationMode.PRE, "Digest", List.of("First seed", "Second seed", "Third seed"));
        given.member(c, moderator.account(), MemberRole.MODERATOR);
        var translator = accounts.create(Role.TRANSLATOR);
        given.member(c, translator.account(), MemberRole.TRANSLATOR);
        String token = join(c, "en");
        String address = "digest-" + System.nanoTime() + "@example.org";
        app.server()
                .putJson(
                        "/api/v1/conversations/" + c.id() + "/participants/me/reminders",
                        Map.of("email", address, "consent", true),
                        "Authorization",
                        "Bearer " + token);
        smtp.awaitMailTo(address);
        long first = given.statementIds(c).getFirst();
        app.server()
                .postJson(
                        "/api/v1/conversations/" + c.id() + "/votes",
                        Map.of("statementId", first, "value", "agree"),
                        "Authorization",
                        "Bearer " + token);
        TestServer.Response written = app.server()
                .postJson(
                        "/api/v1/conversations/" + c.id() + "/statements",
                        Map.of("text", "Teachers from both countries should write one chapter together.", "lang", "en"),
                        "Authorization",
                        "Bearer " + token);
        assertThat(written.status()).as(written.body()).isEqualTo(201);

        assertThat(digest(admin)).isGreaterThanOrEqualTo(4);
        List<MimeMessage> toParticipant = smtp.to(address);
        assertThat(toParticipant).hasSize(2);
        assertThat(MailServer.subject(toParticipant.get(1))).isEqualTo("“Digest”: 2 statements wait for your vote");
        MimeMessage queue = smtp.awaitMailTo(moderator.email());
        assertThat(MailServer.subject(queue)).isEqualTo("“Digest”: 1 statement waits for moderation");
        assertThat(MailServer.body(queue)).contains(app.server().baseUrl() + "/moderate/c/" + c.id());
        smtp.awaitMailTo(organizer.email());
        MimeMessage translations = smtp.awaitMailTo(translator.email());
        assertThat(MailServer.subject(translations))
                .startsWith("“Digest”: ")
                .endsWith(" statements wait for your translation");
        assertThat(MailServer.body(translations)).contains(app.server().baseUrl() + "/translate/c/" + c.id());
        assertThat(smtp.to(translator.email()))
                .as("a translator is not told of the moderation queue")
                .hasSize(1);

        digest(admin);
        assertThat(smtp.to(address)).as("not twice in a week").hasSize(2);
        assertThat(smtp.to(moderator.email())).as("not twice in a day").hasSize(1);

        clock.advance(Reminders.DIGEST_EVERY.plusMinutes(1));
        digest(admin);
        assertThat(org.commonground.testing.Eventually.eventually(
                        Duration.ofSeconds(10), () -> smtp.to(address).size(), n -> n == 3))
                .isEqualTo(3);
        assertThat(app.server()
                        .postJson("/api/v1/reminders/digest", Map.of(), organizer.auth())
                        .status())
                .as("only admins run it")
                .isEqualTo(403);
    }

    @Test
    void aParticipantLeavesAndDeletesTheAddressOnTheirOwnPageInKorean() {
        TestAccounts.Caller organizer = accounts.organizer();
        Conversation c = given.openConversation(organizer.account(), ModerationMode.POST, "역사 수업", List.of("Seed"));
        String token = join(c, "ko");
        String address = "minho-" + System.nanoTime() + "@example.kr";

        try (Browser b = Browser.open(app.server())) {
            b.go("/c/" + c.id() + "?lang=ko");
            b.driver()
                    .manage()
                    .addCookie(new org.openqa.selenium.Cookie(
                            org.commonground.participation.Participants.cookieName(c.id()), token));
            b.go("/c/" + c.id() + "?lang=ko");
            b.clickThrough("#reminders-link");
            b.assertAccessible("reminders, participant (ko)");
            b.type("#reminder-email", address);
            b.clickThrough("#reminder-submit");
            assertThat(b.await("#reminder-error").getText()).contains("동의하시면 체크해 주세요");
            assertThat(sealedRows(c.id())).isZero();

            b.click("#reminder-consent");
            b.clickThrough("#reminder-submit");
            assertThat(b.await("#reminder-saved").getText()).contains("확인 메일을 보냈습니다");
            assertThat(MailServer.subject(smtp.awaitMailTo(address))).isEqualTo("“역사 수업” 알림을 받도록 설정했습니다");
            assertThat(sealedRows(c.id())).isEqualTo(1);

            b.clickThrough("#reminder-delete");
            assertThat(b.await("#reminder-saved").getText()).contains("이메일 주소를 삭제했습니다");
        }
        assertThat(sealedRows(c.id())).isZero();
    }

    private static int digest(TestAccounts.Caller admin) {
        TestServer.Response r = app.server().postJson("/api/v1/reminders/digest", Map.of(), admin.auth());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        int queued = r.json().get("queued").asInt();
        // Wait until the background sender has delivered what the run queued.
        org.commonground.testing.Eventually.eventually(
                Duration.ofSeconds(10), ReminderMailTest::outboxSize, n -> n == 0);
        return queued;
    }

    /** A dialogue whose first round is {@code round}, titled in {@code lang} only; its id. */
    private static long dialogueOf(TestAccounts.Caller organizer, Conversation round, String lang, String title) {
        TestServer.Response d = app.server()
                .postJson(
                        "/api/v1/dialogues",
                        Map.of(
                                "texts", Map.of(lang, Map.of("title", title, "description", "")),
                                "conversationId", round.id()),
                        organizer.auth());
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        return d.json().get("id").asLong();
    }

    /** A new participant of {@code round} leaves {@code address} with consent; returns once the confirmation arrived. */
    private static void leaveAddress(Conversation round, String lang, String address) {
        app.server()
                .putJson(
                        "/api/v1/conversations/" + round.id() + "/participants/me/reminders",
                        Map.of("email", address, "consent", true),
                        "Authorization",
                        "Bearer " + join(round, lang));
        smtp.awaitMailTo(address);
    }

    private static String join(Conversation c, String language) {
        TestServer.Response r = app.server()
                .postJson(
                        "/api/v1/conversations/" + c.id() + "/participants",
                        Map.of("cohorts", Map.of("country", "KR", "role", "student"), "language", language));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("token").asText();
    }

    private static int outboxSize() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM mail_outbox")
                .mapTo(Integer.class)
                .one());
    }

    private static int plaintextRows(String address) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM mail_subscription WHERE position(convert_to(:a, 'UTF8') IN address_sealed) > 0")
                .bind("a", address)
                .mapTo(Integer.class)
                .one());
    }

    private static int sealedRows(long conversationId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM mail_subscription WHERE conversation_id = :c")
                .bind("c", conversationId)
                .mapTo(Integer.class)
                .one());
    }
}
