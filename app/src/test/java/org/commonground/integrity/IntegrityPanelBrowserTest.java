package org.commonground.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.testing.Eventually.eventually;

import java.time.Clock;
import java.time.Duration;
import org.commonground.AppConfig;
import org.commonground.account.Role;
import org.commonground.testing.Browser;
import org.commonground.testing.ParticipationGiven;
import org.commonground.testing.RunningApp;
import org.commonground.testing.TestAccounts;
import org.commonground.web.AbuseLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

/**
 * A moderator reads the integrity panel in Japanese (screenshots at phone and desktop sizes under
 * target/, with an accessibility check), leaves the flagged cluster out, sees the public report say
 * so, and brings the cluster back from the audit log.
 */
class IntegrityPanelBrowserTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp(
            AppConfig.defaults().withAbuseLimits(AbuseLimits.unlimited()),
            Clock.systemUTC()); // the planting joins 113 participants from one address in seconds

    @Test
    void aModeratorLeavesTheClusterOutFromThePanelAndBringsItBack() {
        ParticipationGiven given = new ParticipationGiven(app.db());
        PlantedBrigade planted = new PlantedBrigade(app.server(), given);
        ParticipationGiven.Person moderator = given.person(Role.MODERATOR, planted.conversation, "moderator");
        String email = given.jdbi.withHandle(h -> h.select("SELECT email FROM account WHERE id = ?", moderator.id())
                .mapTo(String.class)
                .one());
        long id = planted.conversation.id();

        try (Browser b = Browser.open(app.server())) {
            b.go("/sign-in?lang=ja");
            b.type("#email", email).type("#password", TestAccounts.PASSWORD);
            b.through(() -> b.find("#password").sendKeys(Keys.ENTER));
            b.go("/moderate/c/" + id);
            b.clickThrough("a[href='/moderate/c/" + id + "/integrity']");

            assertThat(b.text("h1")).isEqualTo("投票の健全性");
            assertThat(b.text("#cluster-1-h")).isEqualTo("集まり1：40人");
            assertThat(b.text("#cluster-1")).contains("招待リンク「Net cafe」から40人。");
            assertThat(b.findAll(".cluster")).hasSize(1);
            assertThat(b.text("#bursts")).contains("招待リンク「Net cafe」").contains("招待リンク「Class 3-B」");
            assertThat(b.findAll("#one-value tbody tr")).hasSize(3);
            b.capture("integrity-panel-ja");

            b.clickThrough("#cluster-1 button[type=submit]");
            b.awaitText("[role=status]", "分析から除外しました");
            assertThat(b.text("#excluded-now b")).isEqualTo("40");
            assertThat(b.text("#audit")).contains("除外（組織的な投票）").contains(email);
            b.screenshot("integrity-panel-ja-after-exclusion");

            String report = eventually(
                    Duration.ofSeconds(30),
                    () -> {
                        b.go("/c/" + id + "/results");
                        return b.text("main");
                    },
                    text -> text.contains("除外しました"));
            assertThat(report).contains("モデレーターが参加者40人をこの分析から除外しました（理由：組織的な投票（40人））。");

            b.go("/moderate/c/" + id + "/integrity");
            b.clickThrough("#audit button[type=submit]");
            b.awaitText("[role=status]", "分析に戻しました");
            assertThat(b.text("#excluded-now b")).isEqualTo("0");
            assertThat(b.text("#audit")).contains("分析に戻す");
        }
    }
}
