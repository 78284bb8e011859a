package org.commonground.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.commonground.db.Database;
import org.commonground.testing.ServerTest;
import org.commonground.testing.TestAccounts.Caller;
import org.commonground.testing.TestServer.Response;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every way a request to the conversation, seed, member and invite endpoints can be wrong gets a
 * 4xx problem with a localized detail, and leaves the database as it was.
 */
class ConversationBadInputTest extends ServerTest {
    static Jdbi jdbi;
    static Caller organizer;
    static long draft;

    @BeforeAll
    static void arrange() {
        jdbi = Database.jdbi(db.dataSource());
        organizer = given.organizer();
        draft = create(organizer);
    }

    static long create(Caller owner) {
        Response r = server.postJson(
                "/api/v1/conversations", Map.of("texts", Map.of("en", Map.of("title", "Bad input"))), owner.auth());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static long rows(String table) {
        return jdbi.withHandle(h ->
                h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }

    /** A problem answer with the status, the type slug and a detail that is a real sentence, not a message key. */
    static void assertProblem(Response r, int status, String type) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("type").asText()).endsWith("/" + type);
        String detail = r.json().get("detail").asText();
        assertThat(detail).doesNotMatch("^[a-z-]+(\\.[a-z-]+)+$");
        r.json()
                .path("errors")
                .forEach(e -> assertThat(e.get("message").asText()).doesNotMatch("^[a-z-]+(\\.[a-z-]+)+$"));
    }

    static Response raw(String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return server.send(b.build());
    }

    @Test
    void malformedJsonIsABadRequestInJapanese() {
        Response r = server.postJson("/api/v1/conversations", "{\"texts\": ", organizer.auth("Accept-Language", "ja"));

        assertProblem(r, 400, "malformed-json");
        assertThat(r.json().get("detail").asText()).contains("JSON");
        assertThat(r.json().get("title").asText()).isEqualTo("不正なリクエスト");
    }

    @Test
    void bareNullUnknownFieldsAndWrongTypesAreBadRequests() {
        assertProblem(server.postJson("/api/v1/conversations", "null", organizer.auth()), 400, "malformed-json");
        assertProblem(
                server.postJson(
                        "/api/v1/conversations",
                        "{\"texts\":{\"en\":{\"title\":\"x\"}},\"owner\":1}",
                        organizer.auth()),
                400,
                "malformed-json");
        assertProblem(
                server.postJson("/api/v1/conversations", "{\"texts\":[1,2]}", organizer.auth()), 400, "malformed-json");
        assertProblem(
                server.postJson("/api/v1/conversations/" + draft + "/seeds", "", organizer.auth()),
                400,
                "malformed-json");
    }

    @Test
    void invalidUtf8IsRefusedBeforeAnythingIsStored() {
        long before = rows("conversation");
        byte[] prefix = "{\"texts\":{\"en\":{\"title\":\"caf".getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "\"}}}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 2 + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xC3;
        body[prefix.length + 1] = (byte) 0x28;
        System.arraycopy(suffix, 0, body, prefix.length + 2, suffix.length);

        Response r = raw("POST", "/api/v1/conversations", body, organizer.auth("Accept-Language", "ko"));

        assertProblem(r, 400, "invalid-encoding");
        assertThat(r.json().get("detail").asText()).contains("UTF-8");
        assertThat(rows("conversation")).isEqualTo(before);
    }

    @Test
    void invalidUtf8InASeedIsRefusedToo() {
        long before = rows("statement");
        byte[] body = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertProblem(
                raw("POST", "/api/v1/conversations/" + draft + "/seeds", body, organizer.auth()),
                400,
                "invalid-encoding");
        assertThat(rows("statement")).isEqualTo(before);
    }

    @Test
    void nulCharactersAndBrokenSurrogatesInJsonEscapesAreRefused() {
        long before = rows("statement");

        assertProblem(
                server.postJson(
                        "/api/v1/conversations/" + draft + "/seeds", "{\"text\":\"a\\u0000b\"}", organizer.auth()),
                400,
                "invalid-text");
        assertProblem(
                server.postJson(
                        "/api/v1/conversations/" + draft + "/seeds",
                        "{\"text\":\"half \\ud800 pair\"}",
                        organizer.auth()),
                400,
                "invalid-text");
        assertThat(rows("statement")).isEqualTo(before);
    }

    @Test
    void oversizeBodiesAre413WithOrWithoutContentLength() {
        String big = "{\"text\":\"" + "x".repeat(70 * 1024) + "\"}";
        Response sized = server.postJson("/api/v1/conversations/" + draft + "/seeds", big, organizer.auth());
        HttpRequest chunked = HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/api/v1/conversations/" + draft + "/seeds"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + organizer.token())
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build();

        assertProblem(sized, 413, "body-too-large");
        assertProblem(server.send(chunked), 413, "body-too-large");
    }

    @Test
    void unknownEnumCodesAre422OnTheirField() {
        Response r = server.postJson(
                "/api/v1/conversations",
                Map.of("texts", Map.of("en", Map.of("title", "x")), "moderationMode", "sometimes"),
                organizer.auth());
        Response state = server.putJson(
                "/api/v1/conversations/" + draft + "/state", Map.of("state", "deleted"), organizer.auth());
        Response noState = server.putJson("/api/v1/conversations/" + draft + "/state", Map.of(), organizer.auth());
        Response lang = server.postJson(
                "/api/v1/conversations/" + draft + "/seeds", Map.of("text", "x", "lang", "fr"), organizer.auth());

        assertProblem(r, 422, "invalid-input");
        assertThat(r.json().at("/errors/0/field").asText()).isEqualTo("moderationMode");
        assertThat(r.json().at("/errors/0/message").asText()).contains("pre, post");
        assertProblem(state, 422, "invalid-input");
        assertProblem(noState, 422, "invalid-input");
        assertProblem(lang, 422, "invalid-input");
    }

    @Test
    void lengthsAreCheckedPerFieldAndNothingIsWritten() {
        long before = rows("conversation");
        Response r = server.postJson(
                "/api/v1/conversations",
                Map.of(
                        "texts",
                        Map.of(
                                "en", Map.of("title", "t".repeat(201)),
                                "fr", Map.of("title", "Bonjour"),
                                "ja", Map.of("title", "  ", "background", "b".repeat(20_001)))),
                organizer.auth());

        assertProblem(r, 422, "invalid-input");
        assertThat(r.json().findValuesAsText("field"))
                .containsExactlyInAnyOrder("texts.en.title", "texts.fr", "texts.ja.title", "texts.ja.background");
        assertThat(rows("conversation")).isEqualTo(before);
    }

    @Test
    void aConversationNeedsATitleInSomeLanguage() {
        assertProblem(
                server.postJson("/api/v1/conversations", Map.of("texts", Map.of()), organizer.auth()),
                422,
                "invalid-input");
        assertProblem(
                server.postJson("/api/v1/conversations", Map.of("moderationMode", "pre"), organizer.auth()),
                422,
                "invalid-input");
    }

    @Test
    void badCohortsWriteNoConversation() {
        long before = rows("conversation");
        Response r = server.postJson(
                "/api/v1/conversations",
                Map.of(
                        "texts",
                        Map.of("en", Map.of("title", "x")),
                        "cohorts",
                        List.of(
                                Map.of("name", "country", "values", List.of()),
                                Map.of("name", "country", "values", List.of("a")))),
                organizer.auth());

        assertProblem(r, 422, "invalid-input");
        assertThat(r.json().findValuesAsText("field")).containsExactly("cohorts.0.values", "cohorts.1.name");
        assertThat(rows("conversation")).isEqualTo(before);
    }

    @Test
    void seedTextRules() {
        assertProblem(
                server.postJson("/api/v1/conversations/" + draft + "/seeds", Map.of("text", "   "), organizer.auth()),
                422,
                "invalid-input");
        assertProblem(
                server.postJson("/api/v1/conversations/" + draft + "/seeds", Map.of("text", "?!"), organizer.auth()),
                422,
                "invalid-input");
        Response tooLong = server.postJson(
                "/api/v1/conversations/" + draft + "/seeds",
                Map.of("text", "あ".repeat(1001)),
                organizer.auth("Accept-Language", "ja"));
        assertProblem(tooLong, 422, "invalid-input");
        assertThat(tooLong.json().at("/errors/0/message").asText()).contains("1,000");
        assertThat(server.postJson(
                                "/api/v1/conversations/" + draft + "/seeds",
                                Map.of("text", "あ".repeat(1000)),
                                organizer.auth())
                        .status())
                .as("exactly 1,000 characters is allowed")
                .isEqualTo(201);
    }

    @Test
    void unknownAndNonNumericIdsAreNotFound() {
        assertProblem(server.get("/api/v1/conversations/987654"), 404, "conversation-not-found");
        assertProblem(server.get("/api/v1/conversations/abc"), 404, "route-not-found");
        assertProblem(
                server.postJson("/api/v1/conversations/987654/seeds", Map.of("text", "x"), organizer.auth()),
                404,
                "conversation-not-found");
        assertProblem(
                server.send("DELETE", "/api/v1/conversations/" + draft + "/invites/987654", null, organizer.auth()),
                404,
                "invite-not-found");
        assertProblem(
                server.send(
                        "DELETE",
                        "/api/v1/conversations/" + draft + "/members/987654/moderator",
                        null,
                        organizer.auth()),
                404,
                "member-not-found");
        assertProblem(
                server.send("DELETE", "/api/v1/me/tokens/987654", null, organizer.auth()), 404, "token-not-found");
    }

    @Test
    void foreignInviteCannotBeRevokedThroughAnotherConversation() {
        Caller other = given.organizer();
        long theirs = create(other);
        long inviteId = server.postJson(
                        "/api/v1/conversations/" + theirs + "/invites", Map.of("label", "theirs"), other.auth())
                .json()
                .get("id")
                .asLong();

        Response r = server.send(
                "DELETE", "/api/v1/conversations/" + draft + "/invites/" + inviteId, null, organizer.auth());

        assertProblem(r, 404, "invite-not-found");
        assertThat(server.get("/api/v1/conversations/" + theirs + "/invites", other.auth())
                        .json()
                        .get(0)
                        .get("revokedAt")
                        .isNull())
                .isTrue();
    }

    @Test
    void unknownAccountCannotBecomeAMember() {
        Response r = server.postJson(
                "/api/v1/conversations/" + draft + "/members",
                Map.of("accountId", 987654, "role", "moderator"),
                organizer.auth());

        assertProblem(r, 422, "invalid-input");
        assertThat(r.json().at("/errors/0/field").asText()).isEqualTo("accountId");
    }

    @Test
    void wrongRolesAre401Or403() {
        Map<String, Object> body = Map.of("texts", Map.of("en", Map.of("title", "x")));

        assertProblem(server.postJson("/api/v1/conversations", body), 401, "unauthorized");
        assertProblem(
                server.postJson("/api/v1/conversations", body, "Authorization", "Bearer cga_forged"),
                401,
                "unauthorized");
        assertProblem(
                server.postJson("/api/v1/conversations", body, given.moderator().auth()), 403, "forbidden");
        Caller stranger = given.organizer();
        assertProblem(
                server.send(
                        "PATCH",
                        "/api/v1/conversations/" + draft,
                        "{\"participantsCanWrite\":false}",
                        stranger.auth("Content-Type", "application/json")),
                403,
                "forbidden");
        assertProblem(server.get("/api/v1/conversations/" + draft + "/invites", stranger.auth()), 403, "forbidden");
        assertProblem(server.get("/api/v1/conversations/" + draft + "/settings"), 401, "unauthorized");
        assertProblem(server.get("/api/v1/accounts", organizer.auth()), 403, "forbidden");
    }

    @Test
    void moderatorMemberMaySeeTheDraftButNotSeedOrConfigureIt() {
        Caller moderator = given.moderator();
        server.postJson(
                "/api/v1/conversations/" + draft + "/members",
                Map.of("accountId", moderator.id(), "role", "moderator"),
                organizer.auth());

        assertThat(server.get("/api/v1/conversations/" + draft, moderator.auth())
                        .status())
                .isEqualTo(200);
        assertProblem(
                server.postJson("/api/v1/conversations/" + draft + "/seeds", Map.of("text", "mine"), moderator.auth()),
                403,
                "forbidden");
        assertProblem(
                server.putJson("/api/v1/conversations/" + draft + "/state", Map.of("state", "open"), moderator.auth()),
                403,
                "forbidden");
    }

    @Test
    void closedAndArchivedConversationsRefuseWhatNoLongerFits() {
        long id = create(organizer);
        server.putJson("/api/v1/conversations/" + id + "/state", Map.of("state", "open"), organizer.auth());
        server.putJson("/api/v1/conversations/" + id + "/state", Map.of("state", "closed"), organizer.auth());

        assertProblem(
                server.postJson("/api/v1/conversations/" + id + "/seeds", Map.of("text", "late"), organizer.auth()),
                409,
                "conversation-closed");
        assertProblem(
                server.putJson("/api/v1/conversations/" + id + "/state", Map.of("state", "draft"), organizer.auth()),
                409,
                "illegal-transition");
        assertProblem(
                server.putJson(
                        "/api/v1/conversations/" + id + "/cohorts", Map.of("cohorts", List.of()), organizer.auth()),
                409,
                "cohorts-locked");
        server.putJson("/api/v1/conversations/" + id + "/state", Map.of("state", "archived"), organizer.auth());
        assertProblem(server.get("/api/v1/conversations/" + id), 410, "conversation-archived");
        assertProblem(
                server.postJson("/api/v1/conversations/" + id + "/invites", Map.of(), organizer.auth()),
                410,
                "conversation-archived");
        assertThat(server.get("/api/v1/conversations/" + id, organizer.auth()).status())
                .as("staff still read it")
                .isEqualTo(200);
    }

    @Test
    void duplicateSeedIsAConflictAndWritesNothing() {
        server.postJson(
                "/api/v1/conversations/" + draft + "/seeds",
                Map.of("text", "Energy cooperation in ASEAN"),
                organizer.auth());
        long before = rows("statement");

        assertProblem(
                server.postJson(
                        "/api/v1/conversations/" + draft + "/seeds",
                        Map.of("text", "energy cooperation in asean."),
                        organizer.auth()),
                409,
                "statement-duplicate");
        assertThat(rows("statement")).isEqualTo(before);
    }

    @Test
    void invitesRefuseBadLabelsLimitsAndCohortValues() {
        long before = rows("invite");
        Response r = server.postJson(
                "/api/v1/conversations/" + draft + "/invites",
                Map.of("label", "l".repeat(101), "maxUses", -3, "cohort", Map.of("country", "FR")),
                organizer.auth("Accept-Language", "ja"));

        assertProblem(r, 422, "invalid-input");
        assertThat(r.json().findValuesAsText("field")).containsExactlyInAnyOrder("label", "maxUses", "cohort.country");
        assertThat(r.json().toString()).contains("使えない値");
        assertThat(rows("invite")).isEqualTo(before);
    }

    @Test
    void badPagingParametersAre422() {
        assertProblem(server.get("/api/v1/conversations?limit=abc"), 422, "invalid-input");
        assertProblem(server.get("/api/v1/conversations?limit=100000"), 422, "invalid-input");
        assertProblem(server.get("/api/v1/conversations?before=-1"), 422, "invalid-input");
    }

    @Test
    void signInWithMissingFieldsIs422AndAccountCreationChecksItsInput() {
        Caller admin = given.admin();

        assertProblem(server.postJson("/api/v1/session", Map.of("email", "")), 422, "invalid-input");
        Response badAccount =
                server.postJson("/api/v1/accounts", Map.of("email", "nope", "role", "emperor"), admin.auth());
        assertProblem(badAccount, 422, "invalid-input");
        assertProblem(
                server.postJson("/api/v1/accounts", Map.of("email", "nope", "password", "short"), admin.auth()),
                422,
                "invalid-input");
        assertProblem(server.postJson("/api/v1/me/tokens", Map.of("name", ""), admin.auth()), 422, "invalid-input");
    }
}
