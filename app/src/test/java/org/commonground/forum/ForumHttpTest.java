package org.commonground.forum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.testing.Eventually.eventually;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonground.account.Role;
import org.commonground.testing.ServerTest;
import org.commonground.testing.TestAccounts.Caller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The forum API end to end on a real server: matching proposes one firm per country with its
 * explanation, proposals become consortia, meetings are scheduled into the agenda, and every
 * private thing is visible only to its organization's delegates and the organizers.
 */
class ForumHttpTest extends ServerTest {
    static ForumGiven forum;
    static long us;
    static long jp;
    static long kr;
    static long krRival;
    static Caller usDelegate;
    static Caller jpDelegate;
    static Caller krDelegate;
    static Caller rivalDelegate;

    @BeforeAll
    static void forum() {
        forum = new ForumGiven(server, given);
        us = forum.organization("Redwood Energy", "レッドウッド・エナジー", "레드우드 에너지", "US", "epc", "gas-turbines");
        jp = forum.organization("Hoshino Energy", "星野エナジー", "호시노 에너지", "JP", "lng-terminal");
        kr = forum.organization("Hanbit Energy", "ハンビッ・エナジー", "한빛에너지", "KR", "gas-turbines", "project-finance");
        krRival = forum.organization("Daon Energy", "ダオン・エナジー", "다온에너지", "KR", "epc");
        usDelegate = forum.delegate(us, "Emily Carter");
        jpDelegate = forum.delegate(jp, "Yui Tanaka");
        krDelegate = forum.delegate(kr, "Kim Minji");
        rivalDelegate = forum.delegate(krRival, "Park Jihoon");
    }

    private static String base() {
        return forum.base();
    }

    @Test
    void matchingProposesOneFirmPerCountryAndExplainsWhoCoversWhat() {
        long project = forum.project(usDelegate, "LNG-to-power plant, Hai Phong");

        JsonNode run = forum.match();
        JsonNode proposals =
                server.get(base() + "/proposals", forum.organizer.auth()).json();

        assertThat(run.get("projectsWithProposal").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode best = first(proposals, project);
        assertThat(best.get("rank").asInt()).isEqualTo(1);
        assertThat(best.get("members").findValuesAsText("seat")).containsExactly("US", "JP", "KR");
        // Daon (EPC only) beats Hanbit (turbines, finance) for the Korean seat: it overlaps less with Redwood.
        assertThat(best.get("members").findValuesAsText("organizationId"))
                .containsExactly(String.valueOf(us), String.valueOf(jp), String.valueOf(krRival));
        assertThat(best.get("coverage").asDouble()).isEqualTo(1.0);
        Map<String, List<String>> covers = new java.util.HashMap<>();
        best.get("explanation").forEach(c -> {
            List<String> seats = new ArrayList<>();
            c.get("seats").forEach(s -> seats.add(s.asText()));
            covers.put(c.get("capability").asText(), seats);
        });
        assertThat(covers)
                .containsEntry("lng-terminal", List.of("JP"))
                .containsEntry("gas-turbines", List.of("US"))
                .containsEntry("epc", List.of("US", "KR"));
        assertThat(proposals.findParents("projectId").stream()
                        .filter(p -> p.get("projectId").asLong() == project)
                        .map(p -> p.get("members").findValuesAsText("organizationId")))
                .contains(List.of(String.valueOf(us), String.valueOf(jp), String.valueOf(kr)));
    }

    @Test
    void aDeclaredConflictKeepsTwoOrganizationsApart() {
        long cedar = forum.organization(
                "Cedar Ridge Energy",
                "シーダーリッジ・エナジー",
                "시더리지 에너지",
                "US",
                "lng-terminal",
                "epc",
                "gas-turbines",
                "project-finance");
        long garam =
                forum.organization("Garam Energy", "カラム・エナジー", "가람에너지", "KR", "lng-terminal", "epc", "gas-turbines");
        Caller cedarDelegate = forum.delegate(cedar, "Grace Turner");
        long project = forum.project(usDelegate, "Gas power plant, Da Nang");
        var declared = server.postJson(
                base() + "/organizations/" + cedar + "/conflicts",
                Map.of("organizationId", garam),
                cedarDelegate.auth());
        assertThat(declared.status()).as(declared.body()).isEqualTo(200);

        forum.match();
        JsonNode proposals =
                server.get(base() + "/proposals", forum.organizer.auth()).json();

        int checked = 0;
        for (JsonNode p : proposals) {
            List<String> members = p.get("members").findValuesAsText("organizationId");
            if (p.get("projectId").asLong() == project) {
                checked++;
                assertThat(members.contains(String.valueOf(cedar)) && members.contains(String.valueOf(garam)))
                        .as("conflicting %d and %d in %s", cedar, garam, members)
                        .isFalse();
            }
        }
        assertThat(checked).isGreaterThan(1);
        assertThat(server.get(base() + "/organizations/" + cedar + "/conflicts", usDelegate.auth())
                        .status())
                .isEqualTo(404);
        assertThat(server.get(base() + "/organizations/" + cedar + "/conflicts", cedarDelegate.auth())
                        .json()
                        .toString())
                .isEqualTo("[" + garam + "]");
    }

    @Test
    void delegatesSeeOnlyTheirOwnOrganizationsProposals() {
        forum.project(jpDelegate, "LNG terminal, Batam");
        forum.match();
        JsonNode mine = server.get(base() + "/proposals", rivalDelegate.auth()).json();
        JsonNode all = server.get(base() + "/proposals", forum.organizer.auth()).json();

        List<String> mineIds = mine.findValuesAsText("id");
        for (JsonNode p : mine) {
            assertThat(p.get("members").findValuesAsText("organizationId")).contains(String.valueOf(krRival));
        }
        JsonNode others = all.findParents("projectId").stream()
                .filter(p ->
                        !p.get("members").findValuesAsText("organizationId").contains(String.valueOf(krRival)))
                .findFirst()
                .orElseThrow();
        assertThat(mineIds).doesNotContain(others.get("id").asText());
        var answer = server.postJson(
                base() + "/proposals/" + others.get("id").asLong() + "/answer",
                Map.of("answer", "accept"),
                rivalDelegate.auth());
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("type").asText()).endsWith("/proposal-not-found");
    }

    @Test
    void allMembersAcceptingMakesAConsortiumThatOutsidersCannotSee() {
        long project = forum.project(jpDelegate, "Gas turbine retrofit, Surabaya");
        forum.match();
        JsonNode proposal =
                first(server.get(base() + "/proposals", forum.organizer.auth()).json(), project);
        long id = proposal.get("id").asLong();
        List<Caller> members = new ArrayList<>();
        for (String o : proposal.get("members").findValuesAsText("organizationId")) {
            long org = Long.parseLong(o);
            members.add(org == us ? usDelegate : org == jp ? jpDelegate : org == kr ? krDelegate : rivalDelegate);
        }
        Caller outsider = members.contains(rivalDelegate) ? krDelegate : rivalDelegate;

        assertThat(server.postJson(base() + "/proposals/" + id + "/answer", Map.of("answer", "accept"), outsider.auth())
                        .status())
                .isEqualTo(404);
        JsonNode last = null;
        for (Caller m : members) {
            var r = server.postJson(base() + "/proposals/" + id + "/answer", Map.of("answer", "accept"), m.auth());
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            last = r.json();
        }
        assertThat(last.get("state").asText()).isEqualTo("accepted");
        JsonNode consortia =
                server.get(base() + "/consortia", members.getFirst().auth()).json();
        long consortium = consortia.findParents("projectId").stream()
                .filter(c -> c.get("projectId").asLong() == project)
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();

        assertThat(server.get(
                                base() + "/consortia/" + consortium,
                                members.get(1).auth())
                        .status())
                .isEqualTo(200);
        assertThat(server.get(base() + "/consortia/" + consortium, forum.organizer.auth())
                        .status())
                .isEqualTo(200);
        var hidden = server.get(base() + "/consortia/" + consortium, outsider.auth());
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.json().get("type").asText()).endsWith("/consortium-not-found");
        assertThat(server.get(base() + "/consortia", outsider.auth()).json().findValuesAsText("id"))
                .doesNotContain(String.valueOf(consortium));
        var notes = server.putJson(
                base() + "/consortia/" + consortium + "/notes",
                Map.of("notes", "Call JBIC on Monday."),
                members.getFirst().auth());
        assertThat(notes.json().get("notes").asText()).isEqualTo("Call JBIC on Monday.");
        assertThat(server.putJson(
                                base() + "/consortia/" + consortium + "/notes",
                                Map.of("notes", "mine now"),
                                outsider.auth())
                        .status())
                .isEqualTo(404);
        assertThat(server.postJson(
                                base() + "/proposals/" + id + "/answer",
                                Map.of("answer", "decline"),
                                members.getFirst().auth())
                        .status())
                .isEqualTo(409);
    }

    @Test
    void acceptedMeetingsAreScheduledIntoEachDelegatesAgendaAndOnlyThere() {
        var request = server.postJson(
                base() + "/meetings",
                Map.of("invitees", List.of(jpDelegate.id()), "priority", 3, "note", "Turbine supply"),
                usDelegate.auth());
        assertThat(request.status()).as(request.body()).isEqualTo(201);
        long meeting = request.json().get("id").asLong();
        var availability = server.putJson(base() + "/availability", Map.of("slots", List.of(2, 3)), jpDelegate.auth());
        assertThat(availability.status()).as(availability.body()).isEqualTo(200);
        assertThat(availability.json().get("availability").asLong()).isEqualTo(0b1100);
        JsonNode seenByRival =
                server.get(base() + "/delegates", rivalDelegate.auth()).json().findParents("accountId").stream()
                        .filter(d -> d.get("accountId").asLong() == jpDelegate.id())
                        .findFirst()
                        .orElseThrow();
        assertThat(seenByRival.get("availability").isNull())
                .as("another organization's availability is private")
                .isTrue();
        assertThat(server.postJson(
                                base() + "/meetings/" + meeting + "/answer",
                                Map.of("answer", "accept"),
                                rivalDelegate.auth())
                        .status())
                .isEqualTo(404);
        assertThat(server.postJson(
                                base() + "/meetings/" + meeting + "/answer",
                                Map.of("answer", "accept"),
                                jpDelegate.auth())
                        .status())
                .isEqualTo(200);

        var run = server.postJson(base() + "/schedule", Map.of("publish", true), forum.organizer.auth());
        JsonNode agenda = server.get(base() + "/agenda", jpDelegate.auth()).json();

        assertThat(run.json().get("scheduled").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode item = agenda.findParents("meetingId").stream()
                .filter(i -> i.get("meetingId").asLong() == meeting)
                .findFirst()
                .orElseThrow();
        assertThat(item.get("slot").asInt()).isIn(2, 3);
        assertThat(item.get("start").asText())
                .isEqualTo(item.get("slot").asInt() == 2 ? "2027-03-16T02:00:00Z" : "2027-03-16T02:30:00Z");
        assertThat(server.get(base() + "/meetings", rivalDelegate.auth()).json().findValuesAsText("id"))
                .doesNotContain(String.valueOf(meeting));
        assertThat(server.postJson(
                                base() + "/meetings/" + meeting + "/answer",
                                Map.of("answer", "decline"),
                                jpDelegate.auth())
                        .status())
                .as("a published meeting stays")
                .isEqualTo(409);
        // A re-run keeps the published meeting where it is.
        server.postJson(base() + "/schedule", Map.of("publish", false), forum.organizer.auth());
        JsonNode again = server.get(base() + "/agenda", jpDelegate.auth()).json();
        assertThat(again.findParents("meetingId").stream()
                        .filter(i -> i.get("meetingId").asLong() == meeting)
                        .findFirst()
                        .orElseThrow()
                        .get("slot")
                        .asInt())
                .isEqualTo(item.get("slot").asInt());
    }

    @Test
    void organizersExportCsvAndNobodyElseDoes() {
        var csv = server.get(base() + "/proposals.csv", forum.organizer.auth());
        var meetings = server.get(base() + "/meetings.csv", forum.organizer.auth());

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().lines().findFirst().orElseThrow())
                .startsWith("proposal_id,project_id,project,host_country");
        assertThat(meetings.status()).isEqualTo(200);
        assertThat(server.get(base() + "/proposals.csv", usDelegate.auth()).status())
                .isEqualTo(403);
        assertThat(org.commonground.web.SpreadsheetSafeCsv.neutralised("=HYPERLINK(\"x\")"))
                .isEqualTo("'=HYPERLINK(\"x\")");
    }

    @Test
    void strangersAndPendingDelegatesAreKeptOutWithProblemAnswers() {
        Caller stranger = given.create(Role.DELEGATE);
        Caller pending = given.create(Role.DELEGATE);
        server.postJson(base() + "/delegates", Map.of("name", "Lee Seoyeon", "organizationId", kr), pending.auth());

        var strangers = server.get(base() + "/projects", stranger.auth());
        var waiting = server.get(base() + "/projects", pending.auth());
        var anonymous = server.get(base() + "/projects");
        var missing = server.get("/api/v1/forums/999999/projects", usDelegate.auth());
        var notOrganizer = server.postJson(base() + "/matching", "", usDelegate.auth());
        var moderatorApplies = server.postJson(
                base() + "/delegates",
                Map.of("name", "X", "organizationId", kr),
                given.moderator().auth());

        assertThat(strangers.status()).isEqualTo(403);
        assertThat(strangers.json().get("type").asText()).endsWith("/not-forum-member");
        assertThat(waiting.json().get("type").asText()).endsWith("/delegate-pending");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("type").asText()).endsWith("/forum-not-found");
        assertThat(notOrganizer.status()).isEqualTo(403);
        assertThat(moderatorApplies.status()).isEqualTo(403);
        assertThat(strangers.contentType()).startsWith("application/problem+json");
    }

    @Test
    void badInputIsRefusedWithFieldErrorsAndChangesNothing() {
        int before = server.get(base() + "/projects", usDelegate.auth()).json().size();

        var malformed = server.send(
                "POST", base() + "/projects", "{not json", usDelegate.auth("Content-Type", "application/json"));
        var invalid = server.postJson(
                base() + "/projects",
                Map.of(
                        "title",
                        "",
                        "hostCountry",
                        "FR",
                        "sector",
                        "mining",
                        "size",
                        9,
                        "financing",
                        List.of("World Bank"),
                        "needs",
                        List.of(Map.of("capability", "teleportation", "weight", 7))),
                usDelegate.auth());
        var taxonomyInUse = server.putJson(
                base() + "/taxonomy",
                Map.of("capabilities", List.of(), "markets", List.of("VN")),
                forum.organizer.auth());
        var tooManyInvitees = server.postJson(
                base() + "/meetings",
                Map.of(
                        "invitees",
                        List.of(jpDelegate.id(), krDelegate.id(), rivalDelegate.id()),
                        "priority",
                        2,
                        "note",
                        ""),
                usDelegate.auth());
        var badSlot = server.putJson(base() + "/availability", Map.of("slots", List.of(4)), usDelegate.auth());
        var badForum = server.postJson(
                "/api/v1/forums",
                Map.of(
                        "titles",
                        Map.of("en", "Only English"),
                        "slots",
                        100,
                        "slotMinutes",
                        30,
                        "tables",
                        1,
                        "allowTwoSeats",
                        false,
                        "maxOpenConsortia",
                        1),
                forum.organizer.auth());

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("errors").findValuesAsText("field"))
                .contains("title", "hostCountry", "sector", "size", "financing", "needs[0].capability");
        assertThat(taxonomyInUse.status()).isEqualTo(409);
        assertThat(taxonomyInUse.json().get("type").asText()).endsWith("/capability-in-use");
        assertThat(tooManyInvitees.status()).isEqualTo(422);
        assertThat(badSlot.status()).isEqualTo(422);
        assertThat(badForum.status()).isEqualTo(422);
        assertThat(badForum.json().get("errors").findValuesAsText("field"))
                .contains("titles.ja", "titles.ko", "dayStart", "slots");
        assertThat(server.get(base() + "/projects", usDelegate.auth()).json().size())
                .isEqualTo(before);
        assertThat(server.get(base() + "/taxonomy", usDelegate.auth())
                        .json()
                        .get("capabilities")
                        .size())
                .isEqualTo(4);
    }

    @Test
    void theForumLinksOnlyAConversationItsOrganizerRunsAndShowsItOnTheForumPage() {
        var given2 = new org.commonground.testing.Given(db);
        var conversation = given2.openConversation(
                forum.organizer.account(),
                org.commonground.conversation.ModerationMode.POST,
                "Which markets first?",
                List.of("Vietnam's LNG build-out should come first."));
        Caller otherOrganizer = given.organizer();
        var others = given2.openConversation(
                otherOrganizer.account(),
                org.commonground.conversation.ModerationMode.POST,
                "Someone else's",
                List.of("Not ours."));

        var foreign =
                server.putJson(base() + "/conversation", Map.of("conversationId", others.id()), forum.organizer.auth());
        var missing =
                server.putJson(base() + "/conversation", Map.of("conversationId", 999999), forum.organizer.auth());
        var byDelegate = server.putJson(
                base() + "/conversation", Map.of("conversationId", conversation.id()), usDelegate.auth());
        var linked = server.putJson(
                base() + "/conversation", Map.of("conversationId", conversation.id()), forum.organizer.auth());
        var page = server.get("/forums/" + forum.forumId + "?lang=ko", usDelegate.auth());

        assertThat(foreign.status()).isEqualTo(403);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(byDelegate.status()).isEqualTo(403);
        assertThat(linked.json().get("conversationId").asLong()).isEqualTo(conversation.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("세 나라의 공통 기반", "href=\"/c/" + conversation.id() + "\"");
    }

    @Test
    void theForumPageShowsTheLinkedConversationsCommonGroundOnlyToReadersItsResultsAdmit() {
        var given2 = new org.commonground.testing.Given(db);
        String agreed = "Power plants in Vietnam should come before ports.";
        var conversation = given2.openConversation(
                forum.organizer.account(),
                org.commonground.conversation.ModerationMode.POST,
                "Where first?",
                List.of(agreed));
        long statement = given2.statementIds(conversation).getFirst();
        for (String country : List.of("JP", "KR", "US")) {
            for (int i = 0; i < 10; i++) { // ten votes per country cohort: the engine's minimum for common ground
                given2.vote(
                        conversation,
                        given2.participant(conversation, country),
                        statement,
                        org.commonground.participation.Vote.AGREE);
            }
        }
        server.putJson(base() + "/conversation", Map.of("conversationId", conversation.id()), forum.organizer.auth());
        String page = "/forums/" + forum.forumId + "?lang=en";

        var whilePublic = eventually(
                java.time.Duration.ofSeconds(60),
                () -> server.get(page, usDelegate.auth()),
                r -> r.body().contains(agreed));
        org.commonground.conversation.ConversationCatalog.over(given2.jdbi())
                .update(
                        conversation.id(),
                        new org.commonground.conversation.ConversationCatalog.ConversationChanges(
                                null, null, null, org.commonground.conversation.ResultsVisibility.ORGANIZERS));
        var forOrganizersOnly = server.get(page, usDelegate.auth());
        var toItsOrganizer = server.get(page, forum.organizer.auth());

        assertThat(whilePublic.body()).contains(agreed);
        assertThat(forOrganizersOnly.status()).isEqualTo(200);
        assertThat(forOrganizersOnly.body()).doesNotContain(agreed).contains("href=\"/c/" + conversation.id() + "\"");
        assertThat(toItsOrganizer.body()).contains(agreed);
    }

    private static JsonNode first(JsonNode proposals, long project) {
        for (JsonNode p : proposals) {
            if (p.get("projectId").asLong() == project && p.get("rank").asInt() == 1) {
                return p;
            }
        }
        throw new AssertionError("no proposal for project " + project + " in " + proposals);
    }
}
