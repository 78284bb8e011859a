package org.commonground.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonground.account.Role;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ModerationMode;
import org.commonground.testing.Given;
import org.commonground.testing.RunningApp;
import org.commonground.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ParticipantPagesTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    static Conversation conversation;

    @BeforeAll
    static void arrange() {
        var given = new Given(app.db());
        var owner = given.account("owner@example.org", Role.ORGANIZER);
        conversation = given.openConversation(
                owner,
                ModerationMode.PRE,
                "Pages",
                List.of("<script>alert(1)</script>", "Students should meet more often.", "学生の交流を増やすべきだ。"));
    }

    /** A browser-like visitor: keeps its cookies and sends the CSRF token with its forms. */
    static final class Visitor {
        final TestServer server = app.server();
        String cookies = "";
        String csrf;

        TestServer.Response get(String path) {
            var r = server.get(path, "Accept", "text/html", "Cookie", cookies);
            keep(r);
            Matcher m =
                    Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return r;
        }

        TestServer.Response post(String path, String form, String... headers) {
            String[] all = new String[headers.length + 8];
            System.arraycopy(
                    new String[] {
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "Cookie",
                        cookies,
                        "Accept",
                        "text/html",
                        "X-CSRF-Token",
                        csrf
                    },
                    0,
                    all,
                    0,
                    8);
            System.arraycopy(headers, 0, all, 8, headers.length);
            var r = server.send("POST", path, form, all);
            keep(r);
            return r;
        }

        private void keep(TestServer.Response r) {
            for (String c : r.raw().headers().allValues("Set-Cookie")) {
                String pair = c.split(";")[0];
                String name = pair.substring(0, pair.indexOf('='));
                cookies = (cookies.replaceAll("(^|; )" + Pattern.quote(name) + "=[^;]*", "") + "; " + pair)
                        .replaceAll("^; ", "");
            }
        }
    }

    private Visitor joined(String country) {
        Visitor v = new Visitor();
        v.get("/c/" + conversation.id());
        var r = v.post("/c/" + conversation.id() + "/join", "cohort_country=" + country + "&cohort_role=student");
        assertThat(r.status()).isEqualTo(302);
        return v;
    }

    @Test
    void landingExplainsTheConversationAndAsksForTheCohorts() {
        var page = new Visitor().get("/c/" + conversation.id() + "?lang=en");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "<h1>Pages</h1>",
                        "What is kept about you",
                        "name=\"cohort_country\"",
                        "value=\"JP\"",
                        "Japan",
                        "name=\"cohort_role\"");
    }

    @Test
    void joiningLeadsToVotingOneStatementAtATime() {
        Visitor v = joined("JP");

        var page = v.get("/c/" + conversation.id() + "/vote");

        assertThat(v.cookies).contains("cg_participant_" + conversation.id() + "=cgp_");
        assertThat(page.body()).contains("id=\"vote-card\"", "0 of 3 statements voted", "data-key=\"a\"");
    }

    @Test
    void oneVoteOverHtmxIsOneSmallRequestAnsweredWithTheNextCard() {
        Visitor v = joined("KR");
        var page = v.get("/c/" + conversation.id() + "/vote");
        String statement = firstMatch(page.body(), "/vote/(\\d+)\"");

        var answer = v.post("/c/" + conversation.id() + "/vote/" + statement, "value=agree", "HX-Request", "true");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body())
                .startsWith("<section id=\"vote-card\"")
                .doesNotContain("<html")
                .contains("1 of 3 statements voted");
        assertThat(answer.body().length()).isLessThan(4_000);
    }

    @Test
    void statementsAreShownInertWhateverTheyContain() {
        Visitor v = joined("US");
        String body = "";
        for (int i = 0; i < 3 && !body.contains("alert(1)"); i++) {
            body = v.get("/c/" + conversation.id() + "/vote").body();
            if (!body.contains("alert(1)")) {
                v.post("/c/" + conversation.id() + "/vote/" + firstMatch(body, "/vote/(\\d+)\""), "value=pass");
            }
        }

        assertThat(body).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void aNearDuplicateIsRefusedKindlyShowingTheExistingStatement() {
        Visitor v = joined("JP");
        v.get("/c/" + conversation.id() + "/vote");

        var answer = v.post(
                "/c/" + conversation.id() + "/statements",
                "text=students+SHOULD+meet+more+often!!",
                "HX-Request",
                "true");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body()).contains("already here", "Students should meet more often.");
    }

    @Test
    void aNewStatementWaitsForModerationInAPreModeratedConversation() {
        Visitor v = joined("KR");
        v.get("/c/" + conversation.id() + "/vote");

        var answer = v.post(
                "/c/" + conversation.id() + "/statements",
                "text=" + "한일 대학생 교환을 늘려야 한다".replace(" ", "+"),
                "HX-Request",
                "true");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("waits for a moderator");
    }

    @Test
    void votingWithoutJoiningLeadsToTheLandingPage() {
        var answer = new Visitor().get("/c/" + conversation.id() + "/vote");

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).isEqualTo("/c/" + conversation.id());
    }

    @Test
    void anUnknownConversationIsAFriendlyNotFoundPage() {
        var answer = new Visitor().get("/c/999999?lang=ja");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).contains("ページが見つかりません");
    }

    private static String firstMatch(String body, String regex) {
        Matcher m = Pattern.compile(regex).matcher(body);
        assertThat(m.find()).as(regex + " in " + body).isTrue();
        return m.group(1);
    }
}
