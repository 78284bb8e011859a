package org.commonground.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.commonground.AppConfig;
import org.commonground.account.Account;
import org.commonground.account.Role;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ModerationMode;
import org.commonground.testing.Browser;
import org.commonground.testing.FreshDatabase;
import org.commonground.testing.Given;
import org.commonground.testing.HandClock;
import org.commonground.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A person who votes or writes faster than the quotas allow sees why, in their language, where
 * they are looking: on the vote card and in the writing section, which htmx swaps in even though
 * the answer is a 429. Small quotas; the clock stands still.
 */
class RateLimitBrowserTest {
    @RegisterExtension
    static final FreshDatabase db = new FreshDatabase();

    @Test
    void tooFastVotesAndStatementsAreExplainedOnTheCardAndTheWritingSection() {
        var given = new Given(db.get());
        Account organizer = given.account("organizer@example.org", Role.ORGANIZER);
        Conversation c = given.openConversation(
                organizer,
                ModerationMode.POST,
                "Quotas",
                List.of(
                        "Ferries should be cheaper.",
                        "Schools should exchange pupils.",
                        "Museums should lend art.",
                        "Festivals should be shared.",
                        "Trains should run at night."));
        AbuseLimits limits = AbuseLimits.defaults().with("votes=3/1m,statements=1/10m");
        try (TestServer server =
                        TestServer.start(db.get(), AppConfig.defaults().withAbuseLimits(limits), new HandClock());
                Browser b = Browser.open(server)) {
            b.go("/c/" + c.id() + "?lang=ko");
            b.clickThrough("form[action$='/join'] button[type=submit]");
            b.await("#vote-card");
            for (int i = 0; i < 3; i++) {
                String before = b.text("#progress-text");
                b.click("#vote-card button[value=pass]");
                b.awaitChange("#progress-text", before);
            }

            b.click("#vote-card button[value=agree]");
            b.awaitText("#vote-card .note", "초 후에 다시 투표할 수 있습니다");
            assertThat(b.findAll("#vote-card button[value=agree]"))
                    .as("the person can vote again later")
                    .hasSize(1);

            b.type("#statement-text", "양국 청소년이 매년 교류해야 한다.");
            b.click("#write button[type=submit]");
            b.awaitText("#write .note", "");
            b.type("#statement-text", "국경 도시는 축제를 함께 열어야 한다.");
            b.click("#write button[type=submit]");
            b.awaitText("#write .note", "다음 의견은 600초 후에 작성할 수 있습니다");
        }
    }
}
