package org.commonground.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.testing.Eventually.eventually;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonground.participation.Participants;
import org.commonground.testing.ParticipationGiven.Conversation;
import org.commonground.testing.ParticipationServerTest;
import org.commonground.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Every output a non-staff reader gets (results JSON, CSV and pages, the participant API and
 * pages, the download of one's data) names participants by their pseudonym in the conversation:
 * no platform-wide participant id and no external (Pol.is) id appears in any of them, and one
 * person's pseudonyms in two conversations differ.
 */
class PublicOutputsNameParticipantsByPseudonymTest extends ParticipationServerTest {
    /** A numeric external id, as Pol.is imports and embedding sites give: never exported verbatim. */
    static final String EXTERNAL_ID = "90817263544";

    record Joined(String token, String pseudonym) {
        String[] bearer() {
            return new String[] {"Authorization", "Bearer " + token};
        }

        String[] cookie(Conversation c) {
            return new String[] {"Cookie", Participants.cookieName(c.id()) + "=" + token};
        }
    }

    @Test
    void noPublicOutputCarriesAPlatformWideOrExternalParticipantId() {
        // Ids far from every count, statement id and time on the pages, so a stray one shows by its digits.
        given.jdbi.useHandle(
                h -> h.execute("SELECT setval('participant_id_seq', 7300000000 + (random() * 1000000)::bigint)"));
        Conversation a = given.openConversation();
        Conversation b = given.openConversation();
        List<Long> statements = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            statements.add(given.statement(a, "Exchange programme number " + s + " should be funded"));
        }
        long inB = given.statement(b, "Textbooks should be written together");
        Map<String, String> bodies = new LinkedHashMap<>();
        List<Joined> people = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
            Map<String, Object> join = new LinkedHashMap<>();
            join.put("cohorts", Map.of("country", p % 2 == 0 ? "JP" : "KR"));
            join.put("language", "en");
            if (p == 3) {
                join.put("externalId", EXTERNAL_ID);
            }
            TestServer.Response r = server.postJson(participants(a), join);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            bodies.put("join " + p, r.body());
            Joined j = new Joined(
                    r.json().get("token").asText(), r.json().get("participant").asText());
            people.add(j);
            for (int s = 0; s < statements.size(); s++) {
                vote(a, j, statements.get(s), (s < 3) == (p < 4) ? "agree" : "disagree");
            }
        }
        Joined you = people.getFirst();
        TestServer.Response inOther =
                server.postJson(participants(b), Map.of("cohorts", Map.of("country", "JP"), "language", "en"));
        Joined youInB = new Joined(
                inOther.json().get("token").asText(),
                inOther.json().get("participant").asText());
        vote(b, youInB, inB, "agree");
        JsonNode results = awaitResults(a, 48);
        awaitResults(b, 1);

        String api = "/api/v1/conversations/" + a.id();
        String page = "/c/" + a.id();
        bodies.put("results API", get(api + "/results"));
        bodies.put("tallies API", get(api + "/tallies"));
        bodies.put("results.json", get(page + "/results.json"));
        bodies.put("results.csv", get(page + "/results.csv"));
        bodies.put("results page", get(page + "/results"));
        bodies.put("results page as participant", get(page + "/results", you.cookie(a)));
        bodies.put("you page", get(page + "/you", you.cookie(a)));
        bodies.put("my votes page", get(page + "/my-votes", you.cookie(a)));
        bodies.put("vote page", get(page + "/vote", you.cookie(a)));
        bodies.put("landing page", get(page, you.cookie(a)));
        bodies.put("privacy page", get(page + "/privacy", you.cookie(a)));
        bodies.put("participant API", get(api + "/participants/me", you.bearer()));
        bodies.put("next statement API", get(api + "/next", you.bearer()));
        bodies.put("privacy API", get(api + "/privacy"));
        bodies.put(
                "own data API", get(api + "/participants/me/data", people.get(3).bearer()));
        bodies.put(
                "own data download", get(page + "/you/data.json", people.get(3).cookie(a)));
        bodies.put("results API of B", get("/api/v1/conversations/" + b.id() + "/results"));

        List<String> internalIds = given.jdbi.withHandle(h -> h.createQuery("SELECT id::text FROM participant")
                .mapTo(String.class)
                .list());
        assertThat(internalIds).hasSize(9).allSatisfy(id -> assertThat(id).hasSize(10));
        bodies.forEach((surface, body) -> {
            for (String id : internalIds) {
                assertThat(body).as(surface + " names participant " + id).doesNotContain(id);
            }
            assertThat(body).as(surface + " carries the external id").doesNotContain(EXTERNAL_ID);
        });

        Set<String> pseudonyms = new HashSet<>();
        people.forEach(p -> pseudonyms.add(p.pseudonym()));
        assertThat(pseudonyms).hasSize(8).allSatisfy(p -> assertThat(p).matches("[0-9a-f]{16}"));
        Set<String> onTheMap = new HashSet<>();
        results.get("projection").fieldNames().forEachRemaining(onTheMap::add);
        assertThat(onTheMap).as("the map's participants, by pseudonym").isEqualTo(pseudonyms);
        Set<String> grouped = new HashSet<>();
        results.get("groups").forEach(g -> g.get("participants").forEach(m -> grouped.add(m.asText())));
        assertThat(grouped).isEqualTo(pseudonyms);
        assertThat(youInB.pseudonym()).as("one person, two conversations").isNotEqualTo(you.pseudonym());
        assertThat(bodies.get("results API of B")).contains(youInB.pseudonym()).doesNotContain(you.pseudonym());
        assertThat(bodies.get("participant API")).contains(you.pseudonym());
        assertThat(bodies.get("own data API")).contains(people.get(3).pseudonym());
    }

    private static String participants(Conversation c) {
        return "/api/v1/conversations/" + c.id() + "/participants";
    }

    private static void vote(Conversation c, Joined j, long statement, String value) {
        TestServer.Response r = server.postJson(
                "/api/v1/conversations/" + c.id() + "/votes",
                Map.of("statementId", statement, "value", value),
                j.bearer());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private static String get(String path, String... headers) {
        TestServer.Response r = server.get(path, headers);
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    static JsonNode awaitResults(Conversation c, long votes) {
        TestServer.Response r = eventually(
                Duration.ofSeconds(30),
                () -> server.get("/api/v1/conversations/" + c.id() + "/results"),
                answer -> answer.status() == 200
                        && answer.json().get("votesReflected").asLong() == votes);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
