package org.commonground.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.commonground.account.Role;
import org.commonground.db.Database;
import org.commonground.testing.Browser;
import org.commonground.testing.Eventually;
import org.commonground.testing.RunningApp;
import org.commonground.testing.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/**
 * The demo dialogue's published document read in Japanese, Korean and English: version 2 with its
 * two sections and four clauses, each citation with the latest round's split by country and by
 * opinion group, the clause no editor wrote in Korean marked as shown in English for Korean readers,
 * where Japan and Korea still differ side by side, what changed from version 1, and a print that
 * leaves out navigation and keeps the citations.
 */
class DocumentBrowserTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    static long dialogue;
    static TestAccounts.Caller organizer;
    static TestAccounts.Caller newcomer;

    @BeforeAll
    static void seed() {
        TestAccounts accounts = new TestAccounts(app.db());
        var jdbi = Database.jdbi(app.db().dataSource());
        organizer = accounts.create(Role.ORGANIZER);
        newcomer = accounts.create(Role.TRANSLATOR);
        dialogue = DialogueFeature.seedDemo(
                jdbi,
                Clock.systemUTC(),
                organizer.id(),
                accounts.create(Role.TRANSLATOR).id());
        DialogueFeature.seedDemoDocument(
                jdbi,
                Clock.systemUTC(),
                dialogue,
                accounts.create(Role.TRANSLATOR).id(),
                accounts.create(Role.TRANSLATOR).id());
        // Every round's first analysis is done before a page shows the support from the latest one.
        for (var round : new DialogueStore(jdbi).get(dialogue).rounds()) {
            String results = "/api/v1/conversations/" + round.conversationId() + "/results";
            Eventually.eventually(
                    Duration.ofSeconds(60), () -> app.server().get(results).status(), s -> s == 200);
        }
    }

    @Test
    void thePublishedDocumentReadsInEachLanguageWithItsSupportAndWhereWeDiffer() {
        record Expect(String lang, String heading, String version, String clause, int fallbacks, String fallback) {}
        for (Expect e : List.of(
                new Expect("ja", "共通理解の文書", "第2版", "授業料なしで相手国に留学", 0, ""),
                new Expect("ko", "공동 이해 문서", "제2판", "등록금 없이 상대국에서", 1, "영어"),
                new Expect("en", "Shared understanding", "Version 2", "without tuition fees", 0, ""))) {
            try (Browser b = Browser.open(app.server())) {
                b.go("/d/" + dialogue + "/document?lang=" + e.lang());
                b.await("#differ");

                assertThat(b.text("h1")).isEqualTo(e.heading());
                assertThat(b.text("#version-line")).contains(e.version());
                assertThat(b.findAll("section.doc-section")).hasSize(2);
                List<WebElement> clauses = b.findAll("li.clause");
                assertThat(clauses).hasSize(4);
                assertThat(clauses.getFirst().getText()).contains(e.clause());
                List<WebElement> fallbacks = b.findAll("li.clause .fallback");
                assertThat(fallbacks).hasSize(e.fallbacks());
                if (e.fallbacks() > 0) {
                    assertThat(fallbacks.getFirst().getText()).contains(e.fallback());
                    assertThat(fallbacks.getFirst().getAttribute("data-shown-in"))
                            .isEqualTo("en");
                }
                List<WebElement> citations = b.findAll(".citation");
                assertThat(citations).hasSize(5);
                for (WebElement c : citations) {
                    assertThat(c.findElements(org.openqa.selenium.By.cssSelector(".by-cohort .bar-row")))
                            .hasSizeGreaterThanOrEqualTo(2);
                    assertThat(c.findElements(org.openqa.selenium.By.cssSelector(".by-group .bar-row")))
                            .isNotEmpty();
                    assertThat(c.getText()).contains("95%");
                }
                assertThat(b.findAll("#differ .divide")).isNotEmpty();
                assertThat(b.findAll("#differ .divide")
                                .getFirst()
                                .findElements(org.openqa.selenium.By.cssSelector(".bar-row")))
                        .hasSizeGreaterThanOrEqualTo(2);
                b.capture("document-" + e.lang());
            }
        }
    }

    @Test
    void versionTwoSaysWhatChangedFromVersionOne() {
        try (Browser b = Browser.open(app.server())) {
            b.go("/d/" + dialogue + "/document?lang=en");
            b.clickThrough("#changes-link");
            b.await("h1");

            assertThat(b.path()).isEqualTo("/d/" + dialogue + "/document/v/2/changes");
            assertThat(b.findAll("li.change-changed")).hasSize(1);
            assertThat(b.findAll("li.change-added")).hasSize(1);
            assertThat(b.findAll("li.change-removed")).isEmpty();
            assertThat(b.text("li.change-changed ins")).contains("historians");
            assertThat(b.text("li.change-added")).contains("domestic politics");
            b.capture("document-changes-en");
        }
    }

    @Test
    void theOrganizerMakesAnAccountAnEditorForKorea() {
        try (Browser b = Browser.open(app.server())) {
            b.go("/sign-in?lang=ko");
            b.type("#email", organizer.email()).type("#password", TestAccounts.PASSWORD);
            b.through(() -> b.find("#password").sendKeys(org.openqa.selenium.Keys.ENTER));
            b.await("h1");
            b.go("/organize/d/" + dialogue);
            b.clickThrough("#editors-link");
            b.await("#grant-editor");
            assertThat(b.findAll("table.editors tbody tr")).hasSize(2);

            b.type("#email", newcomer.email());
            new org.openqa.selenium.support.ui.Select(b.find("#country")).selectByValue("KR");
            b.clickThrough("#grant-editor");
            b.await("#notice");

            assertThat(b.text("#notice")).contains("편집자를 추가했습니다");
            List<WebElement> rows = b.findAll("table.editors tbody tr");
            assertThat(rows).hasSize(3);
            assertThat(rows.stream().map(WebElement::getText))
                    .anySatisfy(t -> assertThat(t).contains(newcomer.email(), "한국"));
            b.capture("document-editors-ko");
        }
    }

    @Test
    void itPrintsWithoutNavigationAndWithItsCitations() {
        try (Browser b = Browser.open(app.server())) {
            b.go("/d/" + dialogue + "/document/v/2?lang=ja");
            b.await("#differ");

            assertThat(b.shownInPrint("nav.versions"))
                    .as("the list of versions")
                    .isFalse();
            assertThat(b.shownInPrint(".site-header .langs"))
                    .as("the language switcher")
                    .isFalse();
            assertThat(b.shownInPrint(".citation .bar-row"))
                    .as("the citations' support")
                    .isTrue();
            assertThat(b.shownInPrint("#differ .divide")).as("where we differ").isTrue();
            assertThat(b.printToPdf("document-ja")).isNotEmpty();
            b.assertAccessible("document-ja");
        }
    }
}
