package org.commonground.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.commonground.account.Role;
import org.commonground.participation.ParticipationFeature;
import org.commonground.testing.Given;
import org.commonground.testing.RunningApp;
import org.commonground.testing.TestAccounts;
import org.commonground.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OrganizerPagesTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    static Conversation conversation;

    @BeforeAll
    static void arrange() {
        var given = new Given(app.db());
        var owner = given.account("pages-owner@example.org", Role.ORGANIZER);
        given.account("someone-else@example.org", Role.ORGANIZER);
        given.account("team-translator@example.org", Role.TRANSLATOR);
        given.account("team-moderator@example.org", Role.MODERATOR);
        conversation = given.openConversation(
                owner, ModerationMode.POST, "Organizer pages", List.of("One.", "Two.", "Three."));
    }

    /**
     * Signs in through the form and returns the cookies and CSRF token a browser would hold: after
     * sign-in the token is the session's own, read from the next page as app.js reads it.
     */
    private static String[] signedIn(String email) {
        var first = app.server().get("/sign-in");
        String csrfCookie = first.header("Set-Cookie").split(";")[0];
        String token = csrfCookie.substring(csrfCookie.indexOf('=') + 1);
        var r = app.server()
                .send(
                        "POST",
                        "/sign-in",
                        "email=" + email + "&password=" + TestAccounts.PASSWORD.replace(" ", "+") + "&_csrf=" + token,
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "Cookie",
                        csrfCookie);
        assertThat(r.status()).isEqualTo(302);
        String cookies = String.join(
                "; ",
                r.raw().headers().allValues("Set-Cookie").stream()
                        .map(c -> c.split(";")[0])
                        .toList());
        var page = app.server().get("/organize", "Cookie", cookies);
        var meta = java.util.regex.Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">")
                .matcher(page.body());
        assertThat(meta.find()).isTrue();
        return new String[] {cookies, meta.group(1)};
    }

    @Test
    void aVisitorIsAskedToSignInInTheirLanguage() {
        var r = app.server().get("/organize", "Accept", "text/html", "Accept-Language", "ko");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).contains("href=\"/sign-in?next=/organize\"", "로그인");
    }

    @Test
    void aWrongPasswordShowsTheFormAgainWithAKindMessage() {
        var first = app.server().get("/sign-in");
        String csrfCookie = first.header("Set-Cookie").split(";")[0];
        String token = csrfCookie.substring(csrfCookie.indexOf('=') + 1);

        var r = app.server()
                .send(
                        "POST",
                        "/sign-in?lang=ja",
                        "email=pages-owner@example.org&password=wrong&_csrf=" + token,
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "Cookie",
                        csrfCookie);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).contains("メールアドレスまたはパスワードが正しくありません", "value=\"pages-owner@example.org\"");
    }

    @Test
    void aConversationWithoutAnyTitleIsRefusedWithTheFormKept() {
        String[] me = signedIn("pages-owner@example.org");

        var r = app.server()
                .send(
                        "POST",
                        "/organize/new",
                        "_csrf=" + me[1] + "&description_en=Only+a+description"
                                + "&moderation=post&visibility=public&cohort_country=JP,KR",
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "Cookie",
                        me[0],
                        "Accept-Language",
                        "en");

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("role=\"alert\"", "Only a description");
    }

    @Test
    void creatingAConversationLeadsToItsManagementPage() {
        String[] me = signedIn("pages-owner@example.org");

        var r = app.server()
                .send(
                        "POST",
                        "/organize/new",
                        "_csrf=" + me[1] + "&title_ja=%E6%96%B0%E3%81%97%E3%81%84&title_en=New"
                                + "&moderation=pre&visibility=participants&can_write=on&cohort_country=JP,KR,US&seeds=First+seed%0ASecond+seed",
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "Cookie",
                        me[0]);
        var page = app.server().get(r.header("Location"), "Cookie", me[0], "Accept-Language", "en");

        assertThat(r.status()).isEqualTo(302);
        assertThat(page.body())
                .contains(
                        "<h1>New</h1>",
                        "Draft",
                        "Open for participation",
                        "value=\"pre\" checked",
                        "value=\"participants\" checked");
    }

    @Test
    void anotherOrganizerCannotManageTheConversation() {
        String[] other = signedIn("someone-else@example.org");

        var r = app.server().get("/organize/c/" + conversation.id(), "Cookie", other[0], "Accept", "text/html");

        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void thePolisExportDownloadsAsAZipOfTheExportFiles() throws Exception {
        String[] me = signedIn("pages-owner@example.org");

        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(app.server().baseUrl() + "/organize/c/" + conversation.id()
                                        + "/polis-export.zip"))
                                .header("Cookie", me[0])
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(entries(r.body()))
                .anyMatch(n -> n.endsWith("/comments.csv"))
                .anyMatch(n -> n.endsWith("/votes.csv"));
    }

    @Test
    void aStateChangeWithoutTheCsrfTokenIsRefused() {
        String[] me = signedIn("pages-owner@example.org");

        var r = app.server()
                .send(
                        "POST",
                        "/organize/c/" + conversation.id() + "/state",
                        "state=closed",
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "Cookie",
                        me[0],
                        "Accept",
                        "text/html");

        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void anOrganizerAddsATranslatorWithTheirLanguagesByEMailAndRemovesThem() {
        String[] me = signedIn("pages-owner@example.org");
        String team = "/organize/c/" + conversation.id() + "/members";

        var added = form(me, team, "email=Team-Translator%40example.org&role=translator&languages=ko&languages=en");
        var page = app.server().get("/organize/c/" + conversation.id(), "Cookie", me[0], "Accept-Language", "en");

        assertThat(added.status()).isEqualTo(302);
        assertThat(conversations().translatorLanguages(conversation.id(), accountId("team-translator@example.org")))
                .hasValueSatisfying(l -> assertThat(l.languages())
                        .extracting(org.commonground.web.Language::code)
                        .containsExactly("ko", "en"));
        assertThat(page.body()).contains("team-translator@example.org", "Translator", "한국어", "English");

        var removed = form(me, team + "/" + accountId("team-translator@example.org") + "/translator/remove", "");

        assertThat(removed.status()).isEqualTo(302);
        assertThat(conversations().members(conversation.id()))
                .noneMatch(m -> m.email().equals("team-translator@example.org"));
    }

    @Test
    void anUnknownEMailOrATranslatorWithoutLanguagesIsRefusedOnThePageAndNothingIsAdded() {
        String[] me = signedIn("pages-owner@example.org");
        String team = "/organize/c/" + conversation.id() + "/members";

        var unknown = form(me, team, "email=nobody%40example.org&role=moderator", "Accept-Language", "ja");
        var noLanguages = form(me, team, "email=team-moderator%40example.org&role=translator");
        var moderator = form(me, team, "email=team-moderator%40example.org&role=moderator&languages=ja");

        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("role=\"alert\"", "nobody@example.org の有効なアカウントはありません");
        assertThat(noLanguages.status()).isEqualTo(422);
        assertThat(moderator.status())
                .as("a moderator's ticked languages are ignored")
                .isEqualTo(302);
        assertThat(conversations().members(conversation.id()))
                .filteredOn(m -> m.email().equals("team-moderator@example.org"))
                .extracting(ConversationStore.Member::role)
                .containsExactly(MemberRole.MODERATOR);
    }

    @Test
    void aMemberWithoutAChosenRoleIsRefusedInTheReadersLanguageAndThePickerStartsOnNoRole() {
        String[] me = signedIn("pages-owner@example.org");
        String team = "/organize/c/" + conversation.id() + "/members";

        var noRole = form(me, team, "email=team-moderator%40example.org&role=", "Accept-Language", "ko");
        var page = app.server().get("/organize/c/" + conversation.id(), "Cookie", me[0], "Accept-Language", "en");

        assertThat(noRole.status()).isEqualTo(422);
        assertThat(noRole.body()).contains("id=\"member-error\"", "이 사람에게 줄 역할을 선택해 주세요.");
        assertThat(conversations().members(conversation.id()))
                .noneMatch(m -> m.email().equals("team-moderator@example.org") && m.role() == MemberRole.ORGANIZER);
        assertThat(page.body())
                .contains("<option value=\"\" selected>Choose a role…</option>")
                .doesNotContain("value=\"translator\" selected");
    }

    @Test
    void closingWithoutItsConfirmationChangesNothing() {
        var given = new Given(app.db());
        var owner = org.commonground.account.Accounts.over(given.jdbi())
                .findByEmail("pages-owner@example.org")
                .orElseThrow();
        Conversation c = given.openConversation(owner, ModerationMode.POST, "Close me", List.of("One."));
        String[] me = signedIn("pages-owner@example.org");

        var unconfirmed = form(me, "/organize/c/" + c.id() + "/state", "state=closed", "Accept-Language", "ja");
        var stillOpen = conversations().get(c.id()).state();
        var confirmed = form(me, "/organize/c/" + c.id() + "/state", "state=closed&confirm=yes");

        assertThat(unconfirmed.status()).isEqualTo(422);
        assertThat(unconfirmed.body()).contains("説明の下にあるボタンで、変更を確認してください。");
        assertThat(stillOpen).isEqualTo(ConversationState.OPEN);
        assertThat(confirmed.status()).isEqualTo(302);
        assertThat(conversations().get(c.id()).state()).isEqualTo(ConversationState.CLOSED);
    }

    private static TestServer.Response form(String[] me, String path, String body, String... headers) {
        String[] all = new String[headers.length + 6];
        all[0] = "Content-Type";
        all[1] = "application/x-www-form-urlencoded";
        all[2] = "Cookie";
        all[3] = me[0];
        all[4] = "Accept";
        all[5] = "text/html";
        System.arraycopy(headers, 0, all, 6, headers.length);
        return app.server().send("POST", path, (body.isEmpty() ? "" : body + "&") + "_csrf=" + me[1], all);
    }

    private static ConversationStore conversations() {
        return new ConversationStore(new Given(app.db()).jdbi(), ParticipationFeature.cohortUse());
    }

    private static long accountId(String email) {
        return org.commonground.account.Accounts.over(new Given(app.db()).jdbi())
                .findByEmail(email)
                .orElseThrow()
                .id();
    }

    private static List<String> entries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
