package org.commonground.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonground.AppConfig;
import org.commonground.account.Role;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ModerationMode;
import org.commonground.participation.Join;
import org.commonground.participation.Vote;
import org.commonground.participation.Votes;
import org.commonground.testing.Browser;
import org.commonground.testing.Eventually;
import org.commonground.testing.Given;
import org.commonground.testing.RunningApp;
import org.commonground.testing.TestAccounts;
import org.commonground.testing.TestServer;
import org.commonground.web.AbuseLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;

/**
 * On a server with a language model (a local stand-in speaking the chat-completions API), Korea's
 * editor, reading Korean, asks for a machine draft of a section on the editors' page: it arrives
 * unapproved, marked as the model's, with the citation the model invented listed as removed; a
 * version cannot be saved from it (said in Korean) until the editor approves it; the editor then
 * rewrites it — a malformed list of citations is refused in the page — and deletes it.
 */
class DocumentDraftingBrowserTest {
    static final FakeDraftingService model = FakeDraftingService.start();

    @RegisterExtension
    static final RunningApp app = new RunningApp(
            AppConfig.defaults()
                    .withAbuseLimits(AbuseLimits.unlimited())
                    .withDrafting(DraftingSettings.parse("openai:" + model.url() + "?model=fake-drafter", "")),
            Clock.systemUTC());

    static long dialogue;
    static long agreed;
    static TestAccounts.Caller korea;

    /**
     * A one-round dialogue: 30 people in Japan and 30 in Korea all agree that exchanges should double
     * (common ground, what the model is given), and split by country on the other statement.
     */
    @BeforeAll
    static void plant() {
        TestServer server = app.server();
        TestAccounts accounts = new TestAccounts(app.db());
        TestAccounts.Caller organizer = accounts.create(Role.ORGANIZER);
        korea = accounts.create(Role.TRANSLATOR);
        Given world = new Given(app.db());
        Conversation c = world.openConversation(
                organizer.account(),
                ModerationMode.POST,
                "Planted for drafting on the page",
                List.of(
                        "Student exchanges between Japan and Korea should double",
                        "The 2015 agreement settled the matter"));
        List<Long> ids = world.statementIds(c);
        List<Votes.BatchVote> votes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            for (String country : List.of("JP", "KR")) {
                Join.Joined p = world.participant(c, country);
                votes.add(new Votes.BatchVote(c.id(), p.token(), ids.get(0), Vote.AGREE));
                votes.add(new Votes.BatchVote(
                        c.id(), p.token(), ids.get(1), country.equals("JP") ? Vote.AGREE : Vote.DISAGREE));
            }
        }
        Votes.over(world.jdbi()).castAll(votes);
        TestServer.Response d = server.postJson(
                "/api/v1/dialogues",
                Map.of("texts", Map.of("en", Map.of("title", "Drafting", "description", "")), "conversationId", c.id()),
                organizer.auth());
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        dialogue = d.json().get("id").asLong();
        agreed = ids.get(0);
        TestServer.Response g = server.postJson(
                "/api/v1/dialogues/" + dialogue + "/editors",
                Map.of("accountId", korea.id(), "country", "KR"),
                organizer.auth());
        assertThat(g.status()).as(g.body()).isEqualTo(201);
        String results = "/api/v1/conversations/" + c.id() + "/results";
        Eventually.eventually(
                Duration.ofSeconds(60),
                () -> server.get(results),
                r -> r.status() == 200 && r.json().get("commonGround").size() > 0);
    }

    @AfterAll
    static void stopModel() {
        model.close();
    }

    @Test
    void aMachineDraftIsApprovedRewrittenAndDeletedOnTheEditorsPage() {
        try (Browser b = Browser.open(app.server())) {
            DocumentEditorBrowserTest.signIn(b, korea, "ko");
            b.go("/organize/d/" + dialogue + "/document");
            b.await("#add-section");
            b.type("#section-title-ko", "우리가 함께 생각하는 것").type("#section-title-en", "What we share");
            b.clickThrough("#add-section-button");
            b.await("#notice");
            String section = b.find("section.doc-section").getAttribute("id").substring("section-".length());

            new Select(b.find("#draft-" + section + "-lang")).selectByValue("en");
            b.clickThrough("#draft-button-" + section);
            b.await("#notice");
            assertThat(b.text("#notice")).isEqualTo("언어 모델의 초안을 아직 아무도 승인하지 않은 조항으로 추가했습니다.");
            assertThat(b.findAll("li.clause.unapproved")).hasSize(1);
            String clause = b.find("li.clause").getAttribute("id").substring("clause-".length());
            assertThat(b.text("li.clause .unapproved-note")).contains("미승인");
            assertThat(b.text("li.clause .clause-text-en")).contains("[s" + agreed + "]");
            assertThat(b.text("li.clause .flagged")).contains(String.valueOf(FakeDraftingService.INVENTED));
            assertThat(b.text("li.clause .cite-ids")).contains(String.valueOf(agreed));

            b.clickThrough("#save-version-button");
            b.await("#error");
            assertThat(b.text("#error")).isEqualTo("초안에 승인된 조항이 없어 저장할 수 없습니다.");
            assertThat(b.findAll("#version-1")).isEmpty();

            b.clickThrough("#approve-clause-" + clause);
            b.await("#notice");
            assertThat(b.text("#notice")).isEqualTo("초안 조항을 승인했습니다.");
            assertThat(b.findAll("li.clause.unapproved")).isEmpty();
            assertThat(b.findAll("#approve-clause-" + clause)).isEmpty();

            b.click("#clause-" + clause + " details.edit-clause summary");
            b.type("#clause-" + clause + "-ko", "두 나라 사람들은 교류를 두 배로 늘리자는 데 뜻을 같이합니다.")
                    .type("#clause-" + clause + "-cites", "열일곱");
            b.clickThrough("#save-clause-" + clause);
            b.await("#error");
            assertThat(b.text("#error")).isEqualTo("의견 ID는 12, 34처럼 숫자를 쉼표로 구분해 적어 주세요.");
            assertThat(b.find("#clause-" + clause + "-ko").getAttribute("value"))
                    .as("what was typed is kept")
                    .isEqualTo("두 나라 사람들은 교류를 두 배로 늘리자는 데 뜻을 같이합니다.");

            b.type("#clause-" + clause + "-cites", "s" + agreed);
            b.clickThrough("#save-clause-" + clause);
            b.await("#notice");
            assertThat(b.text("#notice")).isEqualTo("조항을 저장했습니다.");
            assertThat(b.text("li.clause .clause-text-ko")).isEqualTo("두 나라 사람들은 교류를 두 배로 늘리자는 데 뜻을 같이합니다.");
            assertThat(b.text("li.clause .cite-ids")).isEqualTo(String.valueOf(agreed));
            b.capture("document-editor-draft-ko");

            b.clickThrough("#delete-clause-" + clause);
            b.await("#notice");
            assertThat(b.text("#notice")).isEqualTo("조항을 삭제했습니다.");
            assertThat(b.findAll("li.clause")).isEmpty();
        }
    }
}
