package org.commonground.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.testing.Eventually.eventually;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.commonground.account.Role;
import org.commonground.conversation.Invites;
import org.commonground.participation.Join;
import org.commonground.participation.Participants;
import org.commonground.testing.ParticipationGiven;
import org.commonground.testing.ParticipationGiven.Conversation;
import org.commonground.testing.TestDatabase;
import org.commonground.testing.TestServer;
import org.commonground.web.Language;

/**
 * Results never answer 5xx for the shape of the data: for random conversations (participants who
 * skip the optional cohort questions, no votes, one participant, all passes, statements rejected
 * after votes, pending ones, Hangul, kana, CJK and emoji texts) every results surface — the page,
 * its htmx fragment, "where you stand", the CSV and JSON downloads and the API's results and
 * tallies — answers 2xx, and none shows a moderated-out statement. One server for all tries, a
 * fresh conversation per try.
 */
class ResultsShapesProperties {
    private static final List<String> FRAGMENTS = List.of(
            "a",
            "Z",
            "7",
            " ",
            ",",
            "한국",
            "日本語",
            "カタカナ",
            "中文",
            "é",
            "e\u0301",
            "😀",
            "👩‍👩‍👧",
            "—",
            "　",
            "ß",
            "Ω",
            "-",
            "=");
    private static final List<String> COUNTRIES = List.of("JP", "KR", "US", "other");
    private static final List<String> ROLES = List.of("student", "journalist", "other");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static TestDatabase db;
    private static TestServer server;
    private static ParticipationGiven given;
    private static int seq;

    /** What happens to a statement: accepted, left pending, or accepted, voted on and then rejected. */
    enum Fate {
        ACCEPTED,
        PENDING,
        REJECTED_AFTER_VOTES
    }

    /** How a participant votes on each statement offered. */
    enum Voting {
        MIXED,
        ALL_PASS,
        NONE
    }

    /** A participant: country and role, either {@code null} for a skipped cohort question. */
    record Taker(String country, String role, Voting voting, long seed) {}

    record Shape(List<String> texts, List<Fate> fates, List<Taker> takers) {}

    @BeforeContainer
    static void start() {
        db = TestDatabase.embedded();
        server = TestServer.start(db);
        given = new ParticipationGiven(db);
    }

    @AfterContainer
    static void stop() {
        try {
            server.close();
        } finally {
            db.close();
        }
    }

    @Property(tries = 20)
    void everyResultsSurfaceAnswers2xxWithoutModeratedOutTexts(@ForAll("shapes") Shape shape) {
        check(shape);
    }

    /** Finding 3 of issue 8: one participant who skipped the cohort question broke the page (500 in MapView.of). */
    @Example
    void oneParticipantWithoutCohortsGetsTheReportAndWhereTheyStand() {
        check(new Shape(
                List.of("日本語 and 한국 text", "Second 😀 statement"),
                List.of(Fate.ACCEPTED, Fate.ACCEPTED),
                List.of(new Taker(null, null, Voting.MIXED, 1))));
    }

    private static void check(Shape shape) {
        Conversation c = given.openConversation();
        String mark = "T" + (++seq) + "x";
        List<Long> ids = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        for (int i = 0; i < shape.texts().size(); i++) {
            String text = mark + i + " " + shape.texts().get(i);
            Fate fate = shape.fates().get(i);
            ids.add(given.statement(c, text, "en", fate == Fate.PENDING ? "pending" : "accepted"));
            if (fate != Fate.ACCEPTED) {
                hidden.add(text);
            }
        }
        List<Join.Joined> joined = new ArrayList<>();
        for (Taker t : shape.takers()) {
            Map<String, String> cohorts = new HashMap<>();
            if (t.country() != null) {
                cohorts.put("country", t.country());
            }
            if (t.role() != null) {
                cohorts.put("role", t.role());
            }
            Join.Joined j = new Join(given.jdbi, Invites.over(given.jdbi))
                    .join(c.id(), new Join.JoinRequest(cohorts, null, null, "en"), Language.EN);
            joined.add(j);
            java.util.Random random = new java.util.Random(t.seed());
            for (int i = 0; i < ids.size(); i++) {
                if (shape.fates().get(i) == Fate.PENDING || t.voting() == Voting.NONE) {
                    continue;
                }
                String value = t.voting() == Voting.ALL_PASS
                        ? "pass"
                        : List.of("agree", "disagree", "pass").get(random.nextInt(3));
                var vote = server.postJson(
                        "/api/v1/conversations/" + c.id() + "/votes",
                        Map.of("statementId", ids.get(i), "value", value),
                        "Authorization",
                        "Bearer " + j.token());
                assertThat(vote.status()).as(vote.body()).isEqualTo(201);
            }
        }
        var moderator = given.person(Role.MODERATOR, c, "moderator");
        for (int i = 0; i < ids.size(); i++) {
            if (shape.fates().get(i) == Fate.REJECTED_AFTER_VOTES) {
                var decision = server.postJson(
                        "/api/v1/conversations/" + c.id() + "/statements/" + ids.get(i) + "/moderation",
                        Map.of("decision", "reject", "reason", "test"),
                        moderator.bearer());
                assertThat(decision.status()).as(decision.body()).isEqualTo(200);
            }
        }
        long accepted = shape.fates().stream().filter(f -> f == Fate.ACCEPTED).count();
        String api = "/api/v1/conversations/" + c.id();
        var latest = eventually(
                WAIT,
                () -> server.get(api + "/results"),
                r -> r.status() == 200 && r.json().get("statements").asLong() == accepted);
        assertThat(latest.status()).as(latest.body()).isEqualTo(200);

        List<String[]> requests = new ArrayList<>();
        for (String lang : List.of("en", "ja", "ko")) {
            String q = "?lang=" + lang;
            requests.add(new String[] {"/c/" + c.id() + "/results" + q, "Accept", "text/html"});
            requests.add(new String[] {"/c/" + c.id() + "/results" + q, "HX-Request", "true"});
            requests.add(new String[] {"/c/" + c.id() + "/results.csv" + q});
            requests.add(new String[] {"/c/" + c.id() + "/results.json" + q});
            requests.add(new String[] {api + "/results" + q});
            requests.add(new String[] {api + "/tallies" + q});
            for (Join.Joined j : joined) {
                requests.add(new String[] {
                    "/c/" + c.id() + "/you" + q,
                    "Accept",
                    "text/html",
                    "Cookie",
                    Participants.cookieName(c.id()) + "=" + j.token()
                });
                requests.add(new String[] {
                    "/c/" + c.id() + "/results" + q,
                    "Accept",
                    "text/html",
                    "Cookie",
                    Participants.cookieName(c.id()) + "=" + j.token()
                });
            }
        }
        for (String[] request : requests) {
            String path = request[0];
            String[] headers = java.util.Arrays.copyOfRange(request, 1, request.length);
            TestServer.Response r = server.get(path, headers);

            assertThat(r.status())
                    .as(path + " " + String.join(" ", headers) + ": " + r.body())
                    .isBetween(200, 299);
            for (String text : hidden) {
                assertThat(r.body())
                        .as(path + " shows a moderated-out statement")
                        .doesNotContain(text);
            }
        }
    }

    @Provide
    Arbitrary<Shape> shapes() {
        Arbitrary<String> text =
                Arbitraries.of(FRAGMENTS).list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("", l));
        Arbitrary<Taker> taker = Combinators.combine(
                        Arbitraries.of(COUNTRIES).injectNull(0.4),
                                Arbitraries.of(ROLES).injectNull(0.5),
                        Arbitraries.of(Voting.class), Arbitraries.longs())
                .as(Taker::new);
        return Arbitraries.integers()
                .between(0, 5)
                .flatMap(n -> Combinators.combine(
                                text.list().ofSize(n),
                                Arbitraries.of(Fate.class).list().ofSize(n),
                                taker.list().ofMinSize(0).ofMaxSize(6))
                        .as(Shape::new));
    }
}
