package org.commonground.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonground.AppConfig;
import org.commonground.account.Role;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ModerationMode;
import org.commonground.db.Database;
import org.commonground.participation.Join;
import org.commonground.participation.Vote;
import org.commonground.participation.Votes;
import org.commonground.testing.Eventually;
import org.commonground.testing.Given;
import org.commonground.testing.RunningApp;
import org.commonground.testing.TestAccounts;
import org.commonground.testing.TestAccounts.Caller;
import org.commonground.testing.TestServer;
import org.commonground.web.AbuseLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared-understanding document end to end on a real server and database, over the demo dialogue
 * (three rounds, Japan and Korea): the organizer makes a Japanese and a Korean editor; editors write a
 * section whose clause cites a statement of round 1 and save it as a version; publication is refused
 * while only Japan's editor has approved it — a problem JSON, nothing published — and goes through
 * once Korea's has too, after which anyone reads it with the latest round's support per cohort and
 * group. The language model (a local stand-in speaking the chat-completions API) drafts a section,
 * and only the citations it was given survive, in a clause nobody approved yet.
 */
class DocumentHttpTest {
    static final FakeDraftingService model = FakeDraftingService.start();

    @RegisterExtension
    static final RunningApp app = new RunningApp(
            AppConfig.defaults()
                    .withAbuseLimits(AbuseLimits.unlimited())
                    .withDrafting(DraftingSettings.parse("openai:" + model.url() + "?model=fake-drafter", "")),
            Clock.systemUTC());

    static TestServer server;
    static Caller organizer;
    static Caller japan;
    static Caller korea;
    static Caller outsider;
    static long dialogue;
    /** The demo's statements as they first appeared, in round 1. */
    static List<Long> statements;

    @BeforeAll
    static void seed() {
        server = app.server();
        TestAccounts given = new TestAccounts(app.db());
        organizer = given.create(Role.ORGANIZER);
        Caller translator = given.create(Role.TRANSLATOR);
        japan = given.create(Role.TRANSLATOR);
        korea = given.create(Role.TRANSLATOR);
        outsider = given.create(Role.TRANSLATOR);
        dialogue = DialogueFeature.seedDemo(
                Database.jdbi(app.db().dataSource()), Clock.systemUTC(), organizer.id(), translator.id());
        statements = new DialogueStore(Database.jdbi(app.db().dataSource()))
                .carried(dialogue).stream()
                        .map(DialogueStore.Carried::originStatementId)
                        .distinct()
                        .sorted()
                        .toList();
        // Every round's first analysis is done before a test reads the document's support from it.
        for (JsonNode r : server.get("/api/v1/dialogues/" + dialogue).json().get("rounds")) {
            String results = "/api/v1/conversations/" + r.get("conversationId").asLong() + "/results";
            Eventually.eventually(
                    Duration.ofSeconds(60), () -> server.get(results).status(), s -> s == 200);
        }
        TestServer.Response jp =
                server.postJson(editors(), Map.of("accountId", japan.id(), "country", "jp"), organizer.auth());
        assertThat(jp.status()).as(jp.body()).isEqualTo(201);
        TestServer.Response kr =
                server.postJson(editors(), Map.of("email", korea.email(), "country", "KR"), organizer.auth());
        assertThat(kr.status()).as(kr.body()).isEqualTo(201);
    }

    @AfterAll
    static void stopModel() {
        model.close();
    }

    static String editors() {
        return "/api/v1/dialogues/" + dialogue + "/editors";
    }

    static String document() {
        return "/api/v1/dialogues/" + dialogue + "/document";
    }

    /** A section with one clause citing {@code cites}, by {@code editor}; the section's id. */
    static long section(Caller editor, String title, List<Long> cites) {
        TestServer.Response s =
                server.postJson(document() + "/sections", Map.of("titles", Map.of("en", title)), editor.auth());
        assertThat(s.status()).as(s.body()).isEqualTo(201);
        long id = s.json().get("id").asLong();
        TestServer.Response c = server.postJson(
                document() + "/sections/" + id + "/clauses",
                Map.of("texts", Map.of("en", "We agree on " + title, "ja", title + "について合意します"), "cites", cites),
                editor.auth());
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        return id;
    }

    static int saveVersion(Caller editor) {
        TestServer.Response v = server.postJson(document() + "/versions", Map.of(), editor.auth());
        assertThat(v.status()).as(v.body()).isEqualTo(201);
        return v.json().get("number").asInt();
    }

    static TestServer.Response post(String path, Caller caller) {
        return server.postJson(path, Map.of(), caller.auth());
    }

    @Test
    void theOrganizerGrantsTheEditorRoleByCountry() {
        TestServer.Response r = server.get(editors(), organizer.auth());

        assertThat(r.status()).isEqualTo(200);
        Map<String, String> countries = new java.util.HashMap<>();
        r.json()
                .forEach(e ->
                        countries.put(e.get("email").asText(), e.get("country").asText()));
        assertThat(countries).containsEntry(japan.email(), "JP").containsEntry(korea.email(), "KR");
        assertThat(server.get(editors(), japan.auth()).status()).isEqualTo(403);
    }

    @Test
    void publishingWithJapansApprovalAloneIsRefusedAndChangesNothing() {
        section(japan, "Study abroad", List.of(statements.get(7)));
        int n = saveVersion(japan);
        assertThat(post(document() + "/versions/" + n + "/approval", japan).status())
                .isEqualTo(200);

        TestServer.Response refused = post(document() + "/versions/" + n + "/publication", japan);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.get("type").asText()).endsWith("/document-approvals-missing");
        assertThat(problem.get("detail").asText()).contains("KR").doesNotContain("JP");
        TestServer.Response asEditor = server.get(document() + "/versions/" + n, japan.auth());
        assertThat(asEditor.json().get("version").get("publishedAt").isNull()).isTrue();
        assertThat(server.get(document() + "/versions/" + n).status()).isEqualTo(404);
        assertThat(server.get(document() + "/versions").json().findValuesAsText("number"))
                .doesNotContain(String.valueOf(n));

        assertThat(post(document() + "/versions/" + n + "/approval", korea).status())
                .isEqualTo(200);
        TestServer.Response published = post(document() + "/versions/" + n + "/publication", korea);

        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("publishedAt").isNull()).isFalse();
        JsonNode read = server.get(document() + "/versions/" + n).json();
        assertThat(read.get("round").asInt()).isEqualTo(DialogueDemo.ROUNDS);
        JsonNode support = read.get("support").get(0);
        assertThat(support.get("statementId").asLong()).isEqualTo(statements.get(7));
        assertThat(support.get("latestStatementId").asLong()).isNotIn(0L, statements.get(7));
        List<String> cohorts = support.get("cohorts").findValuesAsText("name");
        assertThat(cohorts).startsWith("JP", "KR");
        for (JsonNode c : support.get("cohorts")) {
            assertThat(c.get("votes").asInt()).isPositive();
            assertThat(c.get("agreeLow").asDouble())
                    .isLessThanOrEqualTo(c.get("agreeRate").asDouble());
            assertThat(c.get("agreeHigh").asDouble())
                    .isGreaterThanOrEqualTo(c.get("agreeRate").asDouble());
        }
        assertThat(support.get("groups")).isNotEmpty();
        assertThat(read.get("differ")).isNotEmpty();
    }

    @Test
    void onlyTheDialoguesEditorsApprove() {
        section(korea, "Archives", List.of(statements.get(2)));
        int n = saveVersion(korea);

        TestServer.Response byOutsider = post(document() + "/versions/" + n + "/approval", outsider);
        TestServer.Response byOrganizer = post(document() + "/versions/" + n + "/approval", organizer);

        assertThat(byOutsider.status()).isEqualTo(403);
        assertThat(byOrganizer.status()).isEqualTo(403);
        assertThat(byOrganizer.json().get("type").asText()).endsWith("/document-approval-editors");
        assertThat(server.get(document() + "/versions/" + n, korea.auth())
                        .json()
                        .get("version")
                        .get("approvals"))
                .isEmpty();
        assertThat(post(document() + "/sections", outsider).status()).isEqualTo(403);
    }

    @Test
    void aClauseCitesOnlyStatementsOfTheDialogue() {
        TestServer.Response s =
                server.postJson(document() + "/sections", Map.of("titles", Map.of("ko", "교육")), korea.auth());
        long section = s.json().get("id").asLong();

        TestServer.Response r = server.postJson(
                document() + "/sections/" + section + "/clauses",
                Map.of("texts", Map.of("ko", "함께 배웁니다"), "cites", List.of(statements.get(0), 999_999_999L)),
                korea.auth());

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").findValuesAsText("field")).containsExactly("cites");
    }

    /**
     * A one-round dialogue planted for drafting: 30 people in Japan and 30 in Korea all agree that
     * exchanges should double (common ground in every cohort and group, whatever the groups), and split
     * by country on the other two statements. Japan's editor edits it too. Its id and the agreed statement.
     */
    static long[] plantedDialogue() {
        Given world = new Given(app.db());
        Conversation c = world.openConversation(
                organizer.account(),
                ModerationMode.POST,
                "Planted for drafting",
                List.of(
                        "Student exchanges between Japan and Korea should double",
                        "The 2015 agreement settled the matter",
                        "Companies should pay compensation directly"));
        List<Long> ids = world.statementIds(c);
        List<Votes.BatchVote> votes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            for (String country : List.of("JP", "KR")) {
                Join.Joined p = world.participant(c, country);
                boolean japan = country.equals("JP");
                votes.add(new Votes.BatchVote(c.id(), p.token(), ids.get(0), Vote.AGREE));
                votes.add(new Votes.BatchVote(c.id(), p.token(), ids.get(1), japan ? Vote.AGREE : Vote.DISAGREE));
                votes.add(new Votes.BatchVote(c.id(), p.token(), ids.get(2), japan ? Vote.DISAGREE : Vote.AGREE));
            }
        }
        Votes.over(world.jdbi()).castAll(votes);
        TestServer.Response d = server.postJson(
                "/api/v1/dialogues",
                Map.of("texts", Map.of("en", Map.of("title", "Drafting", "description", "")), "conversationId", c.id()),
                organizer.auth());
        long id = d.json().get("id").asLong();
        server.postJson(
                "/api/v1/dialogues/" + id + "/editors",
                Map.of("accountId", japan.id(), "country", "JP"),
                organizer.auth());
        String results = "/api/v1/conversations/" + c.id() + "/results";
        Eventually.eventually(
                Duration.ofSeconds(60),
                () -> server.get(results),
                r -> r.status() == 200 && r.json().get("commonGround").size() > 0);
        return new long[] {id, ids.get(0)};
    }

    @Test
    void theModelDraftsFromCommonGroundAndOnlyTheCitationsItWasGivenSurvive() {
        long[] planted = plantedDialogue();
        String base = "/api/v1/dialogues/" + planted[0] + "/document";
        TestServer.Response s =
                server.postJson(base + "/sections", Map.of("titles", Map.of("en", "What we share")), japan.auth());
        long section = s.json().get("id").asLong();

        TestServer.Response r =
                server.postJson(base + "/sections/" + section + "/draft", Map.of("lang", "en"), japan.auth());

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode answer = r.json();
        List<Long> given = new ArrayList<>();
        answer.get("given").forEach(id -> given.add(id.asLong()));
        assertThat(given).contains(planted[1]);
        JsonNode clause = answer.get("clause");
        assertThat(clause.get("approved").asBoolean()).isFalse();
        assertThat(clause.get("origin").asText()).isEqualTo("machine");
        List<Long> cites = new ArrayList<>();
        clause.get("cites").forEach(id -> cites.add(id.asLong()));
        assertThat(cites).isNotEmpty().isSubsetOf(given).contains(given.getFirst());
        assertThat(clause.get("flagged")).hasSize(1);
        assertThat(clause.get("flagged").get(0).asLong()).isEqualTo(FakeDraftingService.INVENTED);
        assertThat(answer.get("dropped").asInt()).isEqualTo(1);
        String text = clause.get("texts").get("en").asText();
        assertThat(text).contains("[s" + given.getFirst() + "]").doesNotContain("soon agree", "987654321");
        JsonNode request = model.received.getLast();
        assertThat(request.get("model").asText()).isEqualTo("fake-drafter");
        assertThat(request.get("messages").get(0).get("content").asText()).contains("[s123]");
        assertThat(request.get("messages").get(1).get("content").asText())
                .contains("[s" + planted[1] + "] Student exchanges between Japan and Korea should double");

        TestServer.Response v = server.postJson(
                base + "/sections/" + section + "/clauses",
                Map.of("texts", Map.of("en", "We agree."), "cites", List.of(planted[1])),
                japan.auth());
        assertThat(v.status()).as(v.body()).isEqualTo(201);
        TestServer.Response saved = server.postJson(base + "/versions", Map.of(), japan.auth());
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(saved.json().findValuesAsText("origin")).containsOnly("editor");

        long clauseId = clause.get("id").asLong();
        TestServer.Response approved = server.putJson(
                base + "/clauses/" + clauseId, Map.of("texts", Map.of("en", text), "cites", cites), japan.auth());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("approved").asBoolean()).isTrue();
    }
}
