package org.commonground.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.testing.Eventually.eventually;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.commonground.account.Accounts;
import org.commonground.demo.DemoSeed;
import org.commonground.testing.Browser;
import org.commonground.testing.Given;
import org.commonground.testing.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The third scenario: the report page of the demo conversation shows the opinion map with
 * at least two groups, the common-ground list, a parallel view and the convergence chart; and the
 * demo's pages look right in every language at phone and desktop sizes.
 */
class DemoReportBrowserTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    @Test
    void theDemoReportShowsGroupsCommonGroundDividesAndConvergenceInEveryLanguage() {
        var given = new Given(app.db());
        long demo = new DemoSeed(given.jdbi(), Accounts.over(given.jdbi()))
                .seedIfEmpty()
                .conversationId();

        try (Browser b = Browser.open(app.server())) {
            for (Language lang : Language.values()) {
                b.go("/c/" + demo + "/results?lang=" + lang.code());
                new WebDriverWait(b.driver(), Duration.ofSeconds(60))
                        .until(d -> !d.findElements(By.cssSelector(".map-svg")).isEmpty());

                Set<String> groups = new HashSet<>();
                for (WebElement dot : b.findAll(".map-svg .map-dots circle")) {
                    String group = dot.getAttribute("class").split(" ")[0];
                    groups.add(group);
                }
                assertThat(groups).as("groups on the map").hasSizeGreaterThanOrEqualTo(2);
                assertThat(b.findAll("ol.common-ground > li"))
                        .as("common ground")
                        .isNotEmpty();
                assertThat(b.findAll(".parallel-view .bar-row"))
                        .as("a parallel view")
                        .hasSizeGreaterThanOrEqualTo(2);
                assertThat(b.findAll("#convergence-chart-title")).hasSize(1);
                assertThat(b.findAll(".convergence path.line")).isNotEmpty();
                b.capture("demo-results-" + lang.code());

                b.click("label[for=by-cohort]");
                assertThat(b.find(".legend.by-cohort").isDisplayed()).isTrue();
                b.screenshot("demo-results-by-country-" + lang.code() + "-desktop");

                b.go("/c/" + demo + "?lang=" + lang.code());
                b.capture("demo-landing-" + lang.code());
            }
            b.go("/c/" + demo + "?lang=ko");
            b.click("input[name=cohort_country][value=KR]");
            b.clickThrough("form[action$='/join'] button[type=submit]");
            b.await("#vote-card");
            for (Language lang : Language.values()) {
                b.go("/c/" + demo + "/vote?lang=" + lang.code());
                b.capture("demo-vote-" + lang.code());
            }
        }
    }

    @Test
    void theReportPrintsToPdfWithTheMapAndWithoutControls() {
        var given = new Given(app.db());
        long demo = new DemoSeed(given.jdbi(), Accounts.over(given.jdbi()))
                .seedIfEmpty()
                .conversationId();

        try (Browser b = Browser.open(app.server())) {
            b.go("/c/" + demo + "/results?lang=ja");
            new WebDriverWait(b.driver(), Duration.ofSeconds(60))
                    .until(d -> !d.findElements(By.cssSelector(".map-svg")).isEmpty());

            byte[] pdf = b.printToPdf("demo-results-print-ja");

            assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                    .isEqualTo("%PDF-");
            assertThat(pages(pdf)).as("pages of the printed report").isBetween(2, 30);
            assertThat(b.shownInPrint(".map-svg")).as("the map prints").isTrue();
            assertThat(b.shownInPrint("ol.common-ground"))
                    .as("common ground prints")
                    .isTrue();
            assertThat(b.shownInPrint(".site-header .langs"))
                    .as("the language switch does not print")
                    .isFalse();
            assertThat(b.shownInPrint("label[for=by-cohort]"))
                    .as("the map toggle does not print")
                    .isFalse();
            assertThat(b.shownInPrint(".site-footer"))
                    .as("the footer does not print")
                    .isFalse();
        }
    }

    /** Page objects in a PDF as Chromium writes it (one "/Type /Page" dictionary each). */
    private static int pages(byte[] pdf) {
        String text = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        return (int) java.util.regex.Pattern.compile("/Type\\s*/Page(?!s)")
                .matcher(text)
                .results()
                .count();
    }

    @Test
    void theDemoReportDownloadsAsCsvAndJson() {
        var given = new Given(app.db());
        long demo = new DemoSeed(given.jdbi(), Accounts.over(given.jdbi()))
                .seedIfEmpty()
                .conversationId();
        var server = app.server();
        var json = eventually(
                java.time.Duration.ofSeconds(30),
                () -> server.get("/c/" + demo + "/results.json"),
                answer -> answer.status() != 503);
        var csv = server.get("/c/" + demo + "/results.csv");

        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().has("groups")).isTrue();
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().lines().findFirst().orElseThrow())
                .startsWith("statement_id,original_lang,original_text,agree");
        assertThat(csv.body().lines().count()).isGreaterThan(40);
    }
}
