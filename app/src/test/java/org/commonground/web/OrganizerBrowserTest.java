package org.commonground.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.commonground.account.Role;
import org.commonground.testing.Browser;
import org.commonground.testing.Given;
import org.commonground.testing.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;

/**
 * The second scenario: an organizer signs in, creates a conversation with cohorts and an
 * invite link; a participant joins through the link and has the cohort fixed.
 */
class OrganizerBrowserTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    @Test
    void anInviteLinkFixesTheCohortOfWhoeverJoinsThroughIt() {
        new Given(app.db()).account("organizer@example.org", Role.ORGANIZER);
        String link;
        String manage;
        try (Browser org = Browser.open(app.server())) {
            ParticipantJourneyBrowserTest.signIn(org, "organizer@example.org", "en");
            org.clickThrough("a[href='/organize/new']");
            org.type("#title_en", "Youth exchange between Busan and Fukuoka");
            org.type("#title_ja", "釜山と福岡の若者交流");
            org.type("#title_ko", "부산과 후쿠오카의 청년 교류");
            org.type("#description_ko", "두 도시의 고등학생 교류를 어떻게 늘릴까요?");
            org.type(
                    "#seeds",
                    "Students should spend a term in the other city.\n" + "交流の費用は自治体が負担すべきだ。\n온라인 교류부터 시작해야 한다.");
            org.click("input[name=moderation][value=pre]");
            org.clickThrough("form[action='/organize/new'] button[type=submit]");
            org.await("#invites-h");
            manage = org.path();
            org.clickThrough("button[name=state][value=open]");
            org.await("#invites-h");
            assertThat(org.text(".badge.state-open")).isEqualTo("Open");

            org.type("#invite-label", "Busan high schools");
            new Select(org.find("#invite-country")).selectByValue("KR");
            org.type("#invite-max", "30");
            org.clickThrough("form.invite-form button[type=submit]");
            org.await("table.invites");
            link = org.find(".invite-link").getAttribute("value");
            assertThat(link).contains("?invite=");
            org.capture("manage-with-invite-en");
        }

        try (Browser student = Browser.open(app.server())) {
            student.go(link + "&lang=ko");
            assertThat(student.text(".fixed-cohort")).contains("국가", "한국", "초대 링크로 지정됨");
            assertThat(student.findAll("input[name=cohort_country]")).isEmpty();
            student.capture("landing-invite-ko");
            student.click("input[name=cohort_role][value=student]");
            student.clickThrough("form[action$='/join'] button[type=submit]");
            student.await("#vote-card");
            String id = manage.replaceAll("\\D+", "");
            Object me = student.driver().executeAsyncScript("""
                    var done = arguments[arguments.length - 1];
                    fetch('/api/v1/conversations/' + arguments[0] + '/participants/me')
                      .then(function (r) { return r.json(); }).then(function (j) { done(JSON.stringify(j.cohorts)); });""", id);
            assertThat(String.valueOf(me)).contains("\"country\":\"KR\"", "\"role\":\"student\"");
        }

        try (Browser org = Browser.open(app.server())) {
            ParticipantJourneyBrowserTest.signIn(org, "organizer@example.org", "en");
            org.go(manage);
            assertThat(org.text("table.invites tbody tr")).contains("1 of 30");
        }
    }
}
