package org.commonground.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.commonground.account.Account;
import org.commonground.account.Role;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ModerationMode;
import org.commonground.participation.Vote;
import org.commonground.testing.Browser;
import org.commonground.testing.Given;
import org.commonground.testing.RunningApp;
import org.commonground.web.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 10's report in a real browser, in every language at phone and desktop sizes (screenshots
 * under target/screenshots, axe-core at zero violations): cohort bars with their n and interval, a
 * cohort too small to speak saying so, the group × country table, the convergence chart's pair
 * lines, the map's group chooser by keyboard, and "where you stand" opening with its summary.
 */
class HonestReportBrowserTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    @Test
    void theReportShowsUncertaintyWhoIsInEachGroupAndAMapOperableByKeyboardInEveryLanguage() {
        var given = new Given(app.db());
        Conversation c = planted(given);
        try (Browser b = Browser.open(app.server())) {
            b.go("/c/" + c.id());
            b.click("input[name=cohort_country][value=JP]");
            b.clickThrough("form[action$='/join'] button[type=submit]");
            b.await("#vote-card");
            for (int i = 0; i < 10; i++) {
                String before = b.text("#progress-text");
                b.click("#vote-card button[value=" + (i % 3 == 2 ? "disagree" : "agree") + "]");
                b.awaitChange("#progress-text", before);
            }
            for (Language lang : Language.values()) {
                String l = lang.code();
                results(b, c, l);
                assertThat(b.findAll(".bar-row.quiet"))
                        .as("the 8-participant cohort's bars")
                        .isNotEmpty();
                assertThat(b.findAll(".bar-row:not(.quiet) .ci-text"))
                        .as("intervals")
                        .isNotEmpty();
                assertThat(b.findAll(".group-table tbody tr")).hasSizeGreaterThanOrEqualTo(2);
                assertThat(b.findAll(".convergence .legend li").getFirst().getText())
                        .startsWith(b.findAll(".group-table thead th").get(1).getText() + "–"
                                + b.findAll(".group-table thead th").get(2).getText());
                assertThat(b.findAll(".convergence path.band")).isNotEmpty();
                assertNoTickClipped(b);
                b.capture("honest-results-" + l);
                assertNoViolationsAtAllSizes(b, "honest-results-" + l);

                b.find("[data-map-groups] button[data-group='0']").click();
                assertThat(b.find("[data-group-panel='0']").isDisplayed()).isTrue();
                b.screenshot("honest-results-group-a-" + l + "-desktop");

                b.go("/c/" + c.id() + "/you?lang=" + l);
                b.await(".standing");
                assertThat((Boolean) b.script("return document.querySelector('.standing').compareDocumentPosition("
                                + "document.querySelector('.map-svg')) === Node.DOCUMENT_POSITION_FOLLOWING"))
                        .as("the summary comes before the map and the long list")
                        .isTrue();
                assertThat(b.findAll(".standing p.summary")).hasSizeGreaterThanOrEqualTo(3);
                assertYouLabelHidesNoGroupLetter(b);
                b.capture("honest-you-" + l);
                assertNoViolationsAtAllSizes(b, "honest-you-" + l);
            }
        }
    }

    @Test
    void theMapsGroupChooserWorksFromTheKeyboardAlone() {
        var given = new Given(app.db());
        Conversation c = planted(given);
        try (Browser b = Browser.open(app.server())) {
            results(b, c, "en");
            b.script("document.getElementById('by-cohort').focus()"); // the control before the chooser
            new Actions(b.driver()).sendKeys(Keys.TAB).perform();
            assertThat(active(b).getAttribute("data-group"))
                    .as("Tab reaches the chooser's first button, not "
                            + active(b).getAttribute("outerHTML"))
                    .isEqualTo("");
            new Actions(b.driver()).sendKeys(Keys.ARROW_RIGHT).perform();
            assertThat(active(b).getAttribute("data-group")).isEqualTo("0");
            new Actions(b.driver()).sendKeys(Keys.ENTER).perform();

            assertThat(active(b).getAttribute("aria-pressed")).isEqualTo("true");
            assertThat(b.find(".map-svg").getAttribute("data-selected")).isEqualTo("0");
            WebElement panel = b.find("[data-group-panel='0']");
            assertThat(panel.isDisplayed()).isTrue();
            assertThat(panel.findElements(By.cssSelector("li"))).isNotEmpty();
            assertThat(b.script("return getComputedStyle(document.querySelector('.map-dots circle.g1')).fillOpacity"))
                    .as("other groups fade")
                    .isEqualTo("0.12");
            assertThat(b.script("return getComputedStyle(document.querySelector('.map-dots circle.g0')).fillOpacity"))
                    .isNotEqualTo("0.12");

            new Actions(b.driver()).sendKeys(Keys.ARROW_RIGHT).perform();
            new Actions(b.driver()).sendKeys(Keys.SPACE).perform();
            assertThat(b.find(".map-svg").getAttribute("data-selected")).isEqualTo("1");
            assertThat(b.find("[data-group-panel='0']").isDisplayed()).isFalse();
            new Actions(b.driver()).sendKeys(Keys.HOME).perform();
            new Actions(b.driver()).sendKeys(Keys.ENTER).perform();
            assertThat(b.find(".map-svg").getAttribute("data-selected")).isEmpty();
            assertThat(b.findAll("[data-group-panel]").stream().noneMatch(WebElement::isDisplayed))
                    .isTrue();
        }
    }

    private static WebElement active(Browser b) {
        return b.driver().switchTo().activeElement();
    }

    private static void results(Browser b, Conversation c, String lang) {
        b.go("/c/" + c.id() + "/results?lang=" + lang);
        new WebDriverWait(b.driver(), Duration.ofSeconds(60))
                .until(d -> !d.findElements(By.cssSelector(".map-svg")).isEmpty());
    }

    private static void assertNoViolationsAtAllSizes(Browser b, String name) {
        for (Browser.Size size : Browser.Size.values()) {
            b.resize(size);
            assertThat(b.axe())
                    .as("axe-core violations of any impact on " + name + " at " + size)
                    .isEmpty();
        }
        b.resize(Browser.Size.DESKTOP);
    }

    /** Every tick label of the charts lies inside its picture at both sizes. */
    private static void assertNoTickClipped(Browser b) {
        for (Browser.Size size : Browser.Size.values()) {
            b.resize(size);
            Object clipped = b.script("""
                    var out = [];
                    document.querySelectorAll('svg.chart').forEach(function (svg) {
                      var box = svg.getBoundingClientRect();
                      svg.querySelectorAll('text.tick').forEach(function (t) {
                        var r = t.getBoundingClientRect();
                        if (r.width === 0) { return; } // not shown at this size
                        if (r.left < box.left - 0.5 || r.right > box.right + 0.5) { out.push(t.textContent); }
                      });
                    });
                    return out.join('|');""");
            assertThat(clipped)
                    .as("tick labels cut at the chart's edge at " + size)
                    .isEqualTo("");
        }
        b.resize(Browser.Size.DESKTOP);
    }

    private static void assertYouLabelHidesNoGroupLetter(Browser b) {
        Object overlaps = b.script("""
                var you = document.querySelector('.you-label');
                if (!you) { return 'no you label'; }
                var y = you.getBoundingClientRect();
                var out = [];
                document.querySelectorAll('.group-label').forEach(function (g) {
                  var r = g.getBoundingClientRect();
                  if (y.left < r.right && y.right > r.left && y.top < r.bottom && y.bottom > r.top) {
                    out.push(g.textContent);
                  }
                });
                return out.join('|');""");
        assertThat(overlaps).as("group letters under the 'you' label").isEqualTo("");
    }

    /**
     * 24 participants in Japan, 24 in Korea and 8 in "other countries", in two opinion camps; one
     * statement splits Japan (agree) from Korea (disagree) and has the small cohort at 75% agree.
     */
    static Conversation planted(Given given) {
        Account organizer = given.account("honest-" + System.nanoTime() + "@example.org", Role.ORGANIZER);
        Conversation c = given.openConversation(organizer, ModerationMode.POST, "日韓の対話 / 한일 대화", statements());
        List<Long> ids = given.statementIds(c);
        String[] countries = new String[56];
        for (int p = 0; p < 56; p++) {
            countries[p] = p < 24 ? "JP" : p < 48 ? "KR" : "other";
        }
        for (int p = 0; p < 56; p++) {
            var who = given.participant(c, countries[p]);
            boolean campA = p % 2 == 0;
            for (int s = 0; s < ids.size(); s++) {
                Vote v;
                if (s < 3) {
                    v = campA ? Vote.AGREE : Vote.DISAGREE;
                } else if (s < 6) {
                    v = campA ? Vote.DISAGREE : Vote.AGREE;
                } else if (s == 6) {
                    v = switch (countries[p]) {
                        case "JP" -> p % 6 == 0 ? Vote.DISAGREE : Vote.AGREE;
                        case "KR" -> p % 6 == 0 ? Vote.AGREE : Vote.DISAGREE;
                        default -> p % 4 == 0 ? Vote.DISAGREE : Vote.AGREE;
                    };
                } else if (s == 7) {
                    v = p % 3 == 0 ? Vote.AGREE : Vote.PASS;
                } else {
                    v = Vote.AGREE;
                }
                given.vote(c, who, ids.get(s), v);
            }
        }
        return c;
    }

    private static List<String> statements() {
        return List.of(
                "歴史教育について、日韓の教師が共同で教材を作るべきだ。",
                "청년 교류 프로그램을 두 배로 늘려야 한다.",
                "Semiconductor supply chains are safer when Japan and Korea cooperate.",
                "高齢化社会の課題について、両国の自治体が経験を共有すべきだ。",
                "언론은 상대국에 대한 혐오 표현을 줄이기 위해 노력해야 한다.",
                "Journalists from both countries should work on joint investigations.",
                "2015年の合意は、被害者の声を十分に聞かずに結ばれた。",
                "5G 표준을 함께 만드는 것이 양국 모두에 이익이다.",
                "学生の短期留学に奨学金を出すべきだ。",
                "관광 비자 면제를 계속 유지해야 한다.");
    }
}
