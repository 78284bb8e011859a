package org.commonground.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.testing.Eventually.eventually;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonground.AppConfig;
import org.commonground.account.Role;
import org.commonground.testing.ParticipationGiven;
import org.commonground.testing.RunningApp;
import org.commonground.testing.TestServer;
import org.commonground.web.AbuseLimits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The integrity panel's API on a planted conversation (real PostgreSQL, real HTTP server): the
 * brigade is flagged and the class is not; leaving the brigade out removes it from the results and
 * the public report says so; bringing it back restores them; the audit log records both.
 */
class IntegrityHttpTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp(
            AppConfig.defaults().withAbuseLimits(AbuseLimits.unlimited()),
            Clock.systemUTC()); // 113 joins from one address in seconds: the planting, not what is tested

    static TestServer server;
    static ParticipationGiven given;
    static PlantedBrigade planted;
    static ParticipationGiven.Person moderator;
    static String base;

    @BeforeAll
    static void plant() {
        server = app.server();
        given = new ParticipationGiven(app.db());
        planted = new PlantedBrigade(server, given);
        moderator = given.person(Role.MODERATOR, planted.conversation, "moderator");
        base = "/api/v1/conversations/" + planted.conversation.id();
    }

    @Test
    void theBrigadeIsOneClusterAndTheClassIsInNone() {
        JsonNode signals = signals();

        assertThat(signals.get("participants").asInt()).isEqualTo(planted.participants());
        assertThat(signals.get("clusters")).hasSize(1);
        JsonNode cluster = signals.get("clusters").get(0);
        assertThat(ids(cluster.get("participantIds"))).containsExactlyInAnyOrderElementsOf(planted.brigade);
        assertThat(cluster.get("mainInvite").asText()).isEqualTo("Net cafe");
        assertThat(cluster.get("mainInviteMembers").asInt()).isEqualTo(40);
        assertThat(cluster.get("agreeShare").asDouble()).isEqualTo(0.75);

        JsonNode bursts = signals.get("bursts");
        JsonNode brigadeBurst = burstThrough(bursts, "Net cafe");
        assertThat(brigadeBurst.get("joins").asInt()).isEqualTo(40);
        assertThat(brigadeBurst.get("flagged").asInt()).isEqualTo(40);
        JsonNode classBurst = burstThrough(bursts, "Class 3-B");
        assertThat(classBurst.get("joins").asInt())
                .as("a class joining within a minute is a burst too")
                .isEqualTo(40);
        assertThat(classBurst.get("flagged").asInt())
                .as("but none of its pupils votes like another")
                .isZero();

        assertThat(signals.get("oneValueVoters").findValues("participantId").stream()
                        .map(JsonNode::asLong)
                        .toList())
                .containsExactlyInAnyOrderElementsOf(planted.yesSayers);

        Set<Long> leaned = new HashSet<>(ids(signals.get("leanedStatements").findValues("statementId")));
        for (int s = 0; s < PlantedBrigade.STATEMENTS; s++) {
            assertThat(leaned.contains(planted.statements.get(s)))
                    .as("statement %d leans on flagged support exactly when the brigade agreed with it", s)
                    .isEqualTo(PlantedBrigade.brigadeAgrees(s));
        }
        assertThat(signals.at("/thresholds/similarity").asDouble()).isEqualTo(0.9);
    }

    @Test
    void leavingTheBrigadeOutAndBringingItBackIsReflectedEverywhereAndAudited() {
        int everyone = planted.participants();
        long agreedStatement = planted.statements.getFirst();
        int agreesBefore = agreesOn(agreedStatement);
        eventually(Duration.ofSeconds(30), () -> analysedParticipants(), n -> n == everyone);

        TestServer.Response excluded = server.postJson(
                base + "/integrity/exclusions",
                Map.of(
                        "participantIds",
                        planted.brigade,
                        "reason",
                        "coordinated",
                        "note",
                        "Cluster 1: joined through the net cafe invite within two minutes, identical votes"),
                moderator.bearer());
        assertThat(excluded.status()).isEqualTo(200);
        assertThat(excluded.json().get("participants").asInt()).isEqualTo(40);

        eventually(Duration.ofSeconds(30), () -> analysedParticipants(), n -> n == everyone - 40);
        assertThat(server.get(base + "/results")
                        .json()
                        .get("excludedParticipants")
                        .asInt())
                .isEqualTo(40);
        assertThat(agreesOn(agreedStatement)).isEqualTo(agreesBefore - 40);
        String report = eventually(
                Duration.ofSeconds(10),
                () -> server.get("/c/" + planted.conversation.id() + "/results", "Accept-Language", "ko")
                        .body(),
                page -> page.contains("제외했습니다"));
        assertThat(report).contains("모더레이터가 참여자 40명을 이 분석에서 제외했습니다(사유: 조직적 투표(40명)).");
        assertThat(server.get("/c/" + planted.conversation.id() + "/results", "Accept-Language", "en")
                        .body())
                .contains(
                        "Moderators left 40 of the participants out of this analysis (reason: coordinated voting (40)).");
        assertThat(server.get("/c/" + planted.conversation.id() + "/results", "Accept-Language", "ja")
                        .body())
                .contains("モデレーターが参加者40人をこの分析から除外しました（理由：組織的な投票（40人））。");
        assertThat(given.count("SELECT count(*) FROM participant WHERE conversation_id = ?", planted.conversation.id()))
                .as("the participants are kept")
                .isEqualTo(everyone);
        assertThat(given.count(
                        "SELECT count(*) FROM current_vote WHERE participant_id = ANY(?)", (Object) brigadeArray()))
                .as("and so are their votes")
                .isEqualTo(40 * PlantedBrigade.STATEMENTS);
        JsonNode signals = signals();
        assertThat(signals.at("/excluded/count").asInt()).isEqualTo(40);
        assertThat(signals.at("/clusters/0/excluded").asInt()).isEqualTo(40);

        TestServer.Response restored = server.postJson(
                base + "/integrity/restorations",
                Map.of("participantIds", planted.brigade, "note", "A second look: a school trip after all"),
                moderator.bearer());
        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.json().get("participants").asInt()).isEqualTo(40);

        eventually(Duration.ofSeconds(30), () -> analysedParticipants(), n -> n == everyone);
        assertThat(agreesOn(agreedStatement)).isEqualTo(agreesBefore);
        eventually(
                Duration.ofSeconds(10),
                () -> server.get("/c/" + planted.conversation.id() + "/results", "Accept-Language", "ko")
                        .body(),
                page -> !page.contains("제외했습니다"));

        JsonNode audit =
                server.get(base + "/integrity/audit", moderator.bearer()).json();
        assertThat(audit).hasSize(2);
        JsonNode restoration = audit.get(0);
        JsonNode exclusion = audit.get(1);
        assertThat(restoration.get("action").asText()).isEqualTo("restore");
        assertThat(restoration.get("participants").asInt()).isEqualTo(40);
        assertThat(restoration.get("note").asText()).isEqualTo("A second look: a school trip after all");
        assertThat(exclusion.get("action").asText()).isEqualTo("exclude");
        assertThat(exclusion.get("reason").asText()).isEqualTo("coordinated");
        assertThat(exclusion.get("participants").asInt()).isEqualTo(40);
        assertThat(ids(exclusion.get("participantIds"))).containsExactlyInAnyOrderElementsOf(planted.brigade);
        String email = given.jdbi.withHandle(h -> h.select("SELECT email FROM account WHERE id = ?", moderator.id())
                .mapTo(String.class)
                .one());
        assertThat(exclusion.get("decidedBy").asText()).isEqualTo(email);
        assertThat(restoration.get("decidedBy").asText()).isEqualTo(email);
        assertThat(exclusion.get("decidedAt").asText()).isNotBlank();
    }

    @Test
    void aBadDecisionIsA422InTheReadersLanguageAndChangesNothing() {
        var other = given.openConversation();
        long stranger = given.participant(other).id();
        int auditBefore = given.count("SELECT count(*) FROM exclusion_audit");

        TestServer.Response foreign = server.postJson(
                base + "/integrity/exclusions",
                Map.of("participantIds", List.of(stranger), "reason", "coordinated", "note", "x"),
                moderator.bearer("Accept-Language", "ja"));
        TestServer.Response noNote = server.postJson(
                base + "/integrity/exclusions",
                Map.of("participantIds", planted.yesSayers, "reason", "one-value", "note", "  "),
                moderator.bearer());
        TestServer.Response badReason = server.postJson(
                base + "/integrity/exclusions",
                Map.of("participantIds", planted.yesSayers, "reason", "dislike", "note", "no"),
                moderator.bearer());
        TestServer.Response nobody = server.postJson(
                base + "/integrity/restorations",
                Map.of("participantIds", List.of(), "note", "no"),
                moderator.bearer());

        assertThat(List.of(foreign.status(), noNote.status(), badReason.status(), nobody.status()))
                .containsOnly(422);
        assertThat(foreign.body()).contains("この対話の参加者ではありません");
        assertThat(given.count("SELECT count(*) FROM exclusion_audit")).isEqualTo(auditBefore);
        assertThat(given.count("SELECT count(*) FROM participant_exclusion WHERE participant_id = ?", stranger))
                .isZero();
    }

    private static JsonNode signals() {
        TestServer.Response r = server.get(base + "/integrity", moderator.bearer());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode burstThrough(JsonNode bursts, String invite) {
        for (JsonNode b : bursts) {
            if (invite.equals(b.path("inviteLabel").asText())) {
                return b;
            }
        }
        throw new AssertionError("no burst through " + invite + " in " + bursts);
    }

    private static int analysedParticipants() {
        TestServer.Response r = server.get(base + "/results");
        return r.status() == 200 ? r.json().get("participants").asInt() : -1;
    }

    private static int agreesOn(long statement) {
        for (JsonNode t : server.get(base + "/tallies").json()) {
            if (t.get("statementId").asLong() == statement) {
                return t.get("agree").asInt();
            }
        }
        throw new AssertionError("no tally of " + statement);
    }

    private static Long[] brigadeArray() {
        return planted.brigade.toArray(Long[]::new);
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asLong()));
        return out;
    }

    private static List<Long> ids(List<JsonNode> nodes) {
        return nodes.stream().map(JsonNode::asLong).toList();
    }
}
