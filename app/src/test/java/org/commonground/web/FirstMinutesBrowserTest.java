package org.commonground.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.commonground.account.Account;
import org.commonground.account.Accounts;
import org.commonground.account.Role;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ModerationMode;
import org.commonground.demo.DemoSeed;
import org.commonground.testing.Browser;
import org.commonground.testing.Given;
import org.commonground.testing.RunningApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A newcomer's first minutes (issue 13, participants): the home page leads to the open
 * conversations, a phone shows how to join on the first screen, voting flows by keyboard with
 * focus and a live region following each new statement, and writing answers where the author
 * looks. The demo conversation is seeded as {@code demo} seeds it.
 */
class FirstMinutesBrowserTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    static final Messages MESSAGES = new Messages();
    static long demo;

    @BeforeAll
    static void seedTheDemo() {
        var jdbi = new Given(app.db()).jdbi();
        demo = new DemoSeed(jdbi, Accounts.over(jdbi)).seedIfEmpty().conversationId();
    }

    @Test
    void theHomePageListsTheOpenConversationsInTheReadersLanguageWithHowManyJoined() {
        Given given = new Given(app.db());
        Account organizer = given.account("home@example.org", Role.ORGANIZER);
        Conversation open =
                given.openConversation(organizer, ModerationMode.POST, "Open to everyone", List.of("One statement."));
        Conversation closed =
                given.openConversation(organizer, ModerationMode.POST, "Closed already", List.of("Another."));
        given.jdbi().useHandle(h -> h.execute("UPDATE conversation SET state = 'closed' WHERE id = ?", closed.id()));
        given.participant(open, "JP");
        given.participant(open, "KR");
        int demoJoined = count(given, "SELECT count(*) FROM participant WHERE conversation_id = ?", demo);

        try (Browser b = Browser.open(app.server())) {
            for (Language lang : Language.values()) {
                b.go("/?lang=" + lang.code());
                String demoTitle = given.jdbi()
                        .withHandle(h -> h.createQuery(
                                        "SELECT title FROM conversation_text WHERE conversation_id = :c AND lang = :l")
                                .bind("c", demo)
                                .bind("l", lang.code())
                                .mapTo(String.class)
                                .one());

                assertThat(listed(b, demo))
                        .startsWith(demoTitle)
                        .contains(MESSAGES.get(lang, "home.open.joined", demoJoined));
                assertThat(listed(b, open.id()))
                        .startsWith("Open to everyone")
                        .contains(MESSAGES.get(lang, "home.open.joined", 2));
                assertThat(b.findAll(".open-conversations a[href='/c/" + closed.id() + "']"))
                        .isEmpty();
                b.capture("home-" + lang.code());
            }
            b.through(() ->
                    b.find(".open-conversations a[href='/c/" + demo + "']").click());
            assertThat(b.path()).startsWith("/c/" + demo);
            assertThat(b.find("form[action$='/join']").isDisplayed()).isTrue();
        }
    }

    @Test
    void onAPhoneTheFirstScreenOfTheLandingPageSaysWhatItIsAndHowToJoin() {
        try (Browser b = Browser.open(app.server())) {
            for (Language lang : Language.values()) {
                b.resize(Browser.Size.PHONE);
                b.go("/c/" + demo + "?lang=" + lang.code());
                double title = top(b, "h1");
                double description = top(b, ".landing-intro .lead");
                double join = top(b, "form[action$='/join'] button[type=submit]");
                viewportShot(b, "landing-first-screen-" + lang.code() + "-phone");
                System.out.printf(
                        "landing %s on 390x844: h1 top %.0f px, description top %.0f px, join button top %.0f px%n",
                        lang.code(), title, description, join);

                assertThat(title).isLessThan(844);
                assertThat(description).isLessThan(844);
                assertThat(join + height(b, "form[action$='/join'] button[type=submit]"))
                        .as("join button bottom")
                        .isLessThan(844);
                b.resize(Browser.Size.DESKTOP);
                assertThat(top(b, "form[action$='/join'] button[type=submit]")).isLessThan(900);
                b.capture("landing-" + lang.code());
            }
        }
    }

    @Test
    void tenVotesByKeyboardAloneEachMoveFocusToTheNewStatementAndAnnounceIt() {
        Given given = new Given(app.db());
        Account organizer = given.account("keys@example.org", Role.ORGANIZER);
        Conversation c = given.openConversation(
                organizer, ModerationMode.POST, "By keyboard", ParticipantJourneyBrowserTest.seeds());

        try (Browser b = Browser.open(app.server())) {
            b.go("/c/" + c.id() + "?lang=en");
            b.click("input[name=cohort_country][value=KR]");
            b.clickThrough("form[action$='/join'] button[type=submit]");
            b.await("#vote-card");
            awaitFocusOn(b, "#vote-card .statement");

            String[] keys = {"a", "d", "p", "a", "a", "d", "p", "d", "a", "a"};
            for (String key : keys) {
                String before = b.text("#vote-card .statement");
                new Actions(b.driver()).sendKeys(key).perform(); // to the focused element: no mouse, no Tab
                b.awaitChange("#vote-card .statement", before);
                awaitFocusOn(b, "#vote-card .statement");
                awaitAnnounced(b, MESSAGES.get(Language.EN, "vote.announce", b.text("#vote-card .statement")));
            }
            assertThat(b.text("#progress-text")).isEqualTo(MESSAGES.get(Language.EN, "vote.progress", 10, 12));
            b.capture("vote-by-keyboard");

            // Enter on a vote button (reached as a screen reader's virtual cursor would), then a click.
            String before = b.text("#vote-card .statement");
            b.script("document.querySelector('#vote-card button[value=agree]').focus()");
            new Actions(b.driver()).sendKeys(Keys.ENTER).perform();
            b.awaitChange("#vote-card .statement", before);
            awaitFocusOn(b, "#vote-card .statement");
            b.click("#vote-card button[value=disagree]");
            b.awaitText("#vote-card", MESSAGES.get(Language.EN, "vote.done"));
            awaitFocusOn(b, "#vote-card h2");
            awaitAnnounced(b, MESSAGES.get(Language.EN, "vote.done"));
        }
    }

    @Test
    void writingAnswersBesideTheButtonAndTheCounterStays() {
        Given given = new Given(app.db());
        Account organizer = given.account("write@example.org", Role.ORGANIZER);
        Conversation c =
                given.openConversation(organizer, ModerationMode.POST, "Writing", List.of("A first statement."));
        String mine = "Both governments should fund joint research on ageing.";

        try (Browser b = Browser.open(app.server())) {
            b.go("/c/" + c.id() + "?lang=ko");
            b.click("input[name=cohort_country][value=KR]");
            b.clickThrough("form[action$='/join'] button[type=submit]");
            b.await("#vote-card");

            b.type("#statement-text", mine);
            b.click("#write button[type=submit]");
            b.awaitText("#write .note", MESSAGES.get(Language.KO, "write.accepted"));
            assertThat(b.text("#statement-counter"))
                    .as("the counter after a submit")
                    .isEqualTo("0 / 1000"
                            + MESSAGES.get(Language.KO, "write.counter").replace("{n} / {max}", ""));
            b.capture("write-accepted-ko");

            b.type("#statement-text", mine);
            b.click("#write button[type=submit]");
            b.awaitText("#write .note", MESSAGES.get(Language.KO, "write.duplicate"));
            assertThat(b.findAll("#write .note.ok"))
                    .as("the earlier thank-you is gone")
                    .isEmpty();
            assertNextToTheButton(b);
            awaitFocusOn(b, "#statement-text");
            assertThat(b.text("#statement-counter")).startsWith(mine.length() + " / 1000");
            b.capture("write-duplicate-ko");

            b.type("#statement-text", " ");
            b.click("#write button[type=submit]");
            b.awaitText("#write .note", MESSAGES.get(Language.KO, "statement.text.empty"));
            assertThat(b.findAll("#write .existing")).isEmpty();
            assertNextToTheButton(b);

            // The author agreed with their statement: it is among their votes, and not put to them.
            b.go("/c/" + c.id() + "/my-votes?lang=ko");
            WebElement own = b.driver().findElement(By.xpath("//li[.//*[contains(., '" + mine + "')]]"));
            assertThat(own.getText()).contains(MESSAGES.get(Language.KO, "vote.agree"));
        }
    }

    /** The text of the home page's entry linking to the conversation. */
    private static String listed(Browser b, long conversationId) {
        WebElement link = b.find(".open-conversations a[href='/c/" + conversationId + "']");
        return link.findElement(By.xpath("./ancestor::li")).getText();
    }

    private static void assertNextToTheButton(Browser b) {
        double noteBottom = top(b, "#write .note") + height(b, "#write .note");
        double button = top(b, "#write button[type=submit]");
        assertThat(button - noteBottom)
                .as("px between the note and the submit button")
                .isBetween(0.0, 48.0);
    }

    private static void awaitFocusOn(Browser b, String css) {
        new WebDriverWait(b.driver(), Duration.ofSeconds(10))
                .until(d -> Boolean.TRUE.equals(
                        b.script("return document.activeElement === document.querySelector(arguments[0]);", css)));
    }

    private static void awaitAnnounced(Browser b, String text) {
        try {
            new WebDriverWait(b.driver(), Duration.ofSeconds(10))
                    .until(d -> text.equals(b.script("return document.getElementById('vote-announce').textContent;")));
        } catch (org.openqa.selenium.TimeoutException e) {
            assertThat(b.script("return document.getElementById('vote-announce').textContent;"))
                    .as("the live region")
                    .isEqualTo(text);
        }
    }

    private static double top(Browser b, String css) {
        return ((Number) b.script("return document.querySelector(arguments[0]).getBoundingClientRect().top;", css))
                .doubleValue();
    }

    private static double height(Browser b, String css) {
        return ((Number) b.script("return document.querySelector(arguments[0]).getBoundingClientRect().height;", css))
                .doubleValue();
    }

    /** What the phone shows before any scrolling. */
    private static void viewportShot(Browser b, String name) {
        try {
            Files.write(
                    Browser.screenshotDir().resolve(name + ".png"), b.driver().getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int count(Given given, String sql, long id) {
        return given.jdbi()
                .withHandle(h -> h.createQuery(sql.replace("?", ":id"))
                        .bind("id", id)
                        .mapTo(Integer.class)
                        .one());
    }
}
