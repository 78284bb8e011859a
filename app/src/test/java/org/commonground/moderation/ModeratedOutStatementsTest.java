package org.commonground.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.testing.Eventually.eventually;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;
import org.commonground.account.Role;
import org.commonground.participation.Participants;
import org.commonground.testing.ParticipationGiven.Conversation;
import org.commonground.testing.ParticipationGiven.Person;
import org.commonground.testing.ParticipationGiven.Taker;
import org.commonground.testing.ParticipationServerTest;
import org.commonground.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A moderator's decision holds everywhere: the text of a rejected statement (accepted first, voted
 * on with many passes, then rejected) and of a pending one, in the original and in every
 * translation, appears on no public page, fragment, download or API answer to non-staff. One test
 * per surface, in every reader language.
 */
class ModeratedOutStatementsTest extends ParticipationServerTest {
    private static final List<String> LANGUAGES = List.of("en", "ja", "ko");
    /** Every text that must never be shown: the originals and their approved translations. */
    private static final List<String> HIDDEN = List.of(
            "Rejected doxx line Qz7 lives at Elm street",
            "却下された文Qz7ja",
            "거부된문장Qz7ko",
            "Pending unreviewed line Pw3 about someone",
            "保留中の文Pw3ja",
            "보류중문장Pw3ko");

    private static Conversation c;
    private static long rejected;
    private static long pending;
    private static Taker voter;
    private static Person organizer;

    @BeforeAll
    static void rejectAStatementAfterManyPassVotes() {
        c = given.openConversation();
        organizer = given.person(Role.ORGANIZER, c, "organizer");
        Person moderator = given.person(Role.MODERATOR, c, "moderator");
        List<Long> accepted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            accepted.add(given.statement(c, "Accepted statement number " + i + " on exchanges"));
        }
        rejected = given.statement(c, HIDDEN.get(0), "en", "accepted");
        pending = given.statement(c, HIDDEN.get(3), "en", "pending");
        translate(rejected, "ja", HIDDEN.get(1));
        translate(rejected, "ko", HIDDEN.get(2));
        translate(pending, "ja", HIDDEN.get(4));
        translate(pending, "ko", HIDDEN.get(5));
        // Twelve voters, mostly passing on the soon-rejected statement: it would be "uncertain".
        for (int i = 0; i < 12; i++) {
            Taker t = given.participant(c);
            if (voter == null) {
                voter = t;
            }
            for (int s = 0; s < accepted.size(); s++) {
                vote(t, accepted.get(s), (i + s) % 2 == 0 ? "agree" : "disagree");
            }
            vote(t, rejected, i % 4 == 0 ? "agree" : "pass");
        }
        var decision = server.postJson(
                "/api/v1/conversations/" + c.id() + "/statements/" + rejected + "/moderation",
                Map.of("decision", "reject", "reason", "doxxing"),
                moderator.bearer());
        assertThat(decision.status()).as(decision.body()).isEqualTo(200);
        // The live result has caught up with the rejection: the statement left the math.
        var r = eventually(
                Duration.ofSeconds(30),
                () -> server.get("/api/v1/conversations/" + c.id() + "/results"),
                a -> a.status() == 200 && a.json().get("statements").asInt() == accepted.size());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** An approved human translation (as a translator's approved work would leave it). */
    private static void translate(long statement, String lang, String text) {
        given.jdbi.useHandle(h -> h.execute("""
                INSERT INTO translation (statement_id, lang, text, kind, state, approved_at)
                VALUES (?, ?, ?, 'human', 'approved', now())""", statement, lang, text));
    }

    private static void vote(Taker t, long statement, String value) {
        var response = server.postJson(
                "/api/v1/conversations/" + c.id() + "/votes",
                Map.of("statementId", statement, "value", value),
                t.bearer());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private static String[] cookieOf(Taker t) {
        return new String[] {"Cookie", Participants.cookieName(c.id()) + "=" + t.token()};
    }

    /** A public surface: its path (without the language) and the headers of the reader asking. */
    record Surface(String path, boolean asParticipant, String... headers) {
        TestServer.Response get(String lang) {
            String sep = path.contains("?") ? "&" : "?";
            List<String> all = new ArrayList<>(List.of(headers));
            all.addAll(List.of("Accept-Language", lang));
            if (asParticipant) {
                all.addAll(List.of(cookieOf(voter)));
                all.addAll(List.of("Authorization", "Bearer " + voter.token()));
            }
            return server.get(path + sep + "lang=" + lang, all.toArray(String[]::new));
        }
    }

    static Stream<Named<Surface>> publicSurfaces() {
        String page = "/c/" + c.id();
        String api = "/api/v1/conversations/" + c.id();
        return Stream.of(
                Named.of("results page", new Surface(page + "/results", false, "Accept", "text/html")),
                Named.of(
                        "results page as a participant who voted on it",
                        new Surface(page + "/results", true, "Accept", "text/html")),
                Named.of("results htmx fragment", new Surface(page + "/results", false, "HX-Request", "true")),
                Named.of("where you stand", new Surface(page + "/you", true, "Accept", "text/html")),
                Named.of("results.csv", new Surface(page + "/results.csv", false)),
                Named.of("results.json", new Surface(page + "/results.json", false)),
                Named.of("API results", new Surface(api + "/results", false)),
                Named.of("API tallies", new Surface(api + "/tallies", false)),
                Named.of("vote page", new Surface(page + "/vote", true, "Accept", "text/html")),
                Named.of("API next statement", new Surface(api + "/next", true)),
                Named.of("my votes", new Surface(page + "/my-votes", true, "Accept", "text/html")),
                Named.of("landing", new Surface(page, false, "Accept", "text/html")),
                Named.of("API conversation", new Surface(api, false)),
                Named.of("API conversation list", new Surface("/api/v1/conversations", false)),
                Named.of("API participant me", new Surface(api + "/participants/me", true)),
                Named.of(
                        "API similar statements (rejected)",
                        new Surface(api + "/statements/similar?text=" + encoded(HIDDEN.get(0)), true)),
                Named.of(
                        "API similar statements (pending)",
                        new Surface(api + "/statements/similar?text=" + encoded(HIDDEN.get(3)), true)),
                Named.of("API statement search", new Surface(api + "/statements/search?q=Qz7+Pw3+doxx+pending", true)),
                Named.of(
                        "similar statements fragment",
                        new Surface(page + "/similar?text=" + encoded(HIDDEN.get(0)), true, "HX-Request", "true")));
    }

    private static String encoded(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicSurfaces")
    void surfaceShowsNoModeratedOutTextInAnyLanguage(Surface surface) {
        for (String lang : LANGUAGES) {
            TestServer.Response r = surface.get(lang);

            assertThat(r.status())
                    .as(surface.path() + " in " + lang + ": " + r.body())
                    .isBetween(200, 299);
            assertThat(r.body()).as(surface.path() + " in " + lang).doesNotContain(HIDDEN);
        }
    }

    @Test
    void reportStillShowsAcceptedStatementsSoTheSurfacesAboveAreReallyRendered() {
        TestServer.Response report = server.get("/c/" + c.id() + "/results.csv?lang=en");

        assertThat(report.body()).contains("Accepted statement number 0 on exchanges");
    }

    @Test
    void votingThroughEveryStatementNeverOffersAModeratedOutOne() {
        Taker fresh = given.participant(c, "ja");
        List<String> offered = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            var next = server.get("/api/v1/conversations/" + c.id() + "/next?lang=ja", fresh.bearer());
            assertThat(next.status()).as(next.body()).isEqualTo(200);
            var statement = next.json().get("statement");
            if (statement == null || statement.isNull()) {
                break;
            }
            offered.add(statement.get("text").asText());
            vote(fresh, statement.get("id").asLong(), "pass");
        }

        assertThat(offered).hasSize(3).doesNotContainAnyElementsOf(HIDDEN);
    }

    @Test
    void staffOnlyReadsOfStatementsAndTranslationsAreRefusedToNonStaff() {
        String api = "/api/v1/conversations/" + c.id();
        for (String path : List.of(
                api + "/statements/" + rejected + "/translations",
                api + "/statements/" + pending + "/translations",
                api + "/moderation/statements?state=rejected",
                api + "/translations/missing?into=ja",
                "/moderate/c/" + c.id() + "?state=rejected",
                "/translate/c/" + c.id())) {
            TestServer.Response anonymous = server.get(path, "Accept", "text/html");
            TestServer.Response participant = server.get(path, voter.bearer());

            assertThat(anonymous.status()).as("anonymous " + path).isIn(401, 403);
            assertThat(participant.status()).as("participant " + path).isIn(401, 403);
            assertThat(anonymous.body() + participant.body()).doesNotContain(HIDDEN);
        }
    }

    @Test
    void writingTheSameTextAgainIsRefusedWithoutShowingTheModeratedOutOne() {
        Taker writer = given.participant(c);
        for (String text : List.of(HIDDEN.get(0), HIDDEN.get(3))) {
            var r = server.postJson(
                    "/api/v1/conversations/" + c.id() + "/statements",
                    Map.of("text", text, "lang", "en"),
                    writer.bearer("Accept-Language", "ja"));

            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(r.json().get("existing").has("text")).as(r.body()).isFalse();
            assertThat(r.body().replace(text, "")).doesNotContain(HIDDEN);
        }
    }

    @Test
    void polisExportKeepsModeratedOutStatementsWithTheirFlagForTheOrganizerOnly() throws Exception {
        String path = "/organize/c/" + c.id() + "/polis-export.zip";

        assertThat(server.get(path).status()).as("anonymous").isIn(401, 403);
        assertThat(server.get(path, voter.bearer()).status())
                .as("a participant")
                .isIn(401, 403);
        assertThat(server.get(path, cookieOf(voter)).status())
                .as("a participant's browser")
                .isIn(401, 403);
        String comments = zipEntry(path, "comments.csv", organizer.bearer());
        assertThat(comments).contains(HIDDEN.get(0)).contains(HIDDEN.get(3));
        assertThat(comments.lines()
                        .filter(l -> l.contains(HIDDEN.get(0)))
                        .findFirst()
                        .orElseThrow())
                .contains(",-1,");
        assertThat(comments.lines()
                        .filter(l -> l.contains(HIDDEN.get(3)))
                        .findFirst()
                        .orElseThrow())
                .contains(",0,");
    }

    private static String zipEntry(String path, String name, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().endsWith("/" + name)) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " not in the export");
    }
}
