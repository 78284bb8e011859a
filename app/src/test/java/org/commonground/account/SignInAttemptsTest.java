package org.commonground.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.commonground.db.Database;
import org.commonground.problem.TooManyRequests;
import org.commonground.testing.FreshDatabase;
import org.commonground.testing.HandClock;
import org.commonground.testing.TestAccounts;
import org.commonground.testing.TestDatabase;
import org.commonground.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Password guessing is slowed per e-mail and client address, on the real account store. */
class SignInAttemptsTest {
    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();

    static TestDatabase db;
    static TestAccounts accounts;

    @BeforeAll
    static void arrange() {
        db = database.get();
        accounts = new TestAccounts(db);
    }

    @Test
    void fiveFailuresRefuseEvenTheRightPasswordFromThatAddressUntilTheWindowPasses() {
        var caller = accounts.create(Role.ORGANIZER);
        var clock = new HandClock();
        var attempts = new SignInAttempts(new AccountStore(Database.jdbi(db.dataSource())), clock);
        for (int i = 0; i < SignInAttempts.MAX_FAILURES; i++) {
            assertThat(attempts.signIn(caller.email(), "guess " + i, "203.0.113.7"))
                    .isEmpty();
        }

        assertThatThrownBy(() -> attempts.signIn(caller.email().toUpperCase(), TestAccounts.PASSWORD, "203.0.113.7"))
                .isInstanceOfSatisfying(
                        TooManyRequests.class,
                        e -> assertThat(e.retryAfterSeconds()).isBetween(1L, 15 * 60L + 1));
        assertThat(attempts.signIn(caller.email(), TestAccounts.PASSWORD, "198.51.100.1"))
                .as("the person signing in from elsewhere")
                .isPresent();

        clock.advance(SignInAttempts.WINDOW.plus(Duration.ofSeconds(1)));
        assertThat(attempts.signIn(caller.email(), TestAccounts.PASSWORD, "203.0.113.7"))
                .isPresent();
    }

    @Test
    void aSuccessForgetsEarlierFailures() {
        var caller = accounts.create(Role.MODERATOR);
        var attempts = new SignInAttempts(new AccountStore(Database.jdbi(db.dataSource())), new HandClock());
        for (int i = 0; i < SignInAttempts.MAX_FAILURES - 1; i++) {
            attempts.signIn(caller.email(), "typo " + i, "203.0.113.8");
        }

        assertThat(attempts.signIn(caller.email(), TestAccounts.PASSWORD, "203.0.113.8"))
                .isPresent();
        for (int i = 0; i < SignInAttempts.MAX_FAILURES - 1; i++) {
            assertThat(attempts.signIn(caller.email(), "typo again " + i, "203.0.113.8"))
                    .isEmpty();
        }
    }

    @Test
    void theApiAnswers429WithRetryAfterAndThePageSaysHowLongToWait() {
        var caller = accounts.create(Role.ORGANIZER);
        try (TestServer server = TestServer.start(db)) {
            for (int i = 0; i < SignInAttempts.MAX_FAILURES; i++) {
                assertThat(server.postJson("/api/v1/session", Map.of("email", caller.email(), "password", "wrong " + i))
                                .status())
                        .isEqualTo(401);
            }

            var api = server.postJson(
                    "/api/v1/session",
                    Map.of("email", caller.email(), "password", TestAccounts.PASSWORD),
                    "Accept-Language",
                    "ko");
            var csrf = server.get("/sign-in").header("Set-Cookie").split(";")[0];
            var page = server.send(
                    "POST",
                    "/sign-in",
                    "email=" + caller.email() + "&password=x&_csrf=" + csrf.substring(csrf.indexOf('=') + 1),
                    "Content-Type",
                    "application/x-www-form-urlencoded",
                    "Cookie",
                    csrf,
                    "Accept-Language",
                    "en");

            assertThat(api.status()).isEqualTo(429);
            assertThat(api.contentType()).startsWith("application/problem+json");
            assertThat(api.json().get("type").asText()).endsWith("/too-many-sign-ins");
            assertThat(api.json().get("detail").asText()).contains("로그인에 너무 많이 실패");
            assertThat(Long.parseLong(api.header("Retry-After"))).isBetween(1L, 15 * 60L + 1);
            assertThat(page.status()).isEqualTo(429);
            assertThat(page.body()).contains("role=\"alert\"", "Too many failed sign-ins", "minutes");
        }
    }
}
