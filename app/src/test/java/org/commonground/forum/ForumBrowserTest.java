package org.commonground.forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.commonground.testing.Browser;
import org.commonground.testing.RunningApp;
import org.commonground.testing.TestAccounts;
import org.commonground.testing.TestAccounts.Caller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Delegates from Japan, Korea and the US work the forum in their own languages: each sees the
 * proposed consortium with who covers which capability, accepts it, and meets on the consortium's
 * page; an organizer schedules the day; the Japanese delegate reads the agenda, prints the sheet
 * and gets the calendar feed in Japanese.
 */
class ForumBrowserTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    static void signIn(Browser b, String email, String lang) {
        b.go("/sign-in?lang=" + lang);
        b.type("#email", email).type("#password", TestAccounts.PASSWORD);
        b.through(() -> b.find("#password").sendKeys(Keys.ENTER));
        b.await("h1");
    }

    /**
     * Submits the form of {@code button} and waits until {@code changed} shows new text: the page
     * the form redirects to has loaded (more robust under load than waiting for the old page to go stale).
     */
    static void submit(Browser b, String button, String changed) {
        String before = b.text(changed);
        b.click(button);
        b.awaitChange(changed, before);
    }

    @Test
    void delegatesAcceptAConsortiumAndGetTheirAgendaInTheirLanguage() {
        TestAccounts accounts = new TestAccounts(app.db());
        ForumGiven forum = new ForumGiven(app.server(), accounts);
        long us = forum.organization("Redwood Energy", "レッドウッド・エナジー", "레드우드 에너지", "US", "epc", "gas-turbines");
        long jp = forum.organization("Hoshino Energy", "星野エナジー", "호시노 에너지", "JP", "lng-terminal");
        long kr = forum.organization("Hanbit Energy", "ハンビッ・エナジー", "한빛에너지", "KR", "gas-turbines", "project-finance");
        Caller usDelegate = forum.delegate(us, "Emily Carter");
        Caller jpDelegate = forum.delegate(jp, "Yui Tanaka");
        Caller krDelegate = forum.delegate(kr, "Kim Minji");
        forum.project(usDelegate, "LNG-to-power plant, Hai Phong");
        forum.match();
        String home = "/forums/" + forum.forumId;

        try (Browser ja = Browser.open(app.server())) {
            signIn(ja, jpDelegate.email(), "ja");
            ja.go(home);
            ja.await("#proposals-h");
            assertThat(ja.text("h1")).isEqualTo("新興国市場フォーラム");
            String card = ja.text("article.proposal");
            assertThat(card).contains("米国", "日本", "韓国", "星野エナジー", "LNG受入基地", "ガスタービン", "充足率 100%");
            ja.capture("forum-home-ja");
            submit(ja, "article.proposal form[action$='/answer'] input[value=accept] + button", "article.proposal");
            assertThat(ja.findAll("article.proposal form")).isEmpty();
            assertThat(ja.text("article.proposal")).contains("承諾");
        }
        try (Browser en = Browser.open(app.server())) {
            signIn(en, usDelegate.email(), "en");
            en.go(home);
            en.await("#proposals-h");
            assertThat(en.text("article.proposal")).contains("Who covers", "LNG terminals", "Hoshino Energy");
            en.capture("forum-home-en");
            submit(en, "article.proposal form[action$='/answer'] input[value=accept] + button", "article.proposal");
        }
        String consortium;
        try (Browser ko = Browser.open(app.server())) {
            signIn(ko, krDelegate.email(), "ko");
            ko.go(home);
            ko.await("#proposals-h");
            assertThat(ko.text("article.proposal")).contains("한빛에너지", "가스터빈", "충족률 100%");
            submit(ko, "article.proposal form[action$='/answer'] input[value=accept] + button", "#consortia");
            consortium = ko.find("#consortia a").getAttribute("href").replaceFirst("^https?://[^/]+", "");
            ko.go(consortium);
            ko.await("#notes");
            assertThat(ko.text("h1")).contains("컨소시엄");
            assertThat(ko.text("main")).contains("호시노 에너지", "레드우드 에너지", "Yui Tanaka");
            ko.type("#notes", "JBIC와 KEXIM 협조융자를 월요일에 논의");
            ko.click("form[action$='/notes'] button");
            // The stored notes come back as the reloaded textarea's default value (typing changes only its value).
            new WebDriverWait(ko.driver(), Duration.ofSeconds(10))
                    .until(d -> String.valueOf(ko.script(
                                    "var t = document.querySelector('#notes'); return t ? t.defaultValue : '';"))
                            .contains("KEXIM"));
            ko.capture("forum-consortium-ko");
            ko.go(home);
            new Select(ko.find("#invitee")).selectByValue(String.valueOf(jpDelegate.id()));
            new Select(ko.find("#priority")).selectByValue("3");
            ko.type("#note", "터빈 공급 일정");
            submit(ko, "form[action$='/meetings'] button[type=submit]", "#meetings");
            assertThat(ko.text("#meetings")).contains("Yui Tanaka", "응답 대기 중");
        }
        try (Browser ja = Browser.open(app.server())) {
            signIn(ja, jpDelegate.email(), "ja");
            ja.go(home);
            ja.await("#meetings-h");
            submit(ja, "#meetings form[action$='/answer'] input[value=accept] + button", "#meetings");
            assertThat(ja.text("#meetings")).contains("Kim Minji", "承諾済み");
        }
        try (Browser org = Browser.open(app.server())) {
            signIn(org, forum.organizer.email(), "en");
            org.go(home);
            org.await("#approvals-h");
            submit(org, "form[action$='/schedule'] input[name=publish] + button", "#meetings");
            assertThat(org.text("#meetings")).contains("Kim Minji", "Yui Tanaka", "Table");
            org.capture("forum-organizer-en");
            org.go(consortium);
            assertThat(org.find("#notes").getAttribute("value")).contains("KEXIM");
        }
        try (Browser ja = Browser.open(app.server())) {
            signIn(ja, jpDelegate.email(), "ja");
            ja.go(home + "/agenda");
            ja.await("table.agenda");
            assertThat(ja.text("table.agenda")).contains("Kim Minji", "テーブル1", "確定", "09:00");
            ja.capture("forum-agenda-ja");
            assertThat(ja.text("#availability")).contains("面談できる時間帯", "09:00–09:30");
            ja.click("#availability input[name=slot][value='3']");
            ja.click("#availability button[type=submit]");
            new WebDriverWait(ja.driver(), Duration.ofSeconds(10))
                    .until(
                            d -> Boolean.FALSE.equals(
                                    ja.script(
                                            "var c = document.querySelector(\"#availability input[value='3']\"); return c ? c.defaultChecked : true;")));
            assertThat(app.server()
                            .get(forum.base() + "/agenda", jpDelegate.auth())
                            .status())
                    .isEqualTo(200);
            String feed = ja.find("a[href*='/calendar/']").getAttribute("href");
            ja.go(home + "/agenda/print");
            ja.await("table.agenda");
            assertThat(ja.shownInPrint("table.agenda")).isTrue();
            ja.printToPdf("forum-agenda-sheet-ja");
            var ics = app.server().get(feed.substring(feed.indexOf("/forums/")));
            assertThat(ics.status()).isEqualTo(200);
            assertThat(ics.contentType()).startsWith("text/calendar");
            assertThat(ics.body())
                    .startsWith("BEGIN:VCALENDAR\r\n")
                    .contains(
                            "SUMMARY:Kim Minji (Hanbit Energy)との面談",
                            "DTSTART:20270316T010000Z",
                            "STATUS:CONFIRMED",
                            "END:VCALENDAR");
        }
        var stranger = app.server().get("/forums/" + forum.forumId + "/calendar/not-a-token");
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(app.server()
                        .get(
                                consortium,
                                accounts.create(org.commonground.account.Role.DELEGATE)
                                        .auth())
                        .status())
                .isEqualTo(403);
    }
}
