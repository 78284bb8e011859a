package org.commonground.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonground.testing.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebFoundationsTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (String path : List.of("/", "/api/v1/health", "/no-such-page")) {
            var response = app.server().get(path, "Accept", BROWSER_ACCEPT);

            String csp = response.header("Content-Security-Policy");
            assertThat(csp)
                    .as(path)
                    .contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).isEqualTo("same-origin");
        }
    }

    @Test
    void pageLinksOnlyOurOwnVersionedAssetsAndTheyAreCachedForAYear() {
        var page = app.server().get("/", "Accept", BROWSER_ACCEPT);

        assertThat(page.body()).doesNotContainPattern("(src|href)=\"(https?:)?//");
        List<String> assets = attributeValues(page.body(), "/assets/[0-9a-f]{10}/[\\w.-]+");
        assertThat(assets)
                .anyMatch(a -> a.endsWith("/htmx.min.js"))
                .anyMatch(a -> a.endsWith("/app.js"))
                .anyMatch(a -> a.endsWith("/app.css"))
                .anyMatch(a -> a.endsWith("/print.css"));
        for (String asset : assets) {
            var response = app.server().get(asset);
            assertThat(response.status()).as(asset).isEqualTo(200);
            assertThat(response.header("Cache-Control")).as(asset).contains("max-age=31536000", "immutable");
        }
    }

    @Test
    void htmxComesFromItsWebjar() {
        var page = app.server().get("/");
        String htmx = attributeValues(page.body(), "/assets/[0-9a-f]{10}/htmx\\.min\\.js")
                .get(0);

        var response = app.server().get(htmx);

        assertThat(response.contentType()).startsWith("text/javascript");
        assertThat(response.body()).contains("htmx").hasSizeGreaterThan(40_000);
    }

    @Test
    void unknownPageIsAFriendlyPageInTheReadersLanguage() {
        var response = app.server().get("/no-such-page", "Accept", BROWSER_ACCEPT, "Accept-Language", "ko-KR,ko;q=0.9");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.body()).contains("<html lang=\"ko\"", "페이지를 찾을 수 없습니다", "첫 페이지로 돌아가기");
    }

    @Test
    void apiKeepsAnsweringWithProblemJsonEvenToBrowsers() {
        var response = app.server().get("/api/v1/no-such-thing", "Accept", BROWSER_ACCEPT);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void textHandedToATemplateIsEscaped() {
        var pages = new Pages(new Messages(), new Assets(), new Csrf(false), false);
        var page = new Page(Language.EN, new Messages(), new Assets(), "token", "/", "", null);

        String html = pages.render(
                "web/error.jte",
                page,
                java.util.Map.of("status", 404, "title", "<b>t</b>", "detail", "<script>alert(1)</script>"));

        assertThat(html)
                .doesNotContain("<script>alert(1)</script>", "<b>t</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void formPostWithoutTheCsrfTokenIsRefused() {
        var first = app.server().get("/");
        String cookie = first.header("Set-Cookie").split(";")[0];
        String token = cookie.substring(cookie.indexOf('=') + 1);
        String form = "application/x-www-form-urlencoded";

        var missing = app.server()
                .send("POST", "/sign-out", "", "Content-Type", form, "Cookie", cookie, "Accept", BROWSER_ACCEPT);
        var forged = app.server().send("POST", "/sign-out", "_csrf=forged", "Content-Type", form, "Cookie", cookie);
        var noCookie = app.server().send("POST", "/sign-out", "_csrf=" + token, "Content-Type", form);
        var genuine = app.server().send("POST", "/sign-out", "_csrf=" + token, "Content-Type", form, "Cookie", cookie);
        var viaHeader = app.server().send("POST", "/sign-out", "", "X-CSRF-Token", token, "Cookie", cookie);

        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.body()).contains("reload the page");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(noCookie.status()).isEqualTo(403);
        assertThat(genuine.status()).isNotEqualTo(403);
        assertThat(viaHeader.status()).isNotEqualTo(403);
    }

    @Test
    void languageChosenOnAPageIsRemembered() {
        var chosen = app.server().get("/?lang=ja", "Accept-Language", "en");
        String langCookie = chosen.raw().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("lang="))
                .findFirst()
                .orElseThrow();

        var later = app.server()
                .get("/", "Accept-Language", "en", "Cookie", langCookie.split(";")[0]);

        assertThat(langCookie).contains("lang=ja", "Max-Age=");
        assertThat(later.body()).contains("<html lang=\"ja\"", "共通点を見つけよう");
    }

    @Test
    void languageSwitcherOnEveryPageKeepsThePathAndOtherParameters() {
        var response = app.server().get("/?x=1", "Accept-Language", "en");

        assertThat(response.body())
                .contains("href=\"/?x=1&amp;lang=ja\"", "href=\"/?x=1&amp;lang=ko\"", ">한국어<", ">日本語<");
    }

    private static List<String> attributeValues(String html, String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"(" + regex + ")\"").matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
