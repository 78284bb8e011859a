package org.commonground.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.commonground.testing.Browser;
import org.commonground.testing.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FoundationsBrowserTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    @Test
    void frontAndNotFoundPagesInEveryLanguageAreAccessibleAtPhoneAndDesktopSizes() {
        try (Browser browser = Browser.open(app.server())) {
            for (Language lang : Language.values()) {
                browser.go("/?lang=" + lang.code());
                assertThat(browser.find("html").getAttribute("lang")).isEqualTo(lang.code());
                browser.capture("home-" + lang.code());

                browser.go("/c/no-such-conversation");
                assertThat(browser.find("html").getAttribute("lang")).isEqualTo(lang.code());
                browser.capture("not-found-" + lang.code());
            }
        }
    }

    @Test
    void languageSwitcherChangesAndRemembersTheLanguage() {
        try (Browser browser = Browser.open(app.server())) {
            browser.go("/");
            browser.clickThrough(".langs a[lang=ko]");

            browser.go("/c/elsewhere");

            assertThat(browser.find("html").getAttribute("lang")).isEqualTo("ko");
            assertThat(browser.text("h1")).isEqualTo("페이지를 찾을 수 없습니다");
        }
    }

    @Test
    void htmxAndOurScriptLoadUnderTheContentSecurityPolicy() {
        try (Browser browser = Browser.open(app.server())) {
            browser.go("/");

            assertThat(browser.script(
                            "return typeof htmx !== 'undefined' && htmx.config.includeIndicatorStyles === false"))
                    .isEqualTo(true);
            browser.assertNoPolicyViolations("home");
        }
    }
}
