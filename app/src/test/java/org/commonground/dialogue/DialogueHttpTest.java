package org.commonground.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonground.account.Role;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ModerationMode;
import org.commonground.participation.Join;
import org.commonground.testing.Given;
import org.commonground.testing.ServerTest;
import org.commonground.testing.TestAccounts.Caller;
import org.commonground.testing.TestServer;
import org.commonground.translation.Translations;
import org.commonground.web.Language;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dialogues end to end on a real server: an organizer creates one, opens round 2 from round 1 with
 * chosen statements that keep their translations, sets a schedule that the rounds follow, and a
 * participant of round 1 who asked to return comes back as the same person through the return link
 * and through the recovery code, with their cohort answers carried over.
 */
class DialogueHttpTest extends ServerTest {
    static Given world;
    static Caller organizer;
    static Caller otherOrganizer;

    @BeforeAll
    static void arrange() {
        world = new Given(db);
        organizer = given.create(Role.ORGANIZER);
        otherOrganizer = given.create(Role.ORGANIZER);
    }

    /** Round 1: an open conversation of the organizer with three seeds, each translated into the other two languages by a person. */
    static Conversation roundOne(String title) {
        Conversation c = world.openConversation(
                organizer.account(),
                ModerationMode.POST,
                title,
                List.of(
                        "History textbooks should be written jointly " + title,
                        "Student exchanges should double " + title,
                        "Leaders should meet every year " + title));
        List<Translations.ApprovedTranslation> translations = new ArrayList<>();
        for (long id : world.statementIds(c)) {
            translations.add(new Translations.ApprovedTranslation(
                    id, Language.JA, "日本語訳 " + id, organizer.id(), organizer.id(), Instant.now()));
            translations.add(new Translations.ApprovedTranslation(
                    id, Language.KO, "한국어 번역 " + id, organizer.id(), organizer.id(), Instant.now()));
        }
        world.jdbi().useHandle(h -> Translations.insertApproved(h, translations));
        return c;
    }

    static long dialogueOver(Conversation first) {
        TestServer.Response r = server.postJson(
                "/api/v1/dialogues",
                Map.of(
                        "texts",
                        Map.of(
                                "en", Map.of("title", "Teaching history together", "description", "Three rounds"),
                                "ja", Map.of("title", "歴史を共に教える", "description", "全3回"),
                                "ko", Map.of("title", "역사를 함께 가르치기", "description", "총 3회차")),
                        "conversationId",
                        first.id()),
                organizer.auth());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static JsonNode openNext(long dialogue, List<Long> carry) {
        TestServer.Response r = server.postJson(
                "/api/v1/dialogues/" + dialogue + "/rounds",
                Map.of("carry", carry, "open", true, "closePrevious", false),
                organizer.auth());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void roundTwoCarriesTheChosenStatementsWithTheirTranslations() {
        Conversation first = roundOne("carry");
        long dialogue = dialogueOver(first);
        List<Long> ids = world.statementIds(first);

        JsonNode d = openNext(dialogue, List.of(ids.get(0), ids.get(2)));

        JsonNode rounds = d.get("rounds");
        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(1).get("state").asText()).isEqualTo("open");
        assertThat(rounds.get(1).get("carriedStatements").asInt()).isEqualTo(2);
        long second = rounds.get(1).get("conversationId").asLong();
        assertThat(second).isNotEqualTo(first.id());
        List<Long> carried = world.statementIds(new ConversationRef(second).asConversation());
        assertThat(carried).hasSize(2);
        assertThat(texts(carried))
                .containsExactly(
                        "History textbooks should be written jointly carry", "Leaders should meet every year carry");
        for (int i = 0; i < 2; i++) {
            long original = List.of(ids.get(0), ids.get(2)).get(i);
            JsonNode translations = server.get(
                            "/api/v1/conversations/" + second + "/statements/" + carried.get(i) + "/translations",
                            organizer.auth())
                    .json();
            assertThat(translations.findValuesAsText("text")).contains("日本語訳 " + original, "한국어 번역 " + original);
            assertThat(translations.findValuesAsText("state")).containsOnly("approved");
        }
        // A Korean reader of round 2 is shown the carried statement in the carried Korean translation.
        Join.Joined reader = world.participant(new ConversationRef(second).asConversation(), "KR");
        JsonNode next = server.get(
                        "/api/v1/conversations/" + second + "/next?lang=ko",
                        "Authorization",
                        "Bearer " + reader.token(),
                        "Accept-Language",
                        "ko")
                .json();
        assertThat(next.toString()).contains("한국어 번역 ");
    }

    @Test
    void onlyTheLastRoundsAcceptedStatementsCanBeCarriedAndOnlyByItsOrganizers() {
        Conversation first = roundOne("refuse");
        Conversation elsewhere = roundOne("elsewhere");
        long dialogue = dialogueOver(first);

        TestServer.Response foreign = server.postJson(
                "/api/v1/dialogues/" + dialogue + "/rounds",
                Map.of("carry", world.statementIds(elsewhere)),
                organizer.auth());
        TestServer.Response stranger = server.postJson(
                "/api/v1/dialogues/" + dialogue + "/rounds",
                Map.of("carry", world.statementIds(first)),
                otherOrganizer.auth());
        TestServer.Response anonymous =
                server.postJson("/api/v1/dialogues/" + dialogue + "/rounds", Map.of("carry", List.of()));

        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.json().toString()).contains("carry.0", "is not an accepted statement of the last round");
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(server.get("/api/v1/dialogues/" + dialogue).json().get("rounds"))
                .as("nothing was opened")
                .hasSize(1);
    }

    @Test
    void aDraftDialogueIsHiddenUntilItsScheduleOpensItsFirstRound() {
        TestServer.Response created = server.postJson(
                "/api/v1/dialogues",
                Map.of("texts", Map.of("en", Map.of("title", "Scheduled dialogue", "description", ""))),
                organizer.auth());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().at("/rounds/0/state").asText()).isEqualTo("draft");

        assertThat(server.get("/api/v1/dialogues/" + id).status()).isEqualTo(404);
        assertThat(server.get("/api/v1/dialogues").json().findValuesAsText("title"))
                .doesNotContain("Scheduled dialogue");
        assertThat(server.get("/api/v1/dialogues/" + id, organizer.auth()).status())
                .isEqualTo(200);

        TestServer.Response backwards = server.putJson(
                "/api/v1/dialogues/" + id + "/rounds/1/schedule",
                Map.of("opensAt", "2030-02-01T00:00:00Z", "closesAt", "2030-01-01T00:00:00Z"),
                organizer.auth());
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(server.putJson(
                                "/api/v1/dialogues/" + id + "/rounds/9/schedule",
                                Map.of("opensAt", "2030-02-01T00:00:00Z"),
                                organizer.auth())
                        .status())
                .isEqualTo(404);

        Instant opened = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Instant closes = opened.plus(30, ChronoUnit.DAYS);
        TestServer.Response scheduled = server.putJson(
                "/api/v1/dialogues/" + id + "/rounds/1/schedule",
                Map.of("opensAt", opened.toString(), "closesAt", closes.toString()),
                organizer.auth());

        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
        JsonNode read = server.get("/api/v1/dialogues/" + id).json();
        assertThat(read.at("/rounds/0/state").asText()).isEqualTo("open");
        assertThat(read.at("/rounds/0/opensAt").asText()).isEqualTo(opened.toString());
        assertThat(server.get("/api/v1/dialogues").json().findValuesAsText("title"))
                .contains("Scheduled dialogue");
    }

    @Test
    void aReturningParticipantKeepsTheirIdentityThroughTheReturnLinkAndTheRecoveryCode() {
        Conversation first = roundOne("return");
        long dialogue = dialogueOver(first);
        Join.Joined p1 = world.participant(first, "KR");
        assertThat(server.postJson("/api/v1/dialogues/" + dialogue + "/returning", "")
                        .status())
                .as("no participant token")
                .isEqualTo(401);

        TestServer.Response consent = server.postJson(
                "/api/v1/dialogues/" + dialogue + "/returning", "", "Authorization", "Bearer " + p1.token());
        assertThat(consent.status()).as(consent.body()).isEqualTo(201);
        String link = consent.json().get("returnToken").asText();
        String code = consent.json().get("recoveryCode").asText();
        long person = consent.json().get("personId").asLong();
        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(consent.json().get("returnUrl").asText()).isEqualTo("/d/" + dialogue + "/r/" + link);

        long second = openNext(dialogue, world.statementIds(first))
                .at("/rounds/1/conversationId")
                .asLong();
        JsonNode back = server.postJson("/api/v1/dialogues/" + dialogue + "/return", Map.of("returnToken", link))
                .json();

        assertThat(back.get("personId").asLong()).isEqualTo(person);
        assertThat(back.get("round").asInt()).isEqualTo(2);
        assertThat(back.get("conversationId").asLong()).isEqualTo(second);
        assertThat(back.get("newInRound").asBoolean()).isTrue();
        assertThat(back.get("cohorts").get("country").asText())
                .as("the cohort answer carried over")
                .isEqualTo("KR");
        String p2 = back.get("participant").asText();
        String token2 = back.get("token").asText();
        assertThat(server.get(
                                "/api/v1/conversations/" + second + "/participants/me",
                                "Authorization",
                                "Bearer " + token2)
                        .json()
                        .get("participant")
                        .asText())
                .isEqualTo(p2);

        // The link again (another device): the same participant of round 2, with a new token.
        JsonNode again = server.postJson("/api/v1/dialogues/" + dialogue + "/return", Map.of("returnToken", link))
                .json();
        assertThat(again.get("participant").asText()).isEqualTo(p2);
        assertThat(again.get("newInRound").asBoolean()).isFalse();

        // The link was lost: the recovery code brings the same person back and issues a new link.
        JsonNode recovered = server.postJson(
                        "/api/v1/dialogues/" + dialogue + "/return", Map.of("recoveryCode", code.toLowerCase()))
                .json();
        assertThat(recovered.get("personId").asLong()).isEqualTo(person);
        assertThat(recovered.get("participant").asText()).isEqualTo(p2);
        String newLink = recovered.get("returnToken").asText();
        assertThat(newLink).isNotEqualTo(link);
        TestServer.Response oldLink =
                server.postJson("/api/v1/dialogues/" + dialogue + "/return", Map.of("returnToken", link));
        assertThat(oldLink.status()).isEqualTo(422);
        assertThat(server.postJson("/api/v1/dialogues/" + dialogue + "/return", Map.of("recoveryCode", "AAAA-BBBB"))
                        .status())
                .isEqualTo(422);

        // The page link signs the browser in as that participant and sends it to vote.
        TestServer.Response page = server.get("/d/" + dialogue + "/r/" + newLink);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).isEqualTo("/c/" + second + "/vote");
        assertThat(page.raw().headers().allValues("Set-Cookie"))
                .anyMatch(c -> c.startsWith("cg_participant_" + second + "=cgp_"));
        int rounds = world.jdbi()
                .withHandle(h -> h.select("SELECT count(*) FROM dialogue_person_round WHERE person_id = ?", person)
                        .mapTo(Integer.class)
                        .one());
        assertThat(rounds).as("one participant per round for the person").isEqualTo(2);
    }

    @Test
    void aRoundThatFailsHalfwayThroughOpeningLeavesNothingBehind() {
        Conversation first = roundOne("halfway");
        long dialogue = dialogueOver(first);
        List<Long> ids = world.statementIds(first);
        // PostgreSQL itself refuses the carried-statement rows, written after the new conversation,
        // its staff, its seeds and their translations, and its round row.
        world.jdbi().useHandle(h -> {
            h.execute("""
                    CREATE FUNCTION refuse_carried() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF NEW.dialogue_id = %d THEN RAISE EXCEPTION 'planted failure'; END IF;
                        RETURN NEW;
                    END $$""".formatted(dialogue));
            h.execute("CREATE TRIGGER refuse_carried BEFORE INSERT ON dialogue_carried "
                    + "FOR EACH ROW EXECUTE FUNCTION refuse_carried()");
        });
        Map<String, Long> before = counts();
        TestServer.Response failed;
        try {
            failed = server.postJson(
                    "/api/v1/dialogues/" + dialogue + "/rounds",
                    Map.of("carry", List.of(ids.get(0), ids.get(1)), "open", true, "closePrevious", true),
                    organizer.auth());
        } finally {
            world.jdbi().useHandle(h -> {
                h.execute("DROP TRIGGER refuse_carried ON dialogue_carried");
                h.execute("DROP FUNCTION refuse_carried()");
            });
        }

        assertThat(failed.status()).as(failed.body()).isEqualTo(500);
        assertThat(counts()).isEqualTo(before);
        JsonNode unchanged =
                server.get("/api/v1/dialogues/" + dialogue, organizer.auth()).json();
        assertThat(unchanged.get("rounds")).hasSize(1);
        assertThat(unchanged.get("rounds").get(0).get("state").asText())
                .as("the previous round was not closed")
                .isEqualTo("open");
        assertThat(openNext(dialogue, List.of(ids.get(0))).get("rounds")).hasSize(2);
    }

    @Test
    void theOrganizersPageShowsParticipationByCohortReturnRatesVotesPerParticipantAndTranslations() {
        Conversation first = roundOne("figures");
        long dialogue = dialogueOver(first);
        List<Long> ids = world.statementIds(first);
        Join.Joined japanese = world.participant(first, "JP");
        Join.Joined korean = world.participant(first, "KR");
        Join.Joined another = world.participant(first, "KR");
        for (long id : ids) {
            world.vote(first, japanese, id, org.commonground.participation.Vote.AGREE);
        }
        world.vote(first, korean, ids.get(0), org.commonground.participation.Vote.DISAGREE);
        world.vote(first, another, ids.get(0), org.commonground.participation.Vote.AGREE);
        world.vote(first, another, ids.get(1), org.commonground.participation.Vote.PASS);
        String link = server.postJson(
                        "/api/v1/dialogues/" + dialogue + "/returning",
                        "",
                        "Authorization",
                        "Bearer " + japanese.token())
                .json()
                .get("returnToken")
                .asText();
        assertThat(server.postJson(
                                "/api/v1/dialogues/" + dialogue + "/returning",
                                "",
                                "Authorization",
                                "Bearer " + korean.token())
                        .status())
                .isEqualTo(201);
        long second = openNext(dialogue, ids).at("/rounds/1/conversationId").asLong();
        List<Long> carried = world.statementIds(new ConversationRef(second).asConversation());
        // Of round 1's three voters, only the Japanese participant comes back (one vote); a newcomer from the US votes
        // twice.
        String back = server.postJson("/api/v1/dialogues/" + dialogue + "/return", Map.of("returnToken", link))
                .json()
                .get("token")
                .asText();
        assertThat(server.postJson(
                                "/api/v1/conversations/" + second + "/votes",
                                Map.of("statementId", carried.get(0), "value", "agree"),
                                "Authorization",
                                "Bearer " + back)
                        .status())
                .isEqualTo(201);
        Join.Joined newcomer = world.participant(new ConversationRef(second).asConversation(), "US");
        world.vote(
                new ConversationRef(second).asConversation(),
                newcomer,
                carried.get(0),
                org.commonground.participation.Vote.AGREE);
        world.vote(
                new ConversationRef(second).asConversation(),
                newcomer,
                carried.get(1),
                org.commonground.participation.Vote.DISAGREE);
        var session = org.commonground.account.Sessions.over(world.jdbi()).start(organizer.id());
        String cookie = "cg_session=" + session.secret();

        String en = server.get("/organize/d/" + dialogue + "?lang=en", "Cookie", cookie)
                .body();
        String ko = server.get("/organize/d/" + dialogue + "?lang=ko", "Cookie", cookie)
                .body();
        String ja = server.get("/organize/d/" + dialogue + "?lang=ja", "Cookie", cookie)
                .body();
        String round = server.get(
                        "/c/" + second + "/vote?lang=ja", "Authorization", "Bearer " + back, "Accept", "text/html")
                .body();

        assertThat(en).contains("People who voted in each round, by Country", "id=\"participation-chart-title\"");
        assertThat(en).contains("Japan (<span data-count=\"last-round:k0\">1</span>)");
        assertThat(en).contains("United States (<span data-count=\"last-round:k2\">1</span>)");
        assertThat(en)
                .contains("<tr id=\"return-1\"><th scope=\"row\">Round 1 → round 2</th><td class=\"num\">3</td>"
                        + "<td class=\"num\">1</td><td class=\"num rate\">33%</td></tr>");
        assertThat(en)
                .contains("Votes per participant in round 2", "2 people voted; half of them cast 2 votes or fewer.");
        assertThat(en)
                .contains(
                        "data-from=\"1\" data-to=\"1\" data-count=\"1\"",
                        "data-from=\"2\" data-to=\"2\" data-count=\"1\"");
        assertThat(en).contains("日本語訳 " + ids.get(0), "한국어 번역 " + ids.get(0));
        assertThat(ko).contains("회차별 투표 인원(국가별)", "1회차 → 2회차", "일본 (", "원문(영어)");
        assertThat(ja).contains("各回で投票した人数（国別）", "第1回 → 第2回", "原文（英語）");
        assertThat(round).contains("href=\"/d/" + dialogue + "\"", "対話「歴史を共に教える」の第2回");
    }

    /** Rows of every table opening a round writes. */
    private static Map<String, Long> counts() {
        Map<String, Long> out = new java.util.TreeMap<>();
        for (String table : List.of(
                "conversation",
                "conversation_text",
                "cohort_dimension",
                "cohort_value",
                "conversation_member",
                "statement",
                "translation",
                "dialogue_round",
                "dialogue_carried")) {
            out.put(
                    table,
                    world.jdbi()
                            .withHandle(h -> h.createQuery("SELECT count(*) FROM " + table)
                                    .mapTo(Long.class)
                                    .one()));
        }
        return out;
    }

    private static List<String> texts(List<Long> ids) {
        return world.jdbi()
                .withHandle(h -> h.createQuery("SELECT text FROM statement WHERE id IN (<ids>) ORDER BY id")
                        .bindList("ids", ids)
                        .mapTo(String.class)
                        .list());
    }

    /** A conversation known by id only, for the helpers that take one. */
    private record ConversationRef(long id) {
        Conversation asConversation() {
            return new Conversation(id, null, null, null, false, null, Map.of(), List.of(), null, null);
        }
    }
}
