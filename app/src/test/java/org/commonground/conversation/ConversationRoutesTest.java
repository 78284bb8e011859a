package org.commonground.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonground.testing.ServerTest;
import org.commonground.testing.TestAccounts.Caller;
import org.commonground.testing.TestServer.Response;
import org.junit.jupiter.api.Test;

class ConversationRoutesTest extends ServerTest {

    static Map<String, Object> conversation(String enTitle) {
        return Map.of(
                "texts",
                Map.of(
                        "en",
                        Map.of("title", enTitle, "description", "Why we talk"),
                        "ja",
                        Map.of("title", "日韓で一緒に何をすべきか")));
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
        assertThat(ko.json().get("language").asText())
                .as("no Korean text: falls back to English")
                .isEqualTo("en");
        assertThat(ko.json().get("title").asText()).isEqualTo("Common ground");
        assertThat(ko.json().get("availableLanguages").toString()).isEqualTo("[\"ja\",\"en\"]");
        assertThat(ko.json().has("ownerId"))
                .as("public view has no staff fields")
                .isFalse();
    }

    @Test
    void draftIsNotFoundForAnonymousReaders() {
        Caller organizer = given.organizer();
        long id = create(organizer, conversation("Draft"));

        assertThat(server.get("/api/v1/conversations/" + id).status()).isEqualTo(404);
        assertThat(server.get("/api/v1/conversations/" + id, organizer.auth()).status())
                .isEqualTo(200);
        assertThat(server.get("/api/v1/conversations/" + id, given.organizer().auth())
                        .status())
                .as("another organizer is not staff of this draft")
                .isEqualTo(404);
    }

    @Test
    void organizerSeedsAStatementAcceptedAtOnce() {
        Caller organizer = given.organizer();
        long id = create(organizer, conversation("Seeds"));

        Response r = server.postJson(
                "/api/v1/conversations/" + id + "/seeds", Map.of("text", "  한일 청소년 교류를 늘려야 한다  "), organizer.auth());

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("text").asText()).isEqualTo("한일 청소년 교류를 늘려야 한다");
        assertThat(r.json().get("lang").asText()).isEqualTo("ko");
        assertThat(r.json().get("moderationState").asText()).isEqualTo("accepted");
    }

    @Test
    void nearDuplicateSeedIsRefusedPointingToTheExistingStatement() {
        Caller organizer = given.organizer();
        long id = create(organizer, conversation("Duplicates"));
        long first = server.postJson(
                        "/api/v1/conversations/" + id + "/seeds",
                        Map.of("text", "Student exchanges should double."),
                        organizer.auth())
                .json()
                .get("id")
                .asLong();

        Response r = server.postJson(
                "/api/v1/conversations/" + id + "/seeds",
                Map.of("text", "ＳＴＵＤＥＮＴ exchanges   should double!!"),
                organizer.auth("Accept-Language", "ko"));

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("type").asText()).endsWith("/statement-duplicate");
        assertThat(r.json().at("/existing/id").asLong()).isEqualTo(first);
        assertThat(r.json().at("/existing/text").asText()).isEqualTo("Student exchanges should double.");
        assertThat(r.json().get("detail").asText()).contains("의견");
    }

    @Test
    void listShowsOpenConversationsToEveryoneAndDraftsToTheirStaff() {
        Caller organizer = given.organizer();
        long draft = create(organizer, conversation("Only mine"));
        long open = create(organizer, conversation("Everyone's"));
        move(organizer, open, "open");

        List<Long> anonymous = server.get("/api/v1/conversations").json().findValuesAsText("id").stream()
                .map(Long::valueOf)
                .toList();
        List<Long> mine = server.get("/api/v1/conversations", organizer.auth()).json().findValuesAsText("id").stream()
                .map(Long::valueOf)
                .toList();

        assertThat(anonymous).contains(open).doesNotContain(draft);
        assertThat(mine).contains(open, draft);
    }

    @Test
    void organizerChangesSettingsAndTextsAndAbsentFieldsStay() {
        Caller organizer = given.organizer();
        long id = create(organizer, conversation("Settings"));

        Response r = server.send(
                "PATCH",
                "/api/v1/conversations/" + id,
                "{\"moderationMode\":\"pre\",\"texts\":{\"ko\":{\"title\":\"설정\"}}}",
                organizer.auth("Content-Type", "application/json"));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("moderationMode").asText()).isEqualTo("pre");
        assertThat(r.json().get("resultsVisibility").asText()).isEqualTo("public");
        assertThat(r.json().get("texts").properties())
                .extracting(Map.Entry::getKey)
                .containsExactly("ko");
    }

    @Test
    void organizerReplacesTheCohortsOfADraft() {
        Caller organizer = given.organizer();
        long id = create(organizer, conversation("Cohorts"));

        Response r = server.putJson(
                "/api/v1/conversations/" + id + "/cohorts",
                Map.of(
                        "cohorts",
                        List.of(Map.of("name", "country", "values", List.of("JP", "KR"), "fixedByInvite", true))),
                organizer.auth());

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("cohorts")).hasSize(1);
        assertThat(r.json().at("/cohorts/0/fixedByInvite").asBoolean()).isTrue();
    }

    @Test
    void organizerAssignsAndRemovesStaffWhoThenActOnTheConversation() {
        Caller organizer = given.organizer();
        Caller coOrganizer = given.organizer();
        Caller translator = given.translator();
        long id = create(organizer, conversation("Staff"));

        Response added = server.postJson(
                "/api/v1/conversations/" + id + "/members",
                Map.of("accountId", coOrganizer.id(), "role", "organizer"),
                organizer.auth());
        server.postJson(
                "/api/v1/conversations/" + id + "/members",
                Map.of("accountId", translator.id(), "role", "translator"),
                organizer.auth());
        Response seededByCoOrganizer = server.postJson(
                "/api/v1/conversations/" + id + "/seeds", Map.of("text", "Co-organized"), coOrganizer.auth());
        Response removed = server.send(
                "DELETE",
                "/api/v1/conversations/" + id + "/members/" + coOrganizer.id() + "/organizer",
                null,
                organizer.auth());
        Response afterRemoval = server.postJson(
                "/api/v1/conversations/" + id + "/seeds", Map.of("text", "No longer"), coOrganizer.auth());

        assertThat(added.status()).isEqualTo(201);
        assertThat(seededByCoOrganizer.status()).isEqualTo(201);
        assertThat(removed.status()).isEqualTo(204);
        assertThat(afterRemoval.status()).isEqualTo(403);
        assertThat(server.get("/api/v1/conversations/" + id + "/members", organizer.auth())
                        .json()
                        .findValuesAsText("role"))
                .containsExactly("translator");
        assertThat(server.get("/api/v1/conversations/" + id + "/settings", organizer.auth())
                        .json()
                        .at("/members/0/email")
                        .asText())
                .isEqualTo(translator.email());
    }

    /** The organizer gives the account a role, with {@code languages} unless null; {@code headers} go along. */
    static Response addMember(
            Caller organizer, long id, Caller account, String role, List<String> languages, String... headers) {
        Map<String, Object> body = new HashMap<>(Map.of("accountId", account.id(), "role", role));
        if (languages != null) {
            body.put("languages", languages);
        }
        return server.postJson("/api/v1/conversations/" + id + "/members", body, organizer.auth(headers));
    }

    @Test
    void organizerGivesATranslatorTheirLanguagesAndChangesThemLater() {
        Caller organizer = given.organizer();
        Caller translator = given.translator();
        long id = create(organizer, conversation("Languages"));

        Response added = addMember(organizer, id, translator, "translator", List.of("ko", "en"));
        Response changed = addMember(organizer, id, translator, "translator", List.of("ja"));
        Response addedAgainWithoutLanguages = addMember(organizer, id, translator, "translator", null);

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().at("/0/languages").toString()).isEqualTo("[\"ko\",\"en\"]");
        assertThat(changed.json().at("/0/languages").toString()).isEqualTo("[\"ja\"]");
        assertThat(addedAgainWithoutLanguages.json().at("/0/languages").toString())
                .isEqualTo("[\"ja\"]");
    }

    @Test
    void aTranslatorAddedWithoutLanguagesTranslatesIntoAllThree() {
        Caller organizer = given.organizer();
        long id = create(organizer, conversation("Default languages"));
        addMember(organizer, id, given.moderator(), "moderator", null);

        Response added = addMember(organizer, id, given.translator(), "translator", null);

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().findValuesAsText("role")).containsExactly("moderator", "translator");
        assertThat(added.json().at("/0/languages")).isEmpty();
        assertThat(added.json().at("/1/languages").toString()).isEqualTo("[\"ja\",\"ko\",\"en\"]");
    }

    @Test
    void refusesLanguagesThatAreUnknownEmptyOrGivenToAnotherRole() {
        Caller organizer = given.organizer();
        Caller translator = given.translator();
        long id = create(organizer, conversation("Bad languages"));

        Response unknown =
                addMember(organizer, id, translator, "translator", List.of("ko", "fr"), "Accept-Language", "ja");
        Response empty = addMember(organizer, id, translator, "translator", List.of());
        Response forModerator = addMember(organizer, id, given.moderator(), "moderator", List.of("ko"));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().get("type").asText()).endsWith("/unknown-language");
        assertThat(unknown.json().get("detail").asText()).contains("「fr」", "ja、ko、en");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().at("/errors/0/code").asText()).isEqualTo("member.languages.empty");
        assertThat(forModerator.status()).isEqualTo(422);
        assertThat(forModerator.json().at("/errors/0/code").asText()).isEqualTo("member.languages.translators-only");
        assertThat(server.get("/api/v1/conversations/" + id + "/members", organizer.auth())
                        .json())
                .isEmpty();
    }

    @Test
    void archivedConversationIsGoneForReadersButNotForItsOrganizer() {
        Caller organizer = given.organizer();
        long id = create(organizer, conversation("Archive"));
        move(organizer, id, "open");
        move(organizer, id, "closed");
        move(organizer, id, "archived");

        assertThat(server.get("/api/v1/conversations/" + id).status()).isEqualTo(410);
        assertThat(server.get("/api/v1/conversations/" + id, organizer.auth())
                        .json()
                        .get("state")
                        .asText())
                .isEqualTo("archived");
    }
}
