package org.commonground.embed;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ModerationMode;
import org.commonground.db.Database;
import org.commonground.testing.Browser;
import org.commonground.testing.Eventually;
import org.commonground.testing.Given;
import org.commonground.testing.RunningApp;
import org.commonground.testing.TestAccounts;
import org.commonground.testing.TestServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * The embedded vote card, framed by a page of another site (a tiny server on 127.0.0.2, another
 * host and port than the app's 127.0.0.1): the organizer lists that origin on the manage page,
 * the page embeds the snippet, and a visitor joins and votes through the frame.
 */
class EmbedBrowserTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    private static TestAccounts accounts;
    private static Given given;
    private static Jdbi jdbi;

    @BeforeAll
    static void world() {
        accounts = new TestAccounts(app.db());
        given = new Given(app.db());
        jdbi = Database.jdbi(app.db().dataSource());
    }

    @Test
    void aVisitorOfAListedSiteJoinsAndVotesThroughTheEmbeddedCard() {
        String email = "embedder-" + System.nanoTime() + "@example.org";
        var organizer = given.account(email, org.commonground.account.Role.ORGANIZER);
        Conversation c = given.openConversation(
                organizer, ModerationMode.POST, "Schools and history", List.of("日韓の教師が共同で歴史の教材を作るべきだ。"));
        HttpServer site = siteEmbedding(app.server().baseUrl() + "/embed/c/" + c.id());
        String siteOrigin = "http://127.0.0.2:" + site.getAddress().getPort();
        try (Browser b = Browser.open(app.server())) {
            signIn(b, email);
            b.go("/organize/c/" + c.id());
            b.clickThrough("a[href='/organize/c/" + c.id() + "/embed']");
            b.assertAccessible("embed, organizer");
            b.type("#embed-origins", siteOrigin);
            b.clickThrough("#embed-origins ~ .actions button");
            b.await("#embed-saved");
            assertThat(b.find("#card-snippet").getAttribute("value"))
                    .contains("<iframe src=\"" + app.server().baseUrl() + "/embed/c/" + c.id() + "\"");

            b.driver().get(siteOrigin + "/");
            b.driver().switchTo().frame("card");
            b.await("#embed-join");
            new Select(b.find("select[data-dimension=country]")).selectByValue("KR");
            new Select(b.find("select[data-dimension=role]")).selectByValue("educator");
            b.click("#embed-join-button");
            b.awaitText("#embed-statement", "日韓の教師が共同で歴史の教材を作るべきだ。");
            b.click("#embed-agree");
            b.awaitText("#embed-status", "Your vote is saved.");
            b.driver().switchTo().defaultContent();
            b.assertNoPolicyViolations("embedded vote card");
            // Opened on its own, the card is in another storage partition than inside the site's frame:
            // it asks to join again (the token of the framed card is the site's partition's).
            b.go("/embed/c/" + c.id());
            b.await("#embed-join");
            b.assertAccessible("embedded vote card, alone");
        } finally {
            site.stop(0);
        }

        List<Map<String, Object>> votes =
                Eventually.eventually(Duration.ofSeconds(5), () -> votesIn(c.id()), v -> !v.isEmpty());
        assertThat(votes).singleElement().satisfies(v -> {
            assertThat(((Number) v.get("value")).intValue()).isEqualTo(1);
            assertThat(v.get("country")).isEqualTo("KR");
        });
    }

    @Test
    void onlyTheEmbedPagesOfAConversationWithListedOriginsMayBeFramedAndOnlyByThem() {
        TestAccounts.Caller organizer = accounts.organizer();
        Conversation c = given.openConversation(organizer.account(), ModerationMode.POST, "Framing", List.of());
        TestServer.Response put = app.server()
                .putJson(
                        "/api/v1/conversations/" + c.id() + "/embed-origins",
                        Map.of("origins", List.of("https://News.example/", "http://127.0.0.2:8081")),
                        organizer.auth());
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("origins").toString())
                .isEqualTo("[\"http://127.0.0.2:8081\",\"https://news.example\"]");

        for (String embed : List.of("/embed/c/" + c.id(), "/embed/c/" + c.id() + "/summary")) {
            TestServer.Response r = app.server().get(embed);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Security-Policy"))
                    .contains("frame-ancestors http://127.0.0.2:8081 https://news.example")
                    .doesNotContain("https://other.example")
                    .contains("script-src 'self'");
            assertThat(r.header("X-Frame-Options")).isNull();
        }
        for (String page : List.of("/c/" + c.id(), "/", "/c/" + c.id() + "/results")) {
            TestServer.Response r = app.server().get(page);
            assertThat(r.header("Content-Security-Policy")).as(page).contains("frame-ancestors 'none'");
            assertThat(r.header("X-Frame-Options")).as(page).isEqualTo("DENY");
        }
        Conversation unlisted = given.openConversation(organizer.account(), ModerationMode.POST, "Unlisted", List.of());
        TestServer.Response r = app.server().get("/embed/c/" + unlisted.id());
        assertThat(r.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void anOriginWithAPathOrAQuoteIsRefused() {
        TestAccounts.Caller organizer = accounts.organizer();
        Conversation c = given.openConversation(organizer.account(), ModerationMode.POST, "Refusals", List.of());

        TestServer.Response r = app.server()
                .putJson(
                        "/api/v1/conversations/" + c.id() + "/embed-origins",
                        Map.of("origins", List.of("https://ok.example", "https://bad.example/path", "'self'", "*")),
                        organizer.auth("Accept-Language", "en"));

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body())
                .contains("origins.1")
                .contains("origins.2")
                .contains("origins.3")
                .doesNotContain("origins.0");
        assertThat(app.server()
                        .putJson(
                                "/api/v1/conversations/" + c.id() + "/embed-origins",
                                Map.of("origins", List.of("https://ok.example")),
                                accounts.organizer().auth())
                        .status())
                .as("another organizer")
                .isEqualTo(403);
    }

    /** A page of another site that embeds {@code src}, served on 127.0.0.2. */
    private static HttpServer siteEmbedding(String src) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
            byte[] page = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>News</title></head>"
                            + "<body><h1>Local news</h1><iframe id=\"card\" name=\"card\" src=\"" + src
                            + "\" width=\"480\" height=\"520\"></iframe></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            s.createContext("/", ex -> {
                ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                ex.sendResponseHeaders(200, page.length);
                ex.getResponseBody().write(page);
                ex.close();
            });
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void signIn(Browser b, String email) {
        b.go("/sign-in?lang=en");
        b.type("#email", email).type("#password", TestAccounts.PASSWORD);
        b.through(() -> b.find("#password").sendKeys(Keys.ENTER));
        b.await("h1");
    }

    private static List<Map<String, Object>> votesIn(long conversationId) {
        return jdbi.withHandle(
                h -> h.createQuery("""
                        SELECT v.value, pc.value AS country
                        FROM current_vote v
                        JOIN participant p ON p.id = v.participant_id
                        JOIN participant_cohort pc ON pc.participant_id = p.id
                        JOIN cohort_dimension d ON d.id = pc.dimension_id AND d.name = 'country'
                        WHERE p.conversation_id = :c""").bind("c", conversationId).mapToMap().list());
    }
}
