package org.commonground.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.testing.Eventually.eventually;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonground.account.Account;
import org.commonground.account.Role;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.MemberRole;
import org.commonground.conversation.ModerationMode;
import org.commonground.participation.Join;
import org.commonground.participation.Vote;
import org.commonground.testing.Browser;
import org.commonground.testing.Given;
import org.commonground.testing.RunningApp;
import org.commonground.testing.Tool;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The organizers' and staff's first minutes (issue 13), in each language, with phone and desktop
 * screenshots and axe checks of every page captured: seeds listed with their translations and
 * changed until votes arrive; invite links copied or scanned; a team role that must be chosen;
 * closing that asks first; one participant count on the dashboard and the report, named; the
 * moderator's way to the translation desk, whose tabs name languages in the reader's language.
 */
class OrganizerFirstMinutesBrowserTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    static final Messages MESSAGES = new Messages();

    @ParameterizedTest
    @EnumSource(Language.class)
    void theManagePageListsTheSeedsWithTheirTranslationsAndChangesThemOnlyBeforeVotes(Language lang) {
        Given given = new Given(app.db());
        String email = "seeds-" + lang.code() + "@example.org";
        Account organizer = given.account(email, Role.ORGANIZER);
        Conversation c = given.openConversation(
                organizer,
                ModerationMode.POST,
                "Seeds " + lang.code(),
                List.of(
                        "Exchanges should be cheaper.",
                        "A seed written too fast.",
                        "Visas should be waived for students."));
        List<Long> ids = given.statementIds(c);
        given.jdbi()
                .useHandle(h -> h.execute(
                        "INSERT INTO translation (statement_id, lang, text, kind, state, approved_at) "
                                + "VALUES (?, 'ja', '交流の費用を下げるべきだ。', 'human', 'approved', now())",
                        ids.get(0)));

        try (Browser b = Browser.open(app.server())) {
            ParticipantJourneyBrowserTest.signIn(b, email, lang.code());
            b.go("/organize/c/" + c.id() + "?lang=" + lang.code());
            WebElement first = b.find("#seed-" + ids.get(0));
            assertThat(first.getText())
                    .contains(
                            "Exchanges should be cheaper.",
                            MESSAGES.get(lang, "lang.named.ja"),
                            "交流の費用を下げるべきだ。",
                            MESSAGES.get(lang, "lang.named.ko"),
                            MESSAGES.get(lang, "organize.seeds.not-translated"));
            b.capture("manage-seeds-" + lang.code());

            // Reworded before any vote: saved, and the Japanese translation of the old words is gone.
            b.click("#seed-" + ids.get(0) + " .seed-edit summary");
            b.find("#seed-text-" + ids.get(0)).clear();
            b.type("#seed-text-" + ids.get(0), "Student exchanges should cost nothing.");
            b.clickThrough("#seed-" + ids.get(0) + " .seed-edit button[type=submit]");
            b.awaitText(".note.ok", MESSAGES.get(lang, "organize.saved.seed"));
            assertThat(b.text("#seed-" + ids.get(0)))
                    .contains("Student exchanges should cost nothing.")
                    .doesNotContain("交流の費用を下げるべきだ。");

            // Withdrawn: no longer listed.
            b.clickThrough("#seed-" + ids.get(1) + " .seed-withdraw button");
            b.awaitText(".note.ok", MESSAGES.get(lang, "organize.saved.seed-withdrawn"));
            assertThat(b.findAll("#seed-" + ids.get(1))).isEmpty();

            // A vote arrives while the page is open: the edit is refused beside the seed, in the reader's language.
            Join.Joined p = given.participant(c, "KR");
            given.vote(c, p, ids.get(2), Vote.AGREE);
            b.click("#seed-" + ids.get(2) + " .seed-edit summary");
            b.type("#seed-text-" + ids.get(2), " (edited)");
            b.clickThrough("#seed-" + ids.get(2) + " .seed-edit button[type=submit]");
            b.awaitText("#seed-error-" + ids.get(2), MESSAGES.get(lang, "problem.seed-has-votes", ids.get(2)));
            assertThat(b.find("#seed-error-" + ids.get(2)).getAttribute("role")).isEqualTo("alert");
            assertThat(b.text("#seed-" + ids.get(2)))
                    .contains(MESSAGES.get(lang, "organize.seeds.frozen"))
                    .as("no edit or withdraw once votes arrived");
            assertThat(b.findAll("#seed-" + ids.get(2) + " .seed-edit, #seed-" + ids.get(2) + " .seed-withdraw"))
                    .isEmpty();
            b.capture("manage-seed-refused-" + lang.code());
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void anInviteLinkIsCopiedWithAButtonAndItsQrCodeScansToTheLink(Language lang) throws Exception {
        Given given = new Given(app.db());
        String email = "invites-" + lang.code() + "@example.org";
        Account organizer = given.account(email, Role.ORGANIZER);
        Conversation c = given.openConversation(organizer, ModerationMode.POST, "Invites", List.of("One."));

        try (Browser b = Browser.open(app.server())) {
            ParticipantJourneyBrowserTest.signIn(b, email, lang.code());
            b.go("/organize/c/" + c.id() + "?lang=" + lang.code());
            b.type("#invite-label", "Busan high schools");
            new Select(b.find("#invite-country")).selectByValue("KR");
            b.clickThrough("form.invite-form button[type=submit]");
            b.await("table.invites");
            String link = b.find(".invite-link").getAttribute("value");
            assertThat(link).contains("/c/" + c.id() + "?invite=");

            b.driver()
                    .executeCdpCommand(
                            "Browser.grantPermissions",
                            Map.of(
                                    "origin",
                                    app.server().baseUrl(),
                                    "permissions",
                                    List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
            WebElement copy = b.find("table.invites button.copy");
            assertThat(copy.getText()).isEqualTo(MESSAGES.get(lang, "invites.copy"));
            copy.click();
            b.awaitText("[id^=invite-copied-]", MESSAGES.get(lang, "invites.copied"));
            Object pasted = b.driver().executeAsyncScript("""
                    var done = arguments[arguments.length - 1];
                    navigator.clipboard.readText().then(done, function (e) { done('ERROR ' + e); });""");
            assertThat(pasted).isEqualTo(link);

            b.click(".qr-box summary");
            WebElement svg = b.await(".qr-box svg.qr");
            assertThat(svg.getAttribute("aria-label"))
                    .isEqualTo(MESSAGES.get(lang, "invites.qr-for", "Busan high schools"));
            assertThat(decoded(svg.getAttribute("outerHTML"), lang)).isEqualTo(link);
            b.capture("manage-invite-qr-" + lang.code());
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theTeamRoleMustBeChosenAndClosingAsksFirstAndIsNotThePrimaryButton(Language lang) {
        Given given = new Given(app.db());
        String email = "team-" + lang.code() + "@example.org";
        Account organizer = given.account(email, Role.ORGANIZER);
        given.account("helper-" + lang.code() + "@example.org", Role.MODERATOR);
        Conversation c = given.openConversation(organizer, ModerationMode.POST, "Team", List.of("One."));

        try (Browser b = Browser.open(app.server())) {
            ParticipantJourneyBrowserTest.signIn(b, email, lang.code());
            b.go("/organize/c/" + c.id() + "?lang=" + lang.code());
            Select role = new Select(b.find("#member-role"));
            assertThat(role.getFirstSelectedOption().getAttribute("value")).isEmpty();
            assertThat(role.getFirstSelectedOption().getText()).isEqualTo(MESSAGES.get(lang, "team.role.choose"));
            b.type("#member-email", "helper-" + lang.code() + "@example.org");
            assertThat(b.script("return document.querySelector('form.team-form').checkValidity()"))
                    .as("the browser asks for a role first")
                    .isEqualTo(false);
            // Past the browser's check (an old browser, a script): the server refuses too, in words.
            b.script("document.getElementById('member-role').removeAttribute('required')");
            b.clickThrough("form.team-form button[type=submit]");
            b.awaitText("#member-error", MESSAGES.get(lang, "team.role.required"));
            assertThat(b.findAll("table.team")).isEmpty();
            b.capture("manage-team-role-required-" + lang.code());

            // Close: a secondary control that opens an explanation; the state changes only on its confirmation.
            WebElement state = b.find("section[aria-labelledby=state-h]");
            assertThat(state.findElements(By.cssSelector("button:not(.secondary), .button:not(.secondary)")))
                    .as("primary buttons in the state section of an open conversation")
                    .isEmpty();
            assertThat(b.find("#confirm-closed button[value=closed]").isDisplayed())
                    .isFalse();
            WebElement close = b.find("#confirm-closed summary");
            assertThat(close.getAttribute("class")).contains("secondary");
            close.click();
            assertThat(b.text("#confirm-closed")).contains(MESSAGES.get(lang, "organize.state.confirm.closed"));
            b.capture("manage-close-confirm-" + lang.code());
            b.clickThrough("#confirm-closed button[value=closed]");
            b.awaitText(".badge.state-closed", MESSAGES.get(lang, "state.closed"));
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theDashboardAndTheReportCountParticipantsTheSameWayAndSayWhichCount(Language lang) {
        Given given = new Given(app.db());
        String email = "counts-" + lang.code() + "@example.org";
        Account organizer = given.account(email, Role.ORGANIZER);
        Conversation c = given.openConversation(
                organizer, ModerationMode.POST, "Counts " + lang.code(), ParticipantJourneyBrowserTest.seeds());
        List<Long> ids = given.statementIds(c);
        for (int i = 0; i < 4; i++) {
            Join.Joined p = given.participant(c, i % 2 == 0 ? "JP" : "KR");
            if (i < 3) {
                for (long s : ids.subList(0, 8)) {
                    given.vote(c, p, s, (s + i) % 3 == 0 ? Vote.DISAGREE : Vote.AGREE);
                }
            }
        }
        // four joined, three of them voted
        String joined = MESSAGES.get(lang, "count.joined");
        String voted = MESSAGES.get(lang, "count.voted");

        try (Browser b = Browser.open(app.server())) {
            ParticipantJourneyBrowserTest.signIn(b, email, lang.code());
            b.go("/organize?lang=" + lang.code());
            List<String> headers = b.findAll("table thead th").stream()
                    .map(WebElement::getText)
                    .toList();
            WebElement row = b.driver().findElement(By.xpath("//tr[.//a[@href='/c/" + c.id() + "']]"));
            List<String> cells = row.findElements(By.tagName("td")).stream()
                    .map(WebElement::getText)
                    .toList();
            assertThat(cells.get(headers.indexOf(joined))).isEqualTo("4");
            assertThat(cells.get(headers.indexOf(voted))).isEqualTo("3");
            assertThat(b.text(".counts-explained")).isEqualTo(MESSAGES.get(lang, "count.explained"));
            b.capture("dashboard-counts-" + lang.code());

            b.go("/organize/c/" + c.id() + "?lang=" + lang.code());
            assertCount(b, "count-joined", "4", joined);
            assertCount(b, "count-voted", "3", voted);

            eventually(
                    Duration.ofSeconds(60),
                    () -> {
                        b.go("/c/" + c.id() + "/results?lang=" + lang.code());
                        return b.findAll(".count-joined").size();
                    },
                    n -> n > 0);
            assertThat(b.text(".stats .count-joined b")).isEqualTo("4");
            assertThat(b.text(".stats .count-joined span")).isEqualTo(joined);
            assertThat(b.text("b[data-count=voted]")).isEqualTo("3");
            b.capture("report-counts-" + lang.code());
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aModeratorReachesTheTranslationDeskWhoseTabsNameLanguagesInTheReadersLanguage(Language lang) {
        Given given = new Given(app.db());
        Account owner = given.account("desk-owner-" + lang.code() + "@example.org", Role.ORGANIZER);
        String email = "desk-moderator-" + lang.code() + "@example.org";
        Account moderator = given.account(email, Role.MODERATOR);
        Conversation c = given.openConversation(owner, ModerationMode.POST, "Desk", List.of("One statement."));
        given.member(c, moderator, MemberRole.MODERATOR);

        try (Browser b = Browser.open(app.server())) {
            ParticipantJourneyBrowserTest.signIn(b, email, lang.code());
            assertThat(b.findAll("a[href='/translate/c/" + c.id() + "']"))
                    .as("the dashboard's link to the desk")
                    .isNotEmpty();
            b.go("/moderate/c/" + c.id() + "?lang=" + lang.code());
            WebElement desk = b.find("a.translation-desk");
            assertThat(desk.getText()).isEqualTo(MESSAGES.get(lang, "moderate.translation-desk"));
            b.capture("moderate-desk-link-" + lang.code());
            b.clickThrough("a.translation-desk");
            assertThat(b.path()).startsWith("/translate/c/" + c.id());
            for (Language into : Language.values()) {
                String tab = MESSAGES.get(lang, "translate.into.lang", MESSAGES.get(lang, "lang.named." + into.code()));
                assertThat(b.findAll("a[href='/translate/c/" + c.id() + "?into=" + into.code() + "']").stream()
                                .map(WebElement::getText))
                        .contains(tab);
            }
            String korean = b.find("a[href$='?into=ko']").getText();
            switch (lang) {
                case JA -> assertThat(korean).contains("韓国語");
                case KO -> assertThat(korean).contains("한국어");
                case EN -> assertThat(korean).contains("Korean");
            }
            b.capture("translate-desk-tabs-" + lang.code());
        }
    }

    private static void assertCount(Browser b, String tile, String number, String label) {
        assertThat(b.text(".participant-counts ." + tile + " b")).isEqualTo(number);
        assertThat(b.text(".participant-counts ." + tile + " span")).isEqualTo(label);
    }

    /** The text jsQR (npm, an independent decoder) reads from the page's QR code, drawn as pixels. */
    private static String decoded(String svg, Language lang) throws Exception {
        Path dir = Tool.npmLibrary("jsqr", "jsqr@1.4.0", "jsqr").getParent().getParent();
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) \\d+\"").matcher(svg);
        assertThat(box.find()).isTrue();
        int side = Integer.parseInt(box.group(1));
        int scale = 4;
        byte[] rgba = new byte[side * scale * side * scale * 4];
        java.util.Arrays.fill(rgba, (byte) 255);
        Matcher square = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        while (square.find()) {
            int x0 = Integer.parseInt(square.group(1)) * scale;
            int y0 = Integer.parseInt(square.group(2)) * scale;
            for (int y = y0; y < y0 + scale; y++) {
                for (int x = x0; x < x0 + scale; x++) {
                    int i = (y * side * scale + x) * 4;
                    rgba[i] = 0;
                    rgba[i + 1] = 0;
                    rgba[i + 2] = 0;
                }
            }
        }
        Path image = dir.resolve("page-" + lang.code() + ".rgba");
        Files.write(image, rgba);
        Tool.Run run = Tool.run(dir, List.of("node", "-e", """
                        const jsQR = require('jsqr');
                        const side = %d;
                        const code = jsQR(new Uint8ClampedArray(require('fs').readFileSync(process.argv[1])), side, side);
                        process.stdout.write(code ? code.data : '<no code found>');""".formatted(side * scale), image.toString()));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return run.stdout();
    }
}
