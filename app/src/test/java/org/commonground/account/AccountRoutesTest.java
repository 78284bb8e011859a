package org.commonground.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.commonground.AppConfig;
import org.commonground.testing.ServerTest;
import org.commonground.testing.TestAccounts;
import org.commonground.testing.TestAccounts.Caller;
import org.commonground.testing.TestServer;
import org.commonground.testing.TestServer.Response;
import org.junit.jupiter.api.Test;

class AccountRoutesTest extends ServerTest {

    /** A signed-in browser: the session cookie and the CSRF token the sign-in answered with. */
    record Browser(String cookie, String csrf) {}

    static Browser signIn(Caller caller) {
        Response r =
                server.postJson("/api/v1/session", Map.of("email", caller.email(), "password", TestAccounts.PASSWORD));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String cookie = r.header("Set-Cookie").split(";", 2)[0];
        return new Browser(cookie, r.json().get("csrfToken").asText());
    }

    @Test
    void signInSetsAnHttpOnlyLaxSessionCookieAndAnswersTheAccountWithItsCsrfToken() {
        Caller organizer = given.organizer();

        Response r = server.postJson(
                "/api/v1/session", Map.of("email", organizer.email(), "password", TestAccounts.PASSWORD));

        assertThat(r.status()).isEqualTo(200);
        String setCookie = r.header("Set-Cookie");
        assertThat(setCookie)
                .startsWith("cg_session=")
                .containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax")
                .doesNotContainIgnoringCase("Secure");
        assertThat(r.json().at("/account/email").asText()).isEqualTo(organizer.email());
        assertThat(r.json().at("/account/role").asText()).isEqualTo("organizer");
        assertThat(r.json().get("csrfToken").asText()).hasSizeGreaterThan(20);
    }

    @Test
    void sessionCookieIsSecureWhenTheServerRunsBehindTls() {
        Caller organizer = given.organizer();
        try (TestServer tls = TestServer.start(db, new AppConfig(0, 1, true, 64 * 1024, false))) {
            Response r = tls.postJson(
                    "/api/v1/session", Map.of("email", organizer.email(), "password", TestAccounts.PASSWORD));

            assertThat(r.header("Set-Cookie")).containsIgnoringCase("Secure");
        }
    }

    @Test
    void wrongPasswordIsUnauthorizedInTheReadersLanguage() {
        Caller organizer = given.organizer();

        Response r = server.postJson(
                "/api/v1/session",
                Map.of("email", organizer.email(), "password", "not the password"),
                "Accept-Language",
                "ko");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("type").asText()).endsWith("/invalid-credentials");
        assertThat(r.json().get("detail").asText()).contains("비밀번호");
        assertThat(r.header("Set-Cookie")).isNull();
    }

    @Test
    void meAnswersTheSessionAccountAndItsCsrfToken() {
        Caller translator = given.translator();
        Browser browser = signIn(translator);

        Response r = server.get("/api/v1/me", "Cookie", browser.cookie());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().at("/account/id").asLong()).isEqualTo(translator.id());
        assertThat(r.json().get("csrfToken").asText()).isEqualTo(browser.csrf());
        assertThat(server.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void cookieAuthenticatedWriteWithoutTheCsrfHeaderIsForbidden() {
        Browser browser = signIn(given.organizer());

        Response missing = server.postJson("/api/v1/me/tokens", Map.of("name", "forged"), "Cookie", browser.cookie());
        Response wrong = server.postJson(
                "/api/v1/me/tokens",
                Map.of("name", "forged"),
                "Cookie",
                browser.cookie(),
                "X-CSRF-Token",
                "guess",
                "Accept-Language",
                "ja");
        Response right = server.postJson(
                "/api/v1/me/tokens",
                Map.of("name", "real"),
                "Cookie",
                browser.cookie(),
                "X-CSRF-Token",
                browser.csrf());

        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.json().get("type").asText()).endsWith("/csrf-failed");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().get("detail").asText()).contains("セキュリティトークン");
        assertThat(right.status()).isEqualTo(201);
        assertThat(server.get("/api/v1/me/tokens", "Cookie", browser.cookie())
                        .json()
                        .findValuesAsText("name"))
                .contains("real")
                .doesNotContain("forged");
    }

    @Test
    void bearerTokenWritesNeedNoCsrfHeader() {
        Caller organizer = given.organizer();

        Response r = server.postJson("/api/v1/me/tokens", Map.of("name", "automation"), organizer.auth());

        assertThat(r.status()).isEqualTo(201);
    }

    @Test
    void signOutEndsTheSession() {
        Browser browser = signIn(given.moderator());

        Response out = server.send(
                "DELETE", "/api/v1/session", null, "Cookie", browser.cookie(), "X-CSRF-Token", browser.csrf());

        assertThat(out.status()).isEqualTo(204);
        assertThat(out.header("Set-Cookie")).startsWith("cg_session=;").contains("1970");
        assertThat(server.get("/api/v1/me", "Cookie", browser.cookie()).status())
                .isEqualTo(401);
    }

    @Test
    void apiTokenSecretIsShownOnceListedWithoutItAndRevocable() {
        Caller organizer = given.organizer();

        Response created = server.postJson("/api/v1/me/tokens", Map.of("name", "nightly export"), organizer.auth());
        String secret = created.json().get("secret").asText();
        long id = created.json().get("id").asLong();
        Response list = server.get("/api/v1/me/tokens", organizer.auth());
        Response asNewToken = server.get("/api/v1/me", "Authorization", "Bearer " + secret);
        Response revoked = server.send("DELETE", "/api/v1/me/tokens/" + id, null, organizer.auth());
        Response afterRevoke = server.get("/api/v1/me", "Authorization", "Bearer " + secret);

        assertThat(secret).startsWith("cga_");
        assertThat(list.body()).contains("nightly export").doesNotContain(secret);
        assertThat(asNewToken.status()).isEqualTo(200);
        assertThat(revoked.status()).isEqualTo(204);
        assertThat(afterRevoke.status()).isEqualTo(401);
    }

    @Test
    void revokingSomeoneElsesTokenIsNotFoundAndLeavesItWorking() {
        Caller owner = given.organizer();
        Caller other = given.organizer();
        Response created = server.postJson("/api/v1/me/tokens", Map.of("name", "mine"), owner.auth());

        Response r = server.send(
                "DELETE", "/api/v1/me/tokens/" + created.json().get("id").asLong(), null, other.auth());

        assertThat(r.status()).isEqualTo(404);
        assertThat(server.get(
                                "/api/v1/me",
                                "Authorization",
                                "Bearer " + created.json().get("secret").asText())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void onlyAdminsCreateAccountsAndAGeneratedPasswordIsShownOnce() {
        Caller admin = given.admin();
        Caller organizer = given.organizer();

        Response anonymous =
                server.postJson("/api/v1/accounts", Map.of("email", "new@example.org", "role", "moderator"));
        Response byOrganizer = server.postJson(
                "/api/v1/accounts", Map.of("email", "new@example.org", "role", "moderator"), organizer.auth());
        Response byAdmin = server.postJson(
                "/api/v1/accounts", Map.of("email", "new@example.org", "role", "moderator"), admin.auth());

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(byOrganizer.status()).isEqualTo(403);
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(201);
        String password = byAdmin.json().get("generatedPassword").asText();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        Response signIn = server.postJson("/api/v1/session", Map.of("email", "new@example.org", "password", password));
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.json().at("/account/role").asText()).isEqualTo("moderator");
    }
}
