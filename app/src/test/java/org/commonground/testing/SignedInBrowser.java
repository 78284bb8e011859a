package org.commonground.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser signed in through the sign-in form, keeping its cookies as a browser does and posting
 * page forms with the CSRF token the pages hand out (read from a page, however the token is made).
 */
public final class SignedInBrowser {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final TestServer server;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String csrf;

    private SignedInBrowser(TestServer server) {
        this.server = server;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Signs {@code email} (with the test password) in, then reads the form token from {@code page}. */
    public static SignedInBrowser signIn(TestServer server, String email, String page) {
        SignedInBrowser b = new SignedInBrowser(server);
        String token = b.tokenOn("/sign-in");
        HttpResponse<String> r = b.post(
                "/sign-in",
                "email=" + email.replace("@", "%40") + "&password=" + TestAccounts.PASSWORD.replace(" ", "+")
                        + "&_csrf=" + token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        b.csrf = b.tokenOn(page);
        return b;
    }

    /** Also holds {@code name=value} (a participant's cookie, say) for every path. */
    public SignedInBrowser withCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(server.baseUrl()), cookie);
        return this;
    }

    /** Posts a form (its CSRF token added) asking for a page; {@code headers} are name, value pairs. */
    public HttpResponse<String> submit(String path, String form, String... headers) {
        return post(path, form + "&_csrf=" + csrf, headers);
    }

    private String tokenOn(String page) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + page))
                .header("Accept", "text/html")
                .GET());
        Matcher m = CSRF.matcher(r.body());
        assertThat(m.find()).as(page + " has a form token: " + r.body()).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> post(String path, String form, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
