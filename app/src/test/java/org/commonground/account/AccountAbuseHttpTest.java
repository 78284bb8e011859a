package org.commonground.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonground.AppConfig;
import org.commonground.db.Database;
import org.commonground.testing.HandClock;
import org.commonground.testing.RunningApp;
import org.commonground.testing.TestAccounts;
import org.commonground.testing.TestAccounts.Caller;
import org.commonground.testing.TestServer;
import org.commonground.testing.TestServer.Response;
import org.commonground.web.AbuseLimits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 8 on the account side, over real HTTP: sign-in floods across e-mails, account creation,
 * password rules and long passwords, CSRF with junk Authorization headers and planted page tokens,
 * and open redirects after sign-in. Small quotas keep the bcrypt work of the test short; the
 * rate windows run on a clock the test moves.
 */
class AccountAbuseHttpTest {
    static final String FORM = "application/x-www-form-urlencoded";
    static final Pattern META_CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");
    static final HandClock clock = new HandClock();

    @RegisterExtension
    static final RunningApp app = new RunningApp(
            AppConfig.defaults().withAbuseLimits(AbuseLimits.defaults().with("sign-ins=4/10m,accounts=2/1h")), clock);

    static TestServer server;
    static TestAccounts given;

    @BeforeAll
    static void arrange() {
        server = app.server();
        given = new TestAccounts(app.db());
    }

    @BeforeEach
    void later() {
        clock.advance(Duration.ofDays(1));
    }

    @Test
    void signInsFromOneAddressAreLimitedWhicheverEmailsTheyTry() {
        var person = given.organizer();
        for (int i = 0; i < 4; i++) {
            assertThat(server.postJson(
                                    "/api/v1/session",
                                    Map.of(
                                            "email",
                                            UUID.randomUUID() + "@example.org",
                                            "password",
                                            "guess number " + i))
                            .status())
                    .isEqualTo(401);
        }

        Response api = server.postJson(
                "/api/v1/session",
                Map.of("email", person.email(), "password", TestAccounts.PASSWORD),
                "Accept-Language",
                "ko");
        Response page = server.send(
                "POST",
                "/sign-in",
                form("email", person.email(), "password", TestAccounts.PASSWORD, "_csrf", "c".repeat(43)),
                "Content-Type",
                FORM,
                "Cookie",
                "cg_csrf=" + "c".repeat(43),
                "Accept-Language",
                "ja");

        assertThat(api.status()).isEqualTo(429);
        assertThat(api.header("Retry-After")).isEqualTo("150");
        assertThat(api.json().get("type").asText()).endsWith("/too-many-sign-ins");
        assertThat(api.json().get("detail").asText()).contains("로그인 시도가 너무 많습니다");
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.header("Retry-After")).isEqualTo("150");
        assertThat(page.body()).contains("サインインの試行が多すぎます").contains("name=\"password\"");
        clock.advance(Duration.ofSeconds(150));
        assertThat(server.postJson(
                                "/api/v1/session", Map.of("email", person.email(), "password", TestAccounts.PASSWORD))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void accountCreationIsLimitedPerAddress() {
        Caller admin = given.admin();

        Response first = createAccount(admin, "one@example.org", "plum orchard lantern 7");
        Response second = createAccount(admin, "two@example.org", "quiet harbour compass");
        Response third = createAccount(admin, "three@example.org", "velvet summit anchor");

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.header("Retry-After")).isEqualTo("1800");
        assertThat(third.json().get("type").asText()).endsWith("/too-many-accounts");
    }

    @Test
    void weakPasswordsAreRefusedWithAReasonInTheReadersLanguage() {
        Caller admin = given.admin();

        Response repeated = createAccount(admin, "a@example.org", "aaaaaaaaaaaa", "Accept-Language", "ko");
        clock.advance(Duration.ofHours(1));
        Response common = createAccount(admin, "b@example.org", "password1234", "Accept-Language", "ja");
        clock.advance(Duration.ofHours(1));
        Response tooShort = createAccount(admin, "c@example.org", "aaaaaaaaaa");

        assertThat(repeated.status()).isEqualTo(422);
        assertThat(repeated.json().at("/errors/0/code").asText()).isEqualTo("account.password.predictable");
        assertThat(repeated.json().at("/errors/0/message").asText()).contains("단순한 패턴");
        assertThat(common.status()).isEqualTo(422);
        assertThat(common.json().at("/errors/0/code").asText()).isEqualTo("account.password.common");
        assertThat(common.json().at("/errors/0/message").asText()).contains("最もよく使われる");
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(tooShort.json().at("/errors/0/message").asText()).contains("12");
    }

    @Test
    void theLongestDocumentedPasswordIsAcceptedAndSignsIn() {
        Caller admin = given.admin();
        String longest = "한국과 일본의 대화 ".repeat(26).substring(0, PasswordRules.MAX_LENGTH); // 256 code points, 644 bytes

        String over72Bytes = "한국과 일본의 젊은이들이 서로의 역사를 매일 조금씩 배운다"; // 32 code points, 82 bytes: 500 before

        Response medium = createAccount(admin, "medium@example.org", over72Bytes);
        clock.advance(Duration.ofHours(1));
        Response created = createAccount(admin, "long@example.org", longest);
        Response signIn = server.postJson("/api/v1/session", Map.of("email", "long@example.org", "password", longest));
        Response nearlySame = server.postJson(
                "/api/v1/session", Map.of("email", "long@example.org", "password", longest.substring(0, 255) + "x"));
        clock.advance(Duration.ofHours(1));
        Response tooLong = createAccount(admin, "longer@example.org", longest + "x");

        assertThat(over72Bytes.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(72);
        assertThat(medium.status()).as(medium.body()).isEqualTo(201);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(nearlySame.status())
                .as("every character counts, not only the first 72 bytes")
                .isEqualTo(401);
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().at("/errors/0/code").asText()).isEqualTo("account.password.too-long");
    }

    @Test
    void aJunkAuthorizationHeaderDoesNotSwitchOffTheApiCsrfCheck() {
        Caller organizer = given.organizer();
        String session = new SessionStore(Database.jdbi(app.db().dataSource()))
                .start(organizer.id())
                .secret();

        Response junk = server.postJson(
                "/api/v1/me/tokens",
                Map.of("name", "forged"),
                "Cookie",
                Authentication.SESSION_COOKIE + "=" + session,
                "Authorization",
                "Bearer junk");
        Response validToken = server.postJson(
                "/api/v1/me/tokens",
                Map.of("name", "automation"),
                "Cookie",
                Authentication.SESSION_COOKIE + "=" + session,
                "Authorization",
                "Bearer " + organizer.token());

        assertThat(junk.status()).isEqualTo(403);
        assertThat(junk.json().get("type").asText()).endsWith("/csrf-failed");
        assertThat(validToken.status()).isEqualTo(201);
    }

    @Test
    void thePageCsrfTokenBelongsToTheSessionAndIsRenewedAtSignIn() {
        var person = given.account("csrf-" + UUID.randomUUID() + "@example.org", Role.ORGANIZER);
        String planted = "p".repeat(43);

        Response signIn = server.send(
                "POST",
                "/sign-in",
                form("email", person.email(), "password", TestAccounts.PASSWORD, "_csrf", planted),
                "Content-Type",
                FORM,
                "Cookie",
                "cg_csrf=" + planted);
        String session = cookie(signIn, Authentication.SESSION_COOKIE);
        String renewed = cookie(signIn, "cg_csrf");
        String signedIn = "cg_session=" + session + "; cg_csrf=" + planted;
        Response withPlanted =
                server.send("POST", "/sign-out", form("_csrf", planted), "Content-Type", FORM, "Cookie", signedIn);
        Matcher shown = META_CSRF.matcher(server.get("/", "Cookie", signedIn).body());
        assertThat(shown.find()).isTrue();
        Response withSessions = server.send(
                "POST", "/sign-out", form("_csrf", shown.group(1)), "Content-Type", FORM, "Cookie", signedIn);

        assertThat(signIn.status()).isEqualTo(302);
        assertThat(renewed).isNotNull().isNotEqualTo(planted);
        assertThat(withPlanted.status()).as("a token planted before sign-in").isEqualTo(403);
        assertThat(shown.group(1)).isNotEqualTo(planted).isNotEqualTo(renewed);
        assertThat(withSessions.status()).isEqualTo(302);
    }

    @Test
    void signInRedirectsOnlyToPathsOnThisSite() {
        var person = given.account("next-" + UUID.randomUUID() + "@example.org", Role.ORGANIZER);
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("/\t/evil.example/x", "/organize");
        expected.put("/\n/evil.example", "/organize");
        expected.put("/\\evil.example", "/organize");
        expected.put("//evil.example", "/organize");
        expected.put("https://evil.example/", "/organize");
        expected.put("/\u3000/evil.example", "/organize");
        expected.put("/c/7/results?lang=ko", "/c/7/results?lang=ko");

        expected.forEach((next, location) -> {
            clock.advance(Duration.ofHours(1));
            String csrf = "n".repeat(43);
            Response viaForm = server.send(
                    "POST",
                    "/sign-in",
                    form("email", person.email(), "password", TestAccounts.PASSWORD, "_csrf", csrf, "next", next),
                    "Content-Type",
                    FORM,
                    "Cookie",
                    "cg_csrf=" + csrf);
            Response viaQuery = server.send(
                    "POST",
                    "/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8),
                    form("email", person.email(), "password", TestAccounts.PASSWORD, "_csrf", csrf),
                    "Content-Type",
                    FORM,
                    "Cookie",
                    "cg_csrf=" + csrf);

            assertThat(viaForm.header("Location")).as("next=%s", next).isEqualTo(location);
            assertThat(viaQuery.header("Location")).as("?next=%s", next).isEqualTo(location);
        });
    }

    private static Response createAccount(Caller admin, String email, String password, String... headers) {
        return server.postJson(
                "/api/v1/accounts",
                Map.of("email", email, "role", "moderator", "password", password),
                admin.auth(headers));
    }

    private static String form(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            b.append(b.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    private static String cookie(Response r, String name) {
        return r.raw().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst()
                .orElse(null);
    }
}
