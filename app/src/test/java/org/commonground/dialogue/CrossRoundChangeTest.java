package org.commonground.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonground.AppConfig;
import org.commonground.account.Role;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ModerationMode;
import org.commonground.participation.Join;
import org.commonground.participation.Vote;
import org.commonground.participation.Votes;
import org.commonground.testing.Given;
import org.commonground.testing.RunningApp;
import org.commonground.testing.TestAccounts;
import org.commonground.testing.TestAccounts.Caller;
import org.commonground.testing.TestServer;
import org.commonground.web.AbuseLimits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The analysis across rounds on planted data, through the real server: 60 Japanese and 60 Korean
 * participants return from round 1 to round 2 (through the return link). On one carried statement
 * the Japan–Korea gap is planted to shrink from 60 to 10 points among them; on the other the same
 * numbers agree in both rounds (different people), a planted null. The dialogue's analysis must call
 * the first a shrinking gap and the second no change, and say so in each language.
 */
class CrossRoundChangeTest {
    /** 120 people come back from one address within a minute: the join quota is not what is tested. */
    @RegisterExtension
    static final RunningApp app =
            new RunningApp(AppConfig.defaults().withAbuseLimits(AbuseLimits.unlimited()), java.time.Clock.systemUTC());

    static TestServer server;
    static TestAccounts given;

    static final int PER_COUNTRY = 60;

    static long dialogue;
    static long shrinking;
    static long steady;

    @BeforeAll
    static void plant() {
        server = app.server();
        given = new TestAccounts(app.db());
        Given world = new Given(app.db());
        Caller organizer = given.create(Role.ORGANIZER);
        Conversation first = world.openConversation(
                organizer.account(),
                ModerationMode.POST,
                "History education",
                List.of("History education should be taught jointly", "Leaders should apologise again"));
        List<Long> ids = world.statementIds(first);
        shrinking = ids.get(0);
        steady = ids.get(1);
        TestServer.Response created = server.postJson(
                "/api/v1/dialogues",
                Map.of(
                        "texts",
                        Map.of("en", Map.of("title", "Planted dialogue", "description", "")),
                        "conversationId",
                        first.id()),
                organizer.auth());
        dialogue = created.json().get("id").asLong();

        List<Join.Joined> jp = new ArrayList<>();
        List<Join.Joined> kr = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (int i = 0; i < PER_COUNTRY; i++) {
            for (String country : List.of("JP", "KR")) {
                Join.Joined p = world.participant(first, country);
                (country.equals("JP") ? jp : kr).add(p);
                links.add(server.postJson(
                                "/api/v1/dialogues/" + dialogue + "/returning",
                                "",
                                "Authorization",
                                "Bearer " + p.token())
                        .json()
                        .get("returnToken")
                        .asText());
            }
        }
        Votes votes = Votes.over(world.jdbi());
        List<Votes.BatchVote> round1 = new ArrayList<>();
        for (int i = 0; i < PER_COUNTRY; i++) {
            // Round 1: 12 of 60 in Japan agree (20%), 48 of 60 in Korea (80%) on both statements: a 60-point gap.
            round1.add(cast(first.id(), jp.get(i), shrinking, i < 12));
            round1.add(cast(first.id(), kr.get(i), shrinking, i < 48));
            round1.add(cast(first.id(), jp.get(i), steady, i < 12));
            round1.add(cast(first.id(), kr.get(i), steady, i < 48));
        }
        assertThat(votes.castAll(round1)).isEqualTo(round1.size());

        TestServer.Response next = server.postJson(
                "/api/v1/dialogues/" + dialogue + "/rounds",
                Map.of("carry", List.of(shrinking, steady), "open", true, "closePrevious", true),
                organizer.auth());
        long second = next.json().at("/rounds/1/conversationId").asLong();
        List<Long> carried = world.statementIds(
                new Conversation(second, null, null, null, false, null, Map.of(), List.of(), null, null));
        List<Votes.BatchVote> round2 = new ArrayList<>();
        for (int i = 0; i < 2 * PER_COUNTRY; i++) {
            TestServer.Response returned =
                    server.postJson("/api/v1/dialogues/" + dialogue + "/return", Map.of("returnToken", links.get(i)));
            assertThat(returned.status()).as(returned.body()).isEqualTo(200);
            JsonNode back = returned.json();
            Join.Joined p = new Join.Joined(
                    0,
                    back.get("participant").asText(),
                    second,
                    back.get("token").asText(),
                    "en",
                    Map.of());
            int k = i / 2;
            boolean japan = i % 2 == 0;
            // Shrinking: Japan 12 → 27 agree (45%), Korea 48 → 33 (55%): a 10-point gap among the same people.
            round2.add(cast(second, p, carried.get(0), japan ? k < 27 : k < 33));
            // Steady: the same 12 and 48 agree, but other people than in round 1: the gap stays 60 points.
            round2.add(cast(second, p, carried.get(1), japan ? (k >= 30 && k < 42) : k >= 12));
        }
        assertThat(votes.castAll(round2)).isEqualTo(round2.size());
    }

    static Votes.BatchVote cast(long conversation, Join.Joined who, long statement, boolean agree) {
        return new Votes.BatchVote(conversation, who.token(), statement, agree ? Vote.AGREE : Vote.DISAGREE);
    }

    static JsonNode trend(JsonNode analysis, long statement) {
        for (JsonNode t : analysis.get("trends")) {
            if (t.get("statementId").asLong() == statement
                    && t.get("first").asText().equals("JP")
                    && t.get("second").asText().equals("KR")) {
                return t;
            }
        }
        throw new AssertionError("no JP–KR trend for statement " + statement + " in " + analysis);
    }

    @Test
    void aPlantedShrinkingGapIsReportedAsShrinkingAmongTheReturningPeople() {
        JsonNode analysis =
                server.get("/api/v1/dialogues/" + dialogue + "/analysis").json();

        JsonNode t = trend(analysis, shrinking);
        assertThat(analysis.get("returningPeople").asInt()).isEqualTo(2 * PER_COUNTRY);
        assertThat(t.at("/rounds/0/gap").asDouble()).isCloseTo(-0.6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(t.at("/rounds/1/gap").asDouble()).isCloseTo(-0.1, org.assertj.core.data.Offset.offset(1e-9));
        JsonNode r1 = t.at("/rounds/0/first");
        assertThat(r1.get("low").asDouble()).isLessThan(0.2).isGreaterThan(0.0);
        assertThat(r1.get("high").asDouble()).isGreaterThan(0.2).isLessThan(0.4);
        JsonNode change = t.get("changes").get(0);
        assertThat(change.get("verdict").asText()).isEqualTo("shrank");
        assertThat(change.get("pairedFirst").asInt()).isEqualTo(PER_COUNTRY);
        assertThat(change.get("pairedSecond").asInt()).isEqualTo(PER_COUNTRY);
        assertThat(change.get("change").asDouble()).isCloseTo(-0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(change.get("high").asDouble()).isLessThan(0);
        assertThat(change.get("sentence").asText())
                .startsWith(
                        "The Japan–Korea gap on “History education should be taught jointly” shrank from 60 to 10 points")
                .contains("among 120 people who voted on it in both round 1 and round 2");
    }

    @Test
    void aPlantedNullIsReportedAsNoChange() {
        JsonNode analysis =
                server.get("/api/v1/dialogues/" + dialogue + "/analysis").json();

        JsonNode change = trend(analysis, steady).get("changes").get(0);

        assertThat(change.get("verdict").asText()).isEqualTo("no_clear_change");
        assertThat(change.get("change").asDouble()).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(change.get("low").asDouble()).isLessThanOrEqualTo(0);
        assertThat(change.get("high").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(change.get("sentence").asText())
                .startsWith(
                        "No change in the Japan–Korea gap on “Leaders should apologise again” from round 1 to round 2: 60 and 60 points");
    }

    @Test
    void theDialoguePageSaysBothPlainlyInJapaneseAndKorean() {
        String ja = server.get("/d/" + dialogue + "?lang=ja").body();
        String ko = server.get("/d/" + dialogue + "?lang=ko").body();

        assertThat(ja).contains("日本–韓国の差は、60ポイントから10ポイントに縮まりました", "変化は見られません", "120人");
        assertThat(ko).contains("일본–한국 격차는 60%p에서 10%p로 줄었습니다", "달라졌다고 볼 수 없습니다", "120명");
        assertThat(ja).contains("<svg", "trend-chart");
    }
}
