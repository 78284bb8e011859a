package org.commonground.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.commonground.testing.TestAccounts;
import org.commonground.testing.TestAccounts.Caller;
import org.commonground.testing.ServerTest;
import org.commonground.testing.TestServer;
import org.commonground.testing.TestServer.Response;
import org.junit.jupiter.api.Test;

class ConversationRoutesTest extends ServerTest {

    static Map<String, Object> conversation(String enTitle) {
        return Map.of("texts", Map.of("en", Map.of("title", enTitle, "description", "Why we talk"),
                "ja", Map.of("title", "日韓で一緒に何をすべきか")));
    }

    static long create(Caller organizer, Map<String, Object> body) {
        Response r = server.postJson("/api/v1/conversations", body, organizer.auth());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static void move(Caller organizer, long id, String state) {
        Response r = server.putJson("/api/v1/conversations/" + id + "/state", Map.of("state", state), organizer.auth());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void organizerCreatesAConversationWithDefaultCohorts() {
        Caller organizer = given.organizer();

        Response r = server.postJson("/api/v1/conversations", conversation("Common ground"), organizer.auth());

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        var json = r.json();
        assertThat(json.get("state").asText()).isEqualTo("draft");
        assertThat(json.get("moderationMode").asText()).isEqualTo("post");
        assertThat(json.get("resultsVisibility").asText()).isEqualTo("public");
        assertThat(json.get("ownerId").asLong()).isEqualTo(organizer.id());
        assertThat(json.at("/texts/ja/title").asText()).isEqualTo("日韓で一緒に何をすべきか");
        assertThat(json.at("/cohorts/0/name").asText()).isEqualTo("country");
        assertThat(json.at("/cohorts/0/values").toString()).isEqualTo("[\"JP\",\"KR\",\"US\",\"other\"]");
        assertThat(json.at("/cohorts/1/name").asText()).isEqualTo("role");
        assertThat(json.at("/cohorts/1/values")).hasSize(7);
    }

    @Test
    void readerGetsTheirLanguageAndTheLanguagesAvailable() {
        Caller organizer = given.organizer();
        long id = create(organizer, conversation("Common ground"));
        move(organizer, id, "open");

        Response ja = server.get("/api/v1/conversations/" + id, "Accept-Language", "ja");
        Response ko = server.get("/api/v1/conversations/" + id + "?lang=ko");

        assertThat(ja.json().get("title").asText()).isEqualTo("日韓で一緒に何をすべきか");
        assertThat(ja.json().get("language").asText()).isEqualTo("ja");
        assertThat(ko.json().get("language").asText()).as("no Korean text: falls back to English").isEqualTo("en");
        assertThat(ko.json().get("title").asText()).isEqualTo("Common ground");
        assertThat(ko.json().get("availableLanguages").toString()).isEqualTo("[\"ja\",\"en\"]");
        assertThat(ko.json().has("ownerId")).as("public view has no staff fields").isFalse();
    }

    @Test
    void draftIsNotFoundForAnonymousReaders() {
        Caller organizer = given.organizer();
        long id = create(organizer, conversation("Draft"));

        assertThat(server.get("/api/v1/conversations/" + id).status()).isEqualTo(404);
        assertThat(server.get("/api/v1/conversations/" + id, organizer.auth()).status()).isEqualTo(200);
        assertThat(server.get("/api/v1/conversations/" + id, given.organizer().auth()).status())
                .as("another organizer is not staff of this draft").isEqualTo(404);
    }

    @Test
    void organizerSeedsAStatementAcceptedAtOnce() {
        Caller organizer = given.organizer();
        long id = create(organizer, conversation("Seeds"));

        Response r = server.postJson("/api/v1/conversations/" + id + "/seeds",
                Map.of("text", "  한일 청소년 교류를 늘려야 한다  "), organizer.auth());

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("text").asText()).isEqualTo("한일 청소년 교류를 늘려야 한다");
        assertThat(r.json().get("lang").asText()).isEqualTo("ko");
        assertThat(r.json().get("moderationState").asText()).isEqualTo("accepted");
    }

    @Test
    void nearDuplicateSeedIsRefusedPointingToTheExistingStatement() {
        Caller organizer = given.organizer();
        long id = create(organizer, conversation("Duplicates"));
        long first = server.postJson("/api/v1/conversations/" + id + "/seeds",
                Map.of("text", "Student exchanges should double."), organizer.auth()).json().get("id").asLong();

        Response r = server.postJson("/api/v1/conversations/" + id + "/seeds",
                Map.of("text", "ＳＴＵＤＥＮＴ exchanges   should double!!"), organizer.auth("Accept-Language", "ko"));

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("type").asText()).endsWith("/duplicate-statement");
        assertThat(r.json().get("existingStatementId").asLong()).isEqualTo(first);
        assertThat(r.json().get("detail").asText()).contains("거의 같은 의견");
    }

    @Test
    void listShowsOpenConversationsToEveryoneAndDraftsToTheirStaff() {
        Caller organizer = given.organizer();
        long draft = create(organizer, conversation("Only mine"));
        long open = create(organizer, conversation("Everyone's"));
        move(organizer, open, "open");

        List<Long> anonymous = server.get("/api/v1/conversations").json().findValuesAsText("id").stream().map(Long::valueOf).toList();
        List<Long> mine = server.get("/api/v1/conversations", organizer.auth()).json().findValuesAsText("id").stream().map(Long::valueOf).toList();

        assertThat(anonymous).contains(open).doesNotContain(draft);
        assertThat(mine).contains(open, draft);
    }
}
