package org.commonground.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.commonground.account.Account;
import org.commonground.account.Role;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.MemberRole;
import org.commonground.conversation.ModerationMode;
import org.commonground.statement.Statements;
import org.commonground.testing.Browser;
import org.commonground.testing.Given;
import org.commonground.testing.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.interactions.Actions;

/** The moderation queue's keyboard shortcuts act on the statement the moderator moved to. */
class ModerationShortcutsBrowserTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    @Test
    void acceptsTheStatementMovedToWithJNotTheFirstOne() {
        Given given = new Given(app.db());
        Account organizer = given.account("organizer@example.org", Role.ORGANIZER);
        Account moderator = given.account("moderator@example.org", Role.MODERATOR);
        Conversation c = given.openConversation(organizer, ModerationMode.PRE, "Shortcuts", List.of());
        given.member(c, moderator, MemberRole.MODERATOR);
        Statements statements = Statements.over(given.jdbi());
        for (String text :
                List.of("First waiting statement.", "Second waiting statement.", "Third waiting statement.")) {
            var author = given.participant(c, "JP");
            statements.write(c.id(), author.participantId(), new Statements.WriteStatement(text, "en"));
        }

        try (Browser mod = Browser.open(app.server())) {
            ParticipantJourneyBrowserTest.signIn(mod, "moderator@example.org", "en");
            mod.go("/moderate/c/" + c.id());
            String second = ParticipantJourneyBrowserTest.entryWith(mod, "Second waiting statement.")
                    .getAttribute("id");

            new Actions(mod.driver()).sendKeys("j").sendKeys("j").perform();
            assertThat(mod.script("return document.activeElement.id")).isEqualTo(second);
            new Actions(mod.driver()).sendKeys("a").perform();

            mod.awaitText("#" + second + " .badge", "Accepted");
            assertThat(mod.text("#" + second)).contains("Second waiting statement.");
            assertThat(ParticipantJourneyBrowserTest.entryWith(mod, "First waiting statement.")
                            .getText())
                    .contains("Waiting");
            assertThat(ParticipantJourneyBrowserTest.entryWith(mod, "Third waiting statement.")
                            .getText())
                    .contains("Waiting");
            assertThat(mod.script("return document.activeElement.id"))
                    .as("focus stays on the decided entry")
                    .isEqualTo(second);
        }
    }
}
