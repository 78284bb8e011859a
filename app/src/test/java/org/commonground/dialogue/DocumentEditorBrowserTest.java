package org.commonground.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.commonground.account.Role;
import org.commonground.db.Database;
import org.commonground.testing.Browser;
import org.commonground.testing.Eventually;
import org.commonground.testing.RunningApp;
import org.commonground.testing.TestAccounts;
import org.commonground.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The editors write the demo dialogue's document on its editors' page, without the API: Japan's
 * editor (reading Japanese) adds a section and a clause citing a statement of the latest round,
 * saves the draft as version 1 and approves it; publishing is refused in the page, naming Korea as
 * the cohort still missing, and nothing is published. Korea's editor (reading Korean) approves and
 * publishes, and the public page then shows the clause.
 */
class DocumentEditorBrowserTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    static long dialogue;
    static TestAccounts.Caller japan;
    static TestAccounts.Caller korea;

    @BeforeAll
    static void seed() {
        TestAccounts accounts = new TestAccounts(app.db());
        var jdbi = Database.jdbi(app.db().dataSource());
        TestAccounts.Caller organizer = accounts.create(Role.ORGANIZER);
        japan = accounts.create(Role.TRANSLATOR);
        korea = accounts.create(Role.TRANSLATOR);
        dialogue = DialogueFeature.seedDemo(
                jdbi,
                Clock.systemUTC(),
                organizer.id(),
                accounts.create(Role.TRANSLATOR).id());
        for (var grant : Map.of(japan, "JP", korea, "KR").entrySet()) {
            TestServer.Response r = app.server()
                    .postJson(
                            "/api/v1/dialogues/" + dialogue + "/editors",
                            Map.of("accountId", grant.getKey().id(), "country", grant.getValue()),
                            organizer.auth());
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        // Every round's first analysis is done before the page shows the support from the latest one.
        for (var round : new DialogueStore(jdbi).get(dialogue).rounds()) {
            String results = "/api/v1/conversations/" + round.conversationId() + "/results";
            Eventually.eventually(
                    Duration.ofSeconds(60), () -> app.server().get(results).status(), s -> s == 200);
        }
    }

    static void signIn(Browser b, TestAccounts.Caller who, String lang) {
        b.go("/sign-in?lang=" + lang);
        b.type("#email", who.email()).type("#password", TestAccounts.PASSWORD);
        b.through(() -> b.find("#password").sendKeys(Keys.ENTER));
        b.await("h1");
    }

    @Test
    void japanAndKoreaWriteApproveAndPublishTheDocumentOnTheEditorsPage() {
        String statement;
        try (Browser b = Browser.open(app.server())) {
            signIn(b, japan, "ja");
            b.go("/d/" + dialogue + "/document");
            b.await("#not-published");
            b.clickThrough("#edit-link");
            b.await("#add-section");
            assertThat(b.path()).isEqualTo("/organize/d/" + dialogue + "/document");
            assertThat(b.text("h1")).isEqualTo("文書を書く");
            assertThat(b.findAll("section.doc-section")).isEmpty();
            statement = b.find("#citable li").getAttribute("data-statement");

            b.type("#section-title-ja", "留学と交流").type("#section-title-en", "Study and exchange");
            b.clickThrough("#add-section-button");
            b.await("#notice");
            assertThat(b.text("#notice")).isEqualTo("節を追加しました。");
            String section = b.find("section.doc-section").getAttribute("id").substring("section-".length());
            assertThat(b.text("#section-" + section + "-h")).isEqualTo("留学と交流");
            assertThat(b.findAll(".draft-form"))
                    .as("no language model on this server")
                    .isEmpty();

            b.type("#new-clause-" + section + "-ja", "両国の学生が互いの国で学ぶ機会を広げます。")
                    .type("#new-clause-" + section + "-en", "Both countries widen the chances to study in the other.")
                    .type("#new-clause-" + section + "-cites", statement);
            b.clickThrough("#add-clause-button-" + section);
            b.await("#notice");
            assertThat(b.text("#notice")).isEqualTo("条項を追加しました。");
            assertThat(b.text("li.clause .clause-text-ja")).isEqualTo("両国の学生が互いの国で学ぶ機会を広げます。");
            assertThat(b.text("li.clause .cite-ids")).isEqualTo(statement);
            assertThat(b.findAll("li.clause .citation[data-statement='" + statement + "']"))
                    .hasSize(1);
            assertThat(b.find("li.clause .citation").findElements(By.cssSelector(".by-cohort .bar-row")))
                    .as("the cited statement's support in the latest round, per country")
                    .hasSizeGreaterThanOrEqualTo(2);

            b.clickThrough("#save-version-button");
            b.await("#version-1");
            assertThat(b.text("#notice")).isEqualTo("下書きを新しい版として保存しました。");
            assertThat(b.text("#version-1 .approvals")).contains("まだ誰も承認していません");

            b.clickThrough("#approve-1");
            b.await("#notice");
            assertThat(b.text("#notice")).isEqualTo("この版を承認しました。");
            assertThat(b.text("#version-1 .approvals")).contains("日本", japan.email());
            assertThat(b.findAll("#approve-1")).as("approved already").isEmpty();

            b.clickThrough("#publish-1");
            b.await("#error");
            assertThat(b.text("#error"))
                    .contains("第1版を公開するには")
                    .contains("まだ承認がない国：韓国")
                    .doesNotContain("日本、");
            assertThat(b.text("#version-1-error")).isEqualTo(b.text("#error"));
            assertThat(b.findAll("#version-1 .published")).isEmpty();
            b.capture("document-editor-ja");
            b.assertAccessible("document-editor-ja");
        }
        assertThat(app.server()
                        .get("/api/v1/dialogues/" + dialogue + "/document")
                        .status())
                .as("nothing published yet")
                .isEqualTo(404);

        try (Browser b = Browser.open(app.server())) {
            signIn(b, korea, "ko");
            b.go("/organize/d/" + dialogue + "/document");
            b.await("#version-1");
            assertThat(b.text("h1")).isEqualTo("문서 작성");

            b.clickThrough("#approve-1");
            b.await("#notice");
            assertThat(b.text("#notice")).isEqualTo("이 판을 승인했습니다.");
            assertThat(b.text("#version-1 .approvals")).contains("일본", japan.email(), "한국", korea.email());

            b.clickThrough("#publish-1");
            b.await("#notice");
            assertThat(b.text("#notice")).isEqualTo("판을 공개했습니다.");
            assertThat(b.findAll("#error")).isEmpty();
            assertThat(b.findAll("#version-1 .published")).hasSize(1);
            assertThat(b.findAll("#publish-1")).isEmpty();
            b.capture("document-editor-ko");
        }

        try (Browser b = Browser.open(app.server())) {
            b.go("/d/" + dialogue + "/document?lang=en");
            b.await("#differ");

            assertThat(b.text("#version-line")).contains("Version 1");
            assertThat(b.text("section.doc-section h2")).isEqualTo("Study and exchange");
            assertThat(b.text("li.clause .clause-text"))
                    .contains("Both countries widen the chances to study in the other.", "[s" + statement + "]");
            assertThat(b.findAll("#edit-link"))
                    .as("only for the document's writers")
                    .isEmpty();
        }
    }
}
