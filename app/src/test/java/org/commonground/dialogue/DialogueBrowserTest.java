package org.commonground.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.commonground.account.Role;
import org.commonground.db.Database;
import org.commonground.testing.Browser;
import org.commonground.testing.RunningApp;
import org.commonground.testing.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/**
 * The demo dialogue read in Japanese, Korean and English: three rounds with their schedule, the
 * paired change on each carried statement said plainly (the gap narrows on some, not on others), a
 * chart per statement and the movement between opinion groups; then a participant of the open round
 * asks to return, and their return link brings a fresh browser back as the same participant.
 */
class DialogueBrowserTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    static long dialogue;
    static String organizerEmail;

    @BeforeAll
    static void seed() {
        TestAccounts accounts = new TestAccounts(app.db());
        var organizerAccount = accounts.create(Role.ORGANIZER);
        organizerEmail = organizerAccount.email();
        long organizer = organizerAccount.id();
        long translator = accounts.create(Role.TRANSLATOR).id();
        dialogue = DialogueFeature.seedDemo(
                Database.jdbi(app.db().dataSource()), Clock.systemUTC(), organizer, translator);
    }

    @Test
    void theDialoguePageShowsRoundsAndChangeInEachLanguage() {
        record Expect(String lang, String title, String shrank, String none, String round) {}
        for (Expect e : List.of(
                new Expect("ja", "共有する歴史をどう教えるか：毎月の対話", "縮まりました", "変化は見られません", "第3回"),
                new Expect("ko", "함께하는 역사를 어떻게 가르칠까: 매달 열리는 대화", "줄었습니다", "달라졌다고 볼 수 없습니다", "3회차"),
                new Expect(
                        "en",
                        "Teaching our shared history: a dialogue in monthly rounds",
                        "shrank from",
                        "No change in the Japan–Korea gap",
                        "Round 3"))) {
            try (Browser b = Browser.open(app.server())) {
                b.go("/d/" + dialogue + "?lang=" + e.lang());
                b.await("#analysis-h");

                assertThat(b.text("h1")).isEqualTo(e.title());
                List<WebElement> rounds = b.findAll("table.rounds tbody tr");
                assertThat(rounds).hasSize(3);
                assertThat(rounds.get(2).getText()).contains(e.round());
                assertThat(b.findAll("table.rounds time")).hasSize(6);
                String analysis = b.text("section.analysis");
                assertThat(analysis).contains(e.shrank(), e.none());
                assertThat(b.findAll("article.trend.verdict-shrank")).isNotEmpty();
                assertThat(b.findAll("article.trend.verdict-no-clear-change")).isNotEmpty();
                assertThat(b.findAll("svg.trend-chart")).hasSize(DialogueDemo.STATEMENTS.size());
                assertThat(b.findAll("svg.group-flow")).hasSize(1);
                assertThat(b.findAll("table.transitions")).hasSize(2);
                b.capture("dialogue-" + e.lang());
            }
        }
    }

    @Test
    void aParticipantAsksToReturnAndTheReturnLinkBringsThemBackAsTheSamePerson() {
        long open;
        String link;
        String code;
        try (Browser b = Browser.open(app.server())) {
            b.go("/d/" + dialogue + "?lang=en");
            open = Long.parseLong(b.find("#take-part").getAttribute("href").replaceAll(".*/c/", ""));
            b.clickThrough("#take-part");
            b.await("input[name=cohort_country][value=KR]").click();
            b.clickThrough("form[action$='/join'] button[type=submit]");
            b.go("/d/" + dialogue);
            b.await("#consent").click();
            b.clickThrough("#keep-identity");
            b.await("#return-link");
            link = b.find("#return-link").getAttribute("href");
            code = b.text("#recovery-code");
            b.capture("dialogue-pass-en");
            b.go("/d/" + dialogue);
            assertThat(b.await("#returning-yes").getText()).contains("returning participant");
        }
        assertThat(link).contains("/d/" + dialogue + "/r/");
        assertThat(code).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){3}");

        try (Browser other = Browser.open(app.server())) {
            other.driver().get(link);
            other.await("h1");
            assertThat(other.path()).isEqualTo("/c/" + open + "/vote");
            assertThat(other.find("#round-of a").getAttribute("href")).endsWith("/d/" + dialogue);
            assertThat(other.text("#round-of")).contains("Round 3");
            other.go("/d/" + dialogue);
            assertThat(other.await("#returning-yes").getText()).contains("returning participant");
        }
        try (Browser lost = Browser.open(app.server())) {
            lost.go("/d/" + dialogue + "?lang=ko");
            lost.type("#code", code.toLowerCase());
            lost.clickThrough("#recover");
            lost.await("#return-link");
            assertThat(lost.find("#return-link").getAttribute("href")).isNotEqualTo(link);
            assertThat(lost.text("#code-unchanged")).contains("복구 코드는 그대로입니다");
        }
    }

    @Test
    void theOrganizerSeesParticipationReturnRatesAndVotesPerParticipantDrawnInEachLanguage() {
        record Expect(String lang, String returns, String round) {}
        try (Browser b = Browser.open(app.server())) {
            b.go("/sign-in?lang=en");
            b.type("#email", organizerEmail).type("#password", TestAccounts.PASSWORD);
            b.through(() -> b.find("#password").sendKeys(org.openqa.selenium.Keys.ENTER));
            b.await("h1");
            for (Expect e : List.of(
                    new Expect("ja", "再参加率", "第1回 → 第2回"),
                    new Expect("ko", "재참여율", "1회차 → 2회차"),
                    new Expect("en", "Return rate", "Round 1 → round 2"))) {
                b.go("/organize/d/" + dialogue + "?lang=" + e.lang());
                b.await("#for-organizers");

                assertThat(b.text("#returns-h")).contains(e.returns());
                List<WebElement> returns = b.findAll("table.returns tbody tr");
                assertThat(returns).hasSize(2);
                assertThat(returns.get(0).getText()).contains(e.round()).containsPattern("\\d+\\s?%");
                List<WebElement> lines = b.findAll("#for-organizers svg.chart:not(.histogram) path.line");
                assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
                List<WebElement> bars = b.findAll("#votes-chart rect.bar");
                assertThat(bars).isNotEmpty();
                assertThat(bars.stream()
                                .mapToInt(r -> r.getRect().getHeight())
                                .max()
                                .orElse(0))
                        .as("the tallest bar is drawn")
                        .isGreaterThan(50);
                assertThat(b.findAll(".carryable details.seed-translations")).isNotEmpty();
                b.capture("dialogue-organize-" + e.lang());
            }
        }
    }
}
