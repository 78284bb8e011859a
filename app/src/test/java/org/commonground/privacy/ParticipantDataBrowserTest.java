package org.commonground.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.testing.Eventually.eventually;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.commonground.account.Account;
import org.commonground.account.Role;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ModerationMode;
import org.commonground.participation.Vote;
import org.commonground.testing.Browser;
import org.commonground.testing.Given;
import org.commonground.testing.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * In a real browser, in Japanese and in Korean: a participant joins, votes, finds "your data" on
 * their "where you stand" page, downloads it (the browser's own request, with its cookie), reads
 * the privacy page, confirms the deletion and is told what was deleted. Screenshots of every step
 * go to target/screenshots (privacy-*).
 */
class ParticipantDataBrowserTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    private static final ObjectMapper JSON = new ObjectMapper();

    record Expected(String lang, String country, String agree, String erased) {}

    @Test
    void aParticipantDownloadsAndDeletesTheirDataInJapaneseAndInKorean() throws Exception {
        var given = new Given(app.db());
        Account organizer = given.account("privacy@example.org", Role.ORGANIZER);
        Conversation c = given.openConversation(organizer, ModerationMode.POST, "Japan and Korea, together", seeds());
        List<Long> ids = given.statementIds(c);
        for (int p = 0; p < 12; p++) {
            var who = given.participant(c, p % 2 == 0 ? "JP" : "KR");
            for (int s = 0; s < ids.size(); s++) {
                given.vote(c, who, ids.get(s), (s < 4) == (p % 3 == 0) ? Vote.AGREE : Vote.DISAGREE);
            }
        }
        for (Expected e : List.of(new Expected("ja", "JP", "賛成", "投票8件"), new Expected("ko", "KR", "동의", "투표 8개"))) {
            int before = participants(given, c);
            try (Browser b = Browser.open(app.server())) {
                b.go("/c/" + c.id() + "?lang=" + e.lang());
                b.click("input[name=cohort_country][value=" + e.country() + "]");
                b.clickThrough("form[action$='/join'] button[type=submit]");
                b.await("#vote-card");
                for (int i = 0; i < 8; i++) {
                    String progress = b.text("#progress-text");
                    b.click("#vote-card button[value=agree]");
                    b.awaitChange("#progress-text", progress);
                }
                eventually(
                        Duration.ofSeconds(30),
                        () -> b.go("/c/" + c.id() + "/you?lang=" + e.lang()),
                        page -> !page.driver().findElements(By.id("your-data")).isEmpty());
                b.capture("privacy-you-" + e.lang());

                String downloaded = (String)
                        b.driver()
                                .executeAsyncScript(
                                        "const done = arguments[arguments.length - 1];"
                                                + "fetch(document.querySelector('#download-data').href).then(r => r.text()).then(done);");
                JsonNode data = JSON.readTree(downloaded);
                assertThat(data.get("votes")).hasSize(8);
                assertThat(data.get("votes").findValuesAsText("voteLabel")).containsOnly(e.agree());
                assertThat(data.at("/cohorts/0/value").asText()).isEqualTo(e.country());
                assertThat(data.get("language").asText()).isEqualTo(e.lang());
                assertThat(data.get("participant").asText()).matches("[0-9a-f]{16}");

                b.go("/c/" + c.id() + "/privacy?lang=" + e.lang());
                b.capture("privacy-page-" + e.lang());
                b.clickThrough("#delete-data");
                b.await("#confirm-delete");
                b.capture("privacy-delete-" + e.lang());
                assertThat(participants(given, c)).as("nothing deleted yet").isEqualTo(before + 1);
                b.click("input[name=confirm]");
                b.clickThrough("#confirm-delete");
                b.awaitText("#erased-summary", e.erased());
                b.capture("privacy-deleted-" + e.lang());
                assertThat(participants(given, c)).isEqualTo(before);

                b.go("/c/" + c.id() + "/you?lang=" + e.lang());
                assertThat(b.path()).as("no participant left in this browser").isEqualTo("/c/" + c.id());
            }
        }
    }

    private static int participants(Given given, Conversation c) {
        return given.jdbi()
                .withHandle(h -> h.select("SELECT count(*) FROM participant WHERE conversation_id = ?", c.id())
                        .mapTo(Integer.class)
                        .one());
    }

    private static List<String> seeds() {
        return List.of(
                "歴史教育について、日韓の教師が共同で教材を作るべきだ。",
                "청년 교류 프로그램을 두 배로 늘려야 한다.",
                "Japan and Korea should build energy infrastructure in Southeast Asia together.",
                "学生の短期留学に奨学金を出すべきだ。",
                "언론은 상대국에 대한 혐오 표현을 줄이기 위해 노력해야 한다.",
                "Semiconductor supply chains are safer when Japan and Korea cooperate.",
                "高齢化社会の課題について、両国の自治体が経験を共有すべきだ。",
                "5G 표준을 함께 만드는 것이 양국 모두에 이익이다.",
                "Journalists from both countries should work on joint investigations.",
                "日韓の高校生がオンラインで毎月交流できる仕組みを作るべきだ。");
    }
}
