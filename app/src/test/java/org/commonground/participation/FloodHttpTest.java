package org.commonground.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.commonground.AppConfig;
import org.commonground.testing.HandClock;
import org.commonground.testing.ParticipationGiven;
import org.commonground.testing.RunningApp;
import org.commonground.testing.TestServer;
import org.commonground.testing.TestServer.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The floods of issue 8 against the default limits, over real HTTP from one address (127.0.0.1):
 * a classroom joins, a join loop, a vote loop and a statement loop do not. The rate windows run on
 * a clock the test moves.
 */
class FloodHttpTest {
    static final String CSRF = "f".repeat(43);
    static final HandClock clock = new HandClock();

    @RegisterExtension
    static final RunningApp app = new RunningApp(AppConfig.defaults(), clock);

    static TestServer server;
    static ParticipationGiven given;

    @BeforeAll
    static void arrange() {
        server = app.server();
        given = new ParticipationGiven(app.db());
    }

    /** What a loop of requests got: how many were 201 and the last refusal. */
    record Flood(int created, Response refused) {
        static Flood of(int times, IntFunction<Response> send) {
            int created = 0;
            Response refused = null;
            for (int i = 0; i < times; i++) {
                Response r = send.apply(i);
                if (r.status() == 201) {
                    created++;
                } else {
                    refused = r;
                }
            }
            return new Flood(created, refused);
        }
    }

    /** Every test starts with full quotas: the windows of the test before have long passed. */
    @BeforeEach
    void later() {
        clock.advance(Duration.ofDays(1));
    }

    static String joins(ParticipationGiven.Conversation c) {
        return "/api/v1/conversations/" + c.id() + "/participants";
    }

    @Test
    void aClassroomOfFortyBehindOneAddressJoinsWithinAMinuteButAJoinLoopIsStopped() {
        var c = given.openConversation();
        for (int pupil = 0; pupil < 40; pupil++) {
            clock.advance(Duration.ofMillis(1500));
            assertThat(server.postJson(joins(c), Map.of()).status())
                    .as("pupil %d", pupil)
                    .isEqualTo(201);
        }
        clock.advance(Duration.ofMinutes(5));

        Flood flood = Flood.of(500, i -> server.postJson(joins(c), Map.of(), "Accept-Language", "ko"));
        Response refused = flood.refused();

        assertThat(flood.created()).isEqualTo(60);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).endsWith("/too-many-joins");
        assertThat(refused.json().get("detail").asText()).contains("1초 후에 다시 시도");
        assertThat(given.count("SELECT count(*) FROM participant WHERE conversation_id = ?", c.id()))
                .isEqualTo(100);
        clock.advance(Duration.ofSeconds(1));
        assertThat(server.postJson(joins(c), Map.of()).status()).isEqualTo(201);
    }

    @Test
    void anInviteLinkHasItsOwnQuotaSoAHallBehindOneAddressStillJoins() {
        var c = given.openConversation();
        var invite = given.invite(c, null, "KR");
        Flood withoutInvite = Flood.of(100, i -> server.postJson(joins(c), Map.of()));

        Flood throughInvite = Flood.of(400, i -> server.postJson(joins(c), Map.of("invite", invite.code())));

        assertThat(withoutInvite.created()).isEqualTo(60);
        assertThat(throughInvite.created()).isEqualTo(300);
        assertThat(server.postJson(joins(c), Map.of("invite", invite.code()))
                        .json()
                        .get("type")
                        .asText())
                .endsWith("/too-many-joins");
    }

    @Test
    void oneParticipantCannotFloodVotesButAnotherStillVotes() {
        var c = given.openConversation();
        long[] statements = {
            given.statement(c, "Textbooks should be written jointly."),
            given.statement(c, "Youth exchanges matter most.")
        };
        var flooder = given.participant(c);
        var other = given.participant(c);

        Flood flood = Flood.of(
                1000,
                i -> vote(flooder, statements[i % 2], i % 3 == 0 ? "agree" : "disagree", "Accept-Language", "ja"));
        Response refused = flood.refused();

        assertThat(flood.created()).isEqualTo(60);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.json().get("type").asText()).endsWith("/too-many-votes");
        assertThat(refused.json().get("detail").asText()).contains("1秒後にまた投票できます");
        assertThat(vote(other, statements[0], "pass").status()).isEqualTo(201);
        clock.advance(Duration.ofSeconds(1));
        assertThat(vote(flooder, statements[1], "pass").status()).isEqualTo(201);
    }

    @Test
    void oneParticipantCannotFloodStatements() {
        var c = given.openConversation();
        var writer = given.participant(c);
        List<String> texts = List.of(
                "Tea ceremonies teach patience.",
                "Football unites fans across borders.",
                "Museums ought to open late on Fridays.",
                "Trains between Busan and Fukuoka would help.",
                "Schools could share lesson plans.",
                "Cooking shows build curiosity.",
                "Elections need calm debate.",
                "Music festivals welcome visitors.",
                "Scientists collaborate on ocean research.",
                "Translators deserve credit.",
                "Children learn both alphabets quickly.",
                "Libraries should stock more comics.");

        Flood flood = Flood.of(
                texts.size(),
                i -> server.postJson(
                        "/api/v1/conversations/" + c.id() + "/statements",
                        Map.of("text", texts.get(i)),
                        writer.bearer("Accept-Language", "en")));
        Response refused = flood.refused();

        assertThat(flood.created()).isEqualTo(10);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("60");
        assertThat(refused.json().get("type").asText()).endsWith("/too-many-statements");
        assertThat(refused.json().get("detail").asText()).contains("in 60 seconds");
    }

    @Test
    void theVotePageShowsTheRefusalOnTheCardBothWithHtmxAndWithoutJavaScript() {
        var c = given.openConversation();
        long s = given.statement(c, "Border towns should run joint festivals.");
        given.statement(c, "Ferries should be cheaper for students.");
        var person = given.participant(c, "ja");
        // The quota runs out through the API; the page counts the same person.
        assertThat(Flood.of(100, i -> vote(person, s, "agree")).created()).isEqualTo(60);

        Response htmx = pageVote(person, s, "HX-Request", "true", "Accept-Language", "ja");
        Response plain = pageVote(person, s, "Accept-Language", "ko");

        assertThat(htmx.status()).isEqualTo(429);
        assertThat(htmx.header("Retry-After")).isEqualTo("1");
        assertThat(htmx.body())
                .contains("<section id=\"vote-card\"")
                .doesNotContain("<html")
                .contains("role=\"alert\"")
                .contains("秒後にまた投票できます")
                .contains("hx-post=\"/c/" + c.id() + "/vote/");
        assertThat(plain.status()).isEqualTo(429);
        assertThat(plain.body()).contains("<html lang=\"ko\"").contains("초 후에 다시 투표할 수 있습니다");
    }

    @Test
    void theJoinAndWriteFormsShowTheRefusalInTheReadersLanguage() {
        var c = given.openConversation();
        assertThat(Flood.of(100, i -> server.postJson(joins(c), Map.of())).created())
                .isEqualTo(60);
        var writer = given.participant(c, "ko");
        for (int i = 0; i < 10; i++) {
            server.postJson(
                    "/api/v1/conversations/" + c.id() + "/statements",
                    Map.of("text", "Statement number " + (char) ('a' + i) + " on topic " + i * 7919),
                    writer.bearer());
        }

        Response join = server.send(
                "POST",
                "/c/" + c.id() + "/join",
                "_csrf=" + CSRF,
                "Content-Type",
                "application/x-www-form-urlencoded",
                "Cookie",
                "cg_csrf=" + CSRF,
                "Accept-Language",
                "ja");
        Response write = server.send(
                "POST",
                "/c/" + c.id() + "/statements",
                "_csrf=" + CSRF + "&text=Fresh+idea+here",
                "Content-Type",
                "application/x-www-form-urlencoded",
                "HX-Request",
                "true",
                "Accept-Language",
                "ko",
                "Cookie",
                "cg_csrf=" + CSRF + "; " + Participants.cookieName(c.id()) + "=" + writer.token());

        assertThat(join.status()).isEqualTo(429);
        assertThat(join.header("Retry-After")).isEqualTo("1");
        assertThat(join.body()).contains("role=\"alert\"").contains("秒待ってからもう一度お試しいただくか");
        assertThat(write.status()).isEqualTo(429);
        assertThat(write.body())
                .contains("<section id=\"write\"")
                .doesNotContain("<html")
                .contains("다음 의견은 60초 후에 작성할 수 있습니다");
    }

    private static Response vote(ParticipationGiven.Taker who, long statement, String value, String... headers) {
        return server.postJson(
                "/api/v1/conversations/" + who.conversationId() + "/votes",
                Map.of("statementId", statement, "value", value),
                who.bearer(headers));
    }

    private static Response pageVote(ParticipationGiven.Taker who, long statement, String... headers) {
        String[] all = new String[headers.length + 4];
        all[0] = "Content-Type";
        all[1] = "application/x-www-form-urlencoded";
        all[2] = "Cookie";
        all[3] = "cg_csrf=" + CSRF + "; " + Participants.cookieName(who.conversationId()) + "=" + who.token();
        System.arraycopy(headers, 0, all, 4, headers.length);
        return server.send(
                "POST", "/c/" + who.conversationId() + "/vote/" + statement, "_csrf=" + CSRF + "&value=agree", all);
    }
}
