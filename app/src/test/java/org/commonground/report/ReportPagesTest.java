package org.commonground.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.commonground.account.Role;
import org.commonground.participation.Participants;
import org.commonground.testing.ParticipationGiven.Conversation;
import org.commonground.testing.ParticipationGiven.Taker;
import org.commonground.testing.ParticipationServerTest;
import org.commonground.testing.TestServer;
import org.junit.jupiter.api.Test;

/** The results pages admit the readers the API admits: one rule, {@code conversation.ResultsReaders}. */
class ReportPagesTest extends ParticipationServerTest {

    private static TestServer.Response page(String path, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Accept";
        all[1] = "text/html";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return server.get(path + "?lang=en", all);
    }

    private static String results(Conversation c) {
        return "/c/" + c.id() + "/results";
    }

    /** A browser carrying {@code taker}'s token in conversation {@code c}'s participant cookie. */
    private static String[] participantCookie(Conversation c, Taker taker) {
        return new String[] {"Cookie", Participants.cookieName(c.id()) + "=" + taker.token()};
    }

    @Test
    void participantsOnlyResultsPageAdmitsItsParticipantsAndItsModerator() {
        Conversation c = given.conversation("open", "post", true, "participants");
        Taker member = given.participant(c);
        var moderator = given.person(Role.MODERATOR, c, "moderator");

        assertThat(page(results(c), participantCookie(c, member)).status()).isEqualTo(200);
        assertThat(page(results(c), given.sessionCookie(moderator)).status())
                .as("its moderator")
                .isEqualTo(200);
        assertThat(page(results(c) + ".json", given.sessionCookie(moderator)).status())
                .isEqualTo(200);
    }

    @Test
    void participantsOnlyResultsPageRefusesAnonymousReadersAndOtherConversationsParticipants() {
        Conversation c = given.conversation("open", "post", true, "participants");
        Taker outsider = given.participant(given.openConversation());
        var otherModerator = given.person(Role.MODERATOR, given.openConversation(), "moderator");

        TestServer.Response anonymous = page(results(c));
        TestServer.Response otherParticipant = page(results(c), participantCookie(c, outsider));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).contains("shown to its participants only");
        assertThat(otherParticipant.status())
                .as("another conversation's token counts for nothing here")
                .isEqualTo(401);
        assertThat(page(results(c), given.sessionCookie(otherModerator)).status())
                .as("another conversation's moderator")
                .isEqualTo(403);
    }

    @Test
    void organizersOnlyResultsPagesRefuseItsModeratorAndItsParticipants() {
        Conversation c = given.conversation("open", "post", true, "organizers");
        Taker member = given.participant(c);
        var moderator = given.person(Role.MODERATOR, c, "moderator");
        var organizer = given.person(Role.ORGANIZER, c, "organizer");

        TestServer.Response refusedModerator = page(results(c), given.sessionCookie(moderator));

        assertThat(refusedModerator.status()).isEqualTo(403);
        assertThat(refusedModerator.body()).contains("shown to its organizers only");
        assertThat(page(results(c) + ".csv", given.sessionCookie(moderator)).status())
                .isEqualTo(403);
        assertThat(page(results(c), participantCookie(c, member)).status()).isEqualTo(401);
        assertThat(page("/c/" + c.id() + "/you", participantCookie(c, member)).status())
                .as("where you stand shows the map and the cohorts' splits")
                .isEqualTo(401);
        assertThat(page(results(c), given.sessionCookie(organizer)).status()).isEqualTo(200);
    }
}
