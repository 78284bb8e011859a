package org.commonground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.commonground.account.Role;
import org.commonground.account.SignInAttempts;
import org.commonground.testing.FreshDatabase;
import org.commonground.testing.ParticipationGiven;
import org.commonground.testing.TestAccounts;
import org.commonground.testing.TestDatabase;
import org.commonground.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A server deployed behind a reverse proxy sees the client's address, scheme and host; one not behind a proxy ignores such headers. */
class BehindProxyTest {
    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();

    static TestDatabase db;
    static ParticipationGiven given;

    @BeforeAll
    static void arrange() {
        db = database.get();
        given = new ParticipationGiven(db);
    }

    private static final String[] FORWARDED = {"X-Forwarded-Proto", "https", "X-Forwarded-Host", "cg.example.org"};

    @Test
    void inviteLinksUseThePublicSchemeAndHostOnlyWhenBehindAProxy() {
        var c = given.openConversation();
        var organizer = given.person(Role.ORGANIZER, c, "organizer");
        given.invite(c, null, "KR");
        String manage = "/organize/c/" + c.id();

        String proxied;
        String direct;
        try (TestServer server = TestServer.start(db, AppConfig.defaults().deployed(true, true))) {
            proxied = server.get(manage, organizer.bearer(concat("Accept", "text/html")))
                    .body();
        }
        try (TestServer server = TestServer.start(db, AppConfig.defaults())) {
            direct = server.get(manage, organizer.bearer(concat("Accept", "text/html")))
                    .body();
        }

        assertThat(proxied).contains("https://cg.example.org/c/" + c.id() + "?invite=");
        assertThat(direct).doesNotContain("cg.example.org").contains("http://127.0.0.1:");
    }

    @Test
    void signInThrottlingCountsTheForwardedClientAddress() {
        var caller = new TestAccounts(db).create(Role.ORGANIZER);
        try (TestServer server = TestServer.start(db, AppConfig.defaults().deployed(false, true))) {
            for (int i = 0; i < SignInAttempts.MAX_FAILURES; i++) {
                server.postJson(
                        "/api/v1/session",
                        Map.of("email", caller.email(), "password", "guess " + i),
                        "X-Forwarded-For",
                        "203.0.113.5");
            }

            var guesser = server.postJson(
                    "/api/v1/session",
                    Map.of("email", caller.email(), "password", TestAccounts.PASSWORD),
                    "X-Forwarded-For",
                    "203.0.113.5");
            var person = server.postJson(
                    "/api/v1/session",
                    Map.of("email", caller.email(), "password", TestAccounts.PASSWORD),
                    "X-Forwarded-For",
                    "198.51.100.2");

            assertThat(guesser.status()).isEqualTo(429);
            assertThat(person.status())
                    .as("the real person behind the same proxy")
                    .isEqualTo(200);
        }
    }

    private static String[] concat(String... more) {
        String[] all = new String[FORWARDED.length + more.length];
        System.arraycopy(FORWARDED, 0, all, 0, FORWARDED.length);
        System.arraycopy(more, 0, all, FORWARDED.length, more.length);
        return all;
    }
}
