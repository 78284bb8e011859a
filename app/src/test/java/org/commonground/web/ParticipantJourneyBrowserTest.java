package org.commonground.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.commonground.account.Account;
import org.commonground.account.Role;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.MemberRole;
import org.commonground.conversation.ModerationMode;
import org.commonground.participation.Vote;
import org.commonground.testing.Browser;
import org.commonground.testing.Given;
import org.commonground.testing.RunningApp;
import org.commonground.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The issue's first scenario in a real browser: a participant joins in Japanese with country JP,
 * votes on 10 statements and writes one; a moderator accepts it; a translator translates it into
 * Korean and a moderator approves that; a participant reading Korean sees it marked as a human
 * translation and can show the original. Every page on the way is captured in ja, ko and en.
 */
class ParticipantJourneyBrowserTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    static final String NEW_STATEMENT = "日韓の高校生がオンラインで毎月交流できる仕組みを作るべきだ。";
    static final String KOREAN = "한일 고등학생이 매달 온라인으로 교류할 수 있는 제도를 만들어야 한다.";

    @Test
    void aStatementWrittenInJapaneseReachesAKoreanReaderAsAHumanTranslation() {
        var given = new Given(app.db());
        Account organizer = given.account("organizer@example.org", Role.ORGANIZER);
        Account moderator = given.account("moderator@example.org", Role.MODERATOR);
        Account translator = given.account("translator@example.org", Role.TRANSLATOR);
        Conversation c = given.openConversation(organizer, ModerationMode.PRE, "Japan and Korea, together", seeds());
        given.member(c, moderator, MemberRole.MODERATOR);
        given.member(c, translator, MemberRole.TRANSLATOR);
        populate(given, c);

        try (Browser jp = Browser.open(app.server())) {
            jp.go("/c/" + c.id() + "?lang=ja");
            jp.capture("landing-ja");
            jp.click("input[name=cohort_country][value=JP]").click("input[name=cohort_role][value=student]");
            jp.clickThrough("form[action$='/join'] button[type=submit]");
            jp.await("#vote-card");
            jp.capture("vote-ja");
            for (int i = 0; i < 10; i++) {
                String before = jp.text("#progress-text");
                if (i % 2 == 0) {
                    new Actions(jp.driver()).sendKeys(i % 4 == 0 ? "a" : "d").perform();
                } else {
                    jp.click("#vote-card button[value=pass]");
                }
                jp.awaitChange("#progress-text", before);
            }
            assertThat(jp.text("#progress-text")).startsWith("12件中10件");
            jp.type("#statement-text", NEW_STATEMENT);
            assertThat(jp.text("#statement-counter")).startsWith(NEW_STATEMENT.length() + " / 1000");
            jp.click("#write button[type=submit]");
            jp.awaitText("#write .note", "モデレーターの確認待ち");
            jp.capture("write-pending-ja");
        }

        try (Browser mod = Browser.open(app.server())) {
            signIn(mod, "moderator@example.org", "ja");
            mod.go("/moderate/c/" + c.id());
            mod.capture("moderate-ja");
            WebElement entry = entryWith(mod, NEW_STATEMENT);
            String entryId = entry.getAttribute("id"); // read before the click: htmx swaps the entry out
            entry.findElement(By.cssSelector("button[value=accept]")).click();
            mod.awaitText("#" + entryId + " .badge", "承認済み");
        }

        try (Browser tr = Browser.open(app.server())) {
            signIn(tr, "translator@example.org", "ko");
            tr.go("/translate/c/" + c.id() + "?into=ko");
            tr.capture("translate-ko");
            WebElement form = tr.driver().findElements(By.cssSelector("form.missing")).stream()
                    .filter(f -> f.getText().contains(NEW_STATEMENT))
                    .findFirst()
                    .orElseThrow();
            form.findElement(By.cssSelector("textarea")).sendKeys(KOREAN);
            tr.through(() ->
                    form.findElement(By.cssSelector("button[type=submit]")).click());
            tr.awaitText("#proposed-h", "승인");
            assertThat(tr.text("section[aria-labelledby=proposed-h]")).contains(KOREAN);
        }

        try (Browser mod = Browser.open(app.server())) {
            signIn(mod, "moderator@example.org", "en");
            mod.go("/translate/c/" + c.id() + "?into=ko");
            mod.clickThrough(".proposed form button");
            mod.await("#missing-h");
            assertThat(mod.findAll(".proposed")).isEmpty();
        }

        try (Browser kr = Browser.open(app.server())) {
            kr.go("/c/" + c.id() + "?lang=ko");
            kr.click("input[name=cohort_country][value=KR]");
            kr.clickThrough("form[action$='/join'] button[type=submit]");
            kr.await("#vote-card");
            for (int i = 0; i < 13 && !kr.text("#vote-card").contains(KOREAN); i++) {
                String before = kr.text("#progress-text");
                kr.click("#vote-card button[value=pass]");
                kr.awaitChange("#progress-text", before);
            }
            assertThat(kr.text("#vote-card .statement")).isEqualTo(KOREAN);
            assertThat(kr.text("#vote-card .badge")).isEqualTo("사람이 번역함");
            kr.capture("vote-translated-ko");
            kr.click("#vote-card details.original summary");
            assertThat(kr.text("#vote-card details.original p")).isEqualTo(NEW_STATEMENT);
            assertThat(kr.find("#vote-card details.original summary").getText()).contains("원문 보기 (일본어)");
        }
    }

    @Test
    void everyParticipantAndStaffPageLooksRightInEveryLanguage() {
        var given = new Given(app.db());
        Account organizer = given.account("tour@example.org", Role.ORGANIZER);
        Conversation c = given.openConversation(organizer, ModerationMode.PRE, "A tour of the pages", seeds());
        populate(given, c);
        try (Browser b = Browser.open(app.server())) {
            b.go("/c/" + c.id());
            b.click("input[name=cohort_country][value=US]");
            b.clickThrough("form[action$='/join'] button[type=submit]");
            b.await("#vote-card");
            for (int i = 0; i < 8; i++) {
                String before = b.text("#progress-text");
                b.click("#vote-card button[value=agree]");
                b.awaitChange("#progress-text", before);
            }
            for (Language lang : Language.values()) {
                String l = lang.code();
                b.go("/c/" + c.id() + "/my-votes?lang=" + l).capture("my-votes-" + l);
                b.go("/c/" + c.id() + "/you?lang=" + l).capture("where-you-stand-" + l);
                b.go("/c/" + c.id() + "/results?lang=" + l).capture("results-" + l);
            }
            signIn(b, "tour@example.org", "en");
            for (Language lang : Language.values()) {
                String l = lang.code();
                b.go("/sign-in?lang=" + l).capture("sign-in-" + l);
                b.go("/organize?lang=" + l).capture("dashboard-" + l);
                b.go("/organize/new?lang=" + l).capture("new-conversation-" + l);
                b.go("/organize/c/" + c.id() + "?lang=" + l).capture("manage-" + l);
                b.go("/moderate/c/" + c.id() + "?lang=" + l).capture("moderate-" + l);
                b.go("/translate/c/" + c.id() + "?into=ko&lang=" + l).capture("translate-" + l);
                b.go("/c/" + c.id() + "/vote?lang=" + l).capture("vote-" + l);
                b.go("/c/" + c.id() + "?lang=" + l).capture("landing-" + l);
            }
        }
    }

    static void signIn(Browser b, String email, String lang) {
        b.go("/sign-in?lang=" + lang);
        b.type("#email", email).type("#password", TestAccounts.PASSWORD);
        b.through(() -> b.find("#password").sendKeys(Keys.ENTER));
        b.await("h1");
        assertThat(b.path()).startsWith("/organize");
    }

    static WebElement entryWith(Browser b, String text) {
        // By the entry's own text: an entry also lists the statements alike it.
        return b.findAll(".moderation-entry").stream()
                .filter(e -> e.findElement(org.openqa.selenium.By.cssSelector(".statement-text"))
                        .getText()
                        .contains(text))
                .findFirst()
                .orElseThrow();
    }

    static List<String> seeds() {
        return List.of(
                "歴史教育について、日韓の教師が共同で教材を作るべきだ。",
                "2015年の合意は、被害者の声を十分に聞かずに結ばれた。",
                "강제징용 배상 문제는 양국 기업이 함께 기금을 만들어 해결해야 한다.",
                "청년 교류 프로그램을 두 배로 늘려야 한다.",
                "Japan and Korea should build energy infrastructure in Southeast Asia together.",
                "Semiconductor supply chains are safer when Japan and Korea cooperate.",
                "高齢化社会の課題について、両国の自治体が経験を共有すべきだ。",
                "언론은 상대국에 대한 혐오 표현을 줄이기 위해 노력해야 한다.",
                "Journalists from both countries should work on joint investigations.",
                "<script>alert(1)</script> is not a statement, but it must be shown safely.",
                "学生の短期留学に奨学金を出すべきだ。",
                "5G 표준을 함께 만드는 것이 양국 모두에 이익이다.");
    }

    /** Thirty earlier participants from three countries, so results and maps have something to show. */
    static void populate(Given given, Conversation c) {
        List<Long> ids = given.statementIds(c);
        String[] countries = {"JP", "KR", "US"};
        for (int p = 0; p < 30; p++) {
            var who = given.participant(c, countries[p % 3]);
            boolean campA = p % 2 == 0;
            for (int s = 0; s < ids.size(); s++) {
                Vote v = s < 4
                        ? (campA ? Vote.AGREE : Vote.DISAGREE)
                        : s < 8
                                ? (campA ? Vote.DISAGREE : Vote.AGREE)
                                : s == 8 ? (p % 3 == 0 ? Vote.AGREE : Vote.DISAGREE) : s == 9 ? Vote.PASS : Vote.AGREE;
                given.vote(c, who, ids.get(s), v);
            }
        }
    }
}
