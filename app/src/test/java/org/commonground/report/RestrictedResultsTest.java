package org.commonground.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.testing.Eventually.eventually;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.commonground.account.Role;
import org.commonground.participation.Participants;
import org.commonground.testing.ParticipationGiven.Conversation;
import org.commonground.testing.ParticipationGiven.Person;
import org.commonground.testing.ParticipationGiven.Taker;
import org.commonground.testing.ParticipationServerTest;
import org.commonground.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Restricting a conversation's results takes effect on the very next request: no page, fragment or
 * download serves them from a cache after the organizer's change (issue 8 reported up to 1 s of the
 * old answer; ResultsReaders reads the current settings on each request).
 */
class RestrictedResultsTest extends ParticipationServerTest {

    /** A conversation with public results, its organizer, and a participant who has just read every results surface. */
    private record Shown(Conversation c, Person organizer, Taker member) {}

    private static Shown publicResultsSeenByAParticipant() {
        Conversation c = given.openConversation();
        Person organizer = given.person(Role.ORGANIZER, c, "organizer");
        Taker member = given.participant(c);
        warm(c, member);
        return new Shown(c, organizer, member);
    }

    private static void warm(Conversation c, Taker member) {
        var vote = server.postJson(
                "/api/v1/conversations/" + c.id() + "/votes",
                Map.of("statementId", given.statement(c, "Results visible until restricted"), "value", "agree"),
                member.bearer());
        assertThat(vote.status()).as(vote.body()).isEqualTo(201);
        var ready = eventually(
                Duration.ofSeconds(30),
                () -> server.get("/api/v1/conversations/" + c.id() + "/results"),
                r -> r.status() == 200 && r.json().get("votes").asInt() == 1);
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        for (String path : surfaces(c)) {
            assertThat(server.get(path, browser(c, member)).status())
                    .as("before: " + path)
                    .isEqualTo(200);
        }
    }

    private static List<String> surfaces(Conversation c) {
        return List.of(
                "/c/" + c.id() + "/results",
                "/c/" + c.id() + "/results.csv",
                "/c/" + c.id() + "/results.json",
                "/c/" + c.id() + "/you",
                "/api/v1/conversations/" + c.id() + "/results",
                "/api/v1/conversations/" + c.id() + "/tallies");
    }

    private static String[] browser(Conversation c, Taker member) {
        return new String[] {
            "Accept",
            "text/html",
            "HX-Request",
            "true",
            "Cookie",
            Participants.cookieName(c.id()) + "=" + member.token()
        };
    }

    private static TestServer.Response restrict(Conversation c, Person organizer, String visibility) {
        return server.send(
                "PATCH",
                "/api/v1/conversations/" + c.id(),
                TestServer.toJson(Map.of("resultsVisibility", visibility)),
                organizer.bearer("Content-Type", "application/json"));
    }

    @Test
    void resultsRestrictedToOrganizersAreRefusedToTheParticipantOnTheNextRequest() {
        Shown shown = publicResultsSeenByAParticipant();
        Conversation c = shown.c();
        Taker member = shown.member();

        assertThat(restrict(c, shown.organizer(), "organizers").status()).isEqualTo(200);

        for (String path : surfaces(c)) {
            assertThat(server.get(path, browser(c, member)).status())
                    .as("at once: " + path)
                    .isEqualTo(401);
        }
    }

    @Test
    void resultsRestrictedToParticipantsAreRefusedToAnonymousReadersOnTheNextRequest() {
        Shown shown = publicResultsSeenByAParticipant();
        Conversation c = shown.c();
        Taker member = shown.member();
        assertThat(server.get("/c/" + c.id() + "/results", "Accept", "text/html")
                        .status())
                .isEqualTo(200);

        assertThat(restrict(c, shown.organizer(), "participants").status()).isEqualTo(200);

        for (String path : surfaces(c).stream().filter(p -> !p.endsWith("/you")).toList()) {
            assertThat(server.get(path, "Accept", "text/html").status())
                    .as("at once: " + path)
                    .isEqualTo(401);
        }
        assertThat(server.get("/c/" + c.id() + "/results", browser(c, member)).status())
                .as("its participant")
                .isEqualTo(200);
    }
}
