package org.commonground.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.commonground.account.Accounts;
import org.commonground.demo.DemoSeed;
import org.commonground.testing.Given;
import org.commonground.testing.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code demo} tells a newcomer where to go: the addresses it prints lead to the demo's pages. */
class DemoCommandTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    @Test
    void theAddressesDemoPrintsAreTheDemoConversationAndItsResults() {
        var jdbi = new Given(app.db()).jdbi();
        long demo = new DemoSeed(jdbi, Accounts.over(jdbi)).seedIfEmpty().conversationId();
        String base = app.server().baseUrl();

        List<String> lines = DemoCommand.addresses(base, demo);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).endsWith(base + "/c/" + demo);
        assertThat(lines.get(1)).endsWith(base + "/c/" + demo + "/results");
        for (String line : lines) {
            String path = line.substring(line.indexOf(base) + base.length());
            var page = app.server().get(path + "?lang=en");
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).contains("What should Japanese and Korean citizens do together?");
        }
    }
}
