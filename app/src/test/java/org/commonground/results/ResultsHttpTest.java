package org.commonground.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.testing.Eventually.eventually;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.commonground.AppConfig;
import org.commonground.account.Role;
import org.commonground.participation.Join;
import org.commonground.testing.ParticipationGiven;
import org.commonground.testing.ParticipationGiven.Conversation;
import org.commonground.testing.ParticipationGiven.Taker;
import org.commonground.testing.ParticipationServerTest;
import org.commonground.testing.TestServer;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/** GET /api/v1/conversations/{conversationId}/results: the live analysis of votes cast through the API. */
class ResultsHttpTest extends ParticipationServerTest {
    /** Generous: the recomputation takes milliseconds here, but CI machines are shared. */
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    static String results(Conversation c) {
        return "/api/v1/conversations/" + c.id() + "/results";
    }

    /** Two camps across JP and KR: the first half agrees with the first half of the statements, the rest the opposite. */
    private static List<Taker> twoCamps(Conversation c, List<Long> statements, int participants) {
        List<Taker> takers = new ArrayList<>();
        for (int i = 0; i < participants; i++) {
            Taker t = joined(c, i % 2 == 0 ? "JP" : "KR");
            takers.add(t);
            for (int s = 0; s < statements.size(); s++) {
                boolean agree = (s < statements.size() / 2) == (i < participants / 2);
                vote(c, t, statements.get(s), agree ? "agree" : "disagree");
            }
        }
        return takers;
    }

    private static Taker joined(Conversation c, String country) {
        Join.Joined j = ParticipationGiven.join(given.jdbi, c.id(), country, "en");
        return new Taker(j.participantId(), c.id(), j.token());
    }

    private static void vote(Conversation c, Taker t, long statement, String value) {
        var response = server.postJson(
                "/api/v1/conversations/" + c.id() + "/votes",
                Map.of("statementId", statement, "value", value),
                t.bearer());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private static List<Long> statements(Conversation c, int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(given.statement(c, "Statement number " + i + " about exchanges"));
        }
        return ids;
    }

    /** Polls the results until they satisfy the condition or the deadline passes; returns the last answer. */
    private static JsonNode awaitResults(Conversation c, Predicate<JsonNode> done, String... headers) {
        TestServer.Response r = eventually(
                DEADLINE,
                () -> server.get(results(c), headers),
                answer -> answer.status() == 200 && done.test(answer.json()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void servesVotesCastThroughTheApiWithTheirAgeAndCount() {
        Conversation c = given.openConversation();
        List<Long> statements = statements(c, 8);
        List<Taker> takers = twoCamps(c, statements, 10);

        JsonNode result = awaitResults(c, r -> r.get("votesReflected").asLong() == 80);

        assertThat(result.get("votesReflected").asLong()).isEqualTo(80);
        assertThat(result.get("votes").asInt()).isEqualTo(80);
        assertThat(result.get("participants").asInt()).isEqualTo(10);
        assertThat(result.get("statements").asInt()).isEqualTo(8);
        assertThat(result.get("groups")).hasSize(2);
        assertThat(Instant.parse(result.get("computedAt").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(result.get("ageSeconds").asDouble()).isGreaterThanOrEqualTo(0);
        List<String> ids = new ArrayList<>();
        result.get("projection").fieldNames().forEachRemaining(ids::add);
        assertThat(ids)
                .containsExactlyInAnyOrderElementsOf(
                        takers.stream().map(t -> given.publicId(t.id())).toList());
        assertThat(result.at("/cohorts/country/JP/" + statements.getFirst() + "/agree")
                                .asInt()
                        + result.at("/cohorts/country/KR/" + statements.getFirst() + "/agree")
                                .asInt())
                .isEqualTo(5);
    }

    @Test
    void aChangedVoteAndANewParticipantReachTheResultAndTheOldResultIsServedMeanwhile() {
        Conversation c = given.openConversation();
        List<Long> statements = statements(c, 6);
        List<Taker> takers = twoCamps(c, statements, 8);
        awaitResults(c, r -> r.get("votesReflected").asLong() == 48);

        Taker changer = takers.getFirst();
        long statement = statements.getFirst();
        vote(c, changer, statement, "disagree");
        TestServer.Response during = server.get(results(c));
        Taker late = joined(c, "KR");
        for (long s : statements) {
            vote(c, late, s, "pass");
        }

        assertThat(during.status())
                .as("a result exists, so new votes never make it unavailable")
                .isEqualTo(200);
        assertThat(during.json().get("votesReflected").asLong()).isBetween(48L, 49L);
        JsonNode after = awaitResults(c, r -> r.get("votesReflected").asLong() == 55);
        assertThat(after.get("votes").asInt())
                .as("a changed vote replaces the old one")
                .isEqualTo(54);
        assertThat(after.get("participants").asInt()).isEqualTo(9);
        JsonNode jp = after.at("/cohorts/country/JP/" + statement);
        assertThat(jp.get("disagree").asInt())
                .as("the changed vote counts as a disagree")
                .isGreaterThanOrEqualTo(1);
        assertThat(after.at("/cohorts/country/KR/" + statement + "/pass").asInt())
                .isEqualTo(1);
    }

    @Test
    void leavesPendingAndRejectedStatementsOutOfTheMath() {
        Conversation c = given.openConversation();
        List<Long> statements = statements(c, 4);
        long later = given.statement(c, "A statement moderated out after votes");
        twoCamps(c, statements, 4);
        Taker t = joined(c, "JP");
        vote(c, t, later, "agree");
        given.jdbi.useHandle(h -> h.execute("UPDATE statement SET moderation_state = 'rejected' WHERE id = ?", later));
        given.statement(c, "Waiting for a moderator", "en", "pending");

        JsonNode result = awaitResults(
                c,
                r -> r.get("votesReflected").asLong() == 17
                        && r.get("statements").asInt() == 4);

        assertThat(result.get("statements").asInt()).isEqualTo(4);
        assertThat(result.get("votes").asInt()).isEqualTo(16);
        assertThat(result.get("bridging").findValuesAsText("statement")).doesNotContain(String.valueOf(later));
    }

    @Test
    void participantsOnlyResultsAdmitItsParticipantsAndItsStaff() {
        Conversation c = given.conversation("open", "post", true, "participants");
        List<Long> statements = statements(c, 2);
        Taker member = twoCamps(c, statements, 2).getFirst();
        var organizer = given.person(Role.ORGANIZER, c, "organizer");
        var moderator = given.person(Role.MODERATOR, c, "moderator");
        var translator = given.person(Role.TRANSLATOR, c, "translator");

        assertThat(server.get(results(c), member.bearer()).status()).isEqualTo(200);
        assertThat(server.get(results(c), organizer.bearer()).status()).isEqualTo(200);
        assertThat(server.get(results(c), moderator.bearer()).status())
                .as("its moderator")
                .isEqualTo(200);
        assertThat(server.get(results(c), translator.bearer()).status())
                .as("its translator")
                .isEqualTo(200);
    }

    @Test
    void participantsOnlyResultsRefuseAnonymousReadersWith401AndOtherAccountsWith403() {
        Conversation c = given.conversation("open", "post", true, "participants");
        Taker outsider = joined(given.openConversation(), "US");
        var otherModerator = given.person(Role.MODERATOR, given.openConversation(), "moderator");

        TestServer.Response anonymous = server.get(results(c));
        TestServer.Response otherParticipant = server.get(results(c), outsider.bearer());
        TestServer.Response otherStaff = server.get(results(c), otherModerator.bearer());

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("type").asText()).endsWith("/results-for-participants");
        assertThat(otherParticipant.status())
                .as("another conversation's participant")
                .isEqualTo(401);
        assertThat(otherStaff.status()).as("another conversation's moderator").isEqualTo(403);
        assertThat(otherStaff.json().get("type").asText()).endsWith("/results-for-participants");
    }

    @Test
    void organizersOnlyResultsRefuseParticipantsAndModerators() {
        Conversation c = given.conversation("open", "post", true, "organizers");
        Taker member = twoCamps(c, statements(c, 2), 2).getFirst();
        var organizer = given.person(Role.ORGANIZER, c, "organizer");
        var moderator = given.person(Role.MODERATOR, c, "moderator");
        var otherOrganizer = given.person(Role.ORGANIZER, given.openConversation(), "organizer");

        TestServer.Response ownModerator = server.get(results(c), moderator.bearer());
        TestServer.Response allowed = server.get(results(c), organizer.bearer());

        assertThat(server.get(results(c)).status()).isEqualTo(401);
        assertThat(server.get(results(c), member.bearer()).status())
                .as("a participant is no organizer")
                .isEqualTo(401);
        assertThat(ownModerator.status()).as("its moderator is no organizer").isEqualTo(403);
        assertThat(ownModerator.json().get("type").asText()).endsWith("/results-for-organizers");
        assertThat(server.get(results(c), otherOrganizer.bearer()).status()).isEqualTo(403);
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.json().get("votesReflected").asLong()).isBetween(0L, 4L);
    }

    @Test
    void answers404ForAnUnknownConversation() {
        TestServer.Response r = server.get("/api/v1/conversations/987654321/results");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("type").asText()).endsWith("/conversation-not-found");
    }

    @Test
    void aDraftsResultsDoNotExistAndAnArchivedOnesAreGoneExceptForItsStaff() {
        Conversation draft = given.conversation("draft", "post", true, "public");
        Conversation archived = given.conversation("archived", "post", true, "public");
        var organizer = given.person(Role.ORGANIZER, archived, "organizer");

        var draftForAnyone = server.get(results(draft));
        var draftTallies = server.get("/api/v1/conversations/" + draft.id() + "/tallies");
        var archivedForAnyone = server.get(results(archived));
        var archivedForItsOrganizer = server.get(results(archived), organizer.bearer());

        assertThat(draftForAnyone.status()).isEqualTo(404);
        assertThat(draftForAnyone.json().get("type").asText()).endsWith("/conversation-not-found");
        assertThat(draftTallies.status()).isEqualTo(404);
        assertThat(archivedForAnyone.status()).isEqualTo(410);
        assertThat(archivedForAnyone.json().get("type").asText()).endsWith("/conversation-archived");
        assertThat(archivedForItsOrganizer.status()).isEqualTo(200);
    }

    @Test
    void anEmptyConversationHasAnEmptyButValidResult() {
        Conversation c = given.openConversation();

        TestServer.Response r = server.get(results(c));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("participants").asInt()).isZero();
        assertThat(r.json().get("votesReflected").asLong()).isZero();
        assertThat(r.json().get("groups")).isEmpty();
    }

    @Test
    void answers503WhileThePoolIsSaturatedAndNoResultExistsThenRecovers() throws Exception {
        // One worker and four queue places. Eight conversations nobody has analysed; while another
        // transaction holds vote_event exclusively, every first load blocks: five computations
        // fill the pool, the other three are refused.
        List<Conversation> conversations = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Conversation c = given.openConversation();
            given.statement(c, "Saturation " + i);
            conversations.add(c);
        }
        try (TestServer oneWorker = TestServer.start(db, new AppConfig(0, 1, false, 64 * 1024, false));
                Handle lock = given.jdbi.open();
                ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            lock.begin();
            lock.execute("LOCK TABLE vote_event IN ACCESS EXCLUSIVE MODE");
            List<CompletableFuture<TestServer.Response>> answers = conversations.stream()
                    .map(c -> CompletableFuture.supplyAsync(() -> oneWorker.get(results(c)), clients))
                    .toList();
            eventually(
                    DEADLINE,
                    () -> answers.stream().filter(CompletableFuture::isDone).count(),
                    done -> done >= 3);
            List<TestServer.Response> refused = answers.stream()
                    .filter(CompletableFuture::isDone)
                    .map(CompletableFuture::join)
                    .toList();
            lock.rollback();

            assertThat(refused).hasSize(3).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(503);
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.json().get("type").asText()).endsWith("/analysis-busy");
                assertThat(r.header("Retry-After")).isEqualTo("2");
            });
            List<TestServer.Response> all =
                    answers.stream().map(CompletableFuture::join).toList();
            assertThat(all.stream().filter(r -> r.status() == 200))
                    .as("the five computations the pool took")
                    .hasSize(5);
            for (Conversation c : conversations) {
                TestServer.Response r =
                        eventually(DEADLINE, () -> oneWorker.get(results(c)), answer -> answer.status() == 200);
                assertThat(r.status())
                        .as("refused computations run once workers free up")
                        .isEqualTo(200);
            }
        }
    }
}
