package org.commonground.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.commonground.AppConfig;
import org.commonground.account.Role;
import org.commonground.participation.Participants;
import org.commonground.testing.ParticipationGiven.Conversation;
import org.commonground.testing.ParticipationServerTest;
import org.commonground.testing.TestServer;
import org.commonground.translation.FakeLibreTranslate;
import org.commonground.translation.MachineTranslationSettings;
import org.junit.jupiter.api.Test;

/** The privacy page says what the conversation's actual settings do, in the reader's language. */
class PrivacyPageTest extends ParticipationServerTest {

    @Test
    void withoutMachineTranslationNothingIsSentOutAndThePageFollowsTheOtherSettings() {
        Conversation c = given.conversation("open", "pre", true, "organizers");

        String en = server.get("/c/" + c.id() + "/privacy?lang=en").body();
        String ja = server.get("/c/" + c.id() + "/privacy?lang=ja").body();
        String ko = server.get("/c/" + c.id() + "/privacy?lang=ko").body();
        TestServer.Response api = server.get("/api/v1/conversations/" + c.id() + "/privacy");

        assertThat(en)
                .contains("uses no machine translation: your statements are sent to no outside service")
                .contains("The results are shown to the organizers only.")
                .contains("Moderators read your statements and accept or reject them before anyone else sees them.")
                .contains("Your answers to the questions asked when you join: Country, Role.")
                .contains("No IP address is stored.")
                .contains("A statement of yours that others have voted on stays")
                .contains("You have not joined this conversation in this browser");
        assertThat(ja).contains("外部のサービスに送られることはありません").contains("IPアドレスは保存しません");
        assertThat(ko).contains("외부 서비스로 보내지지 않으며").contains("IP 주소는 저장하지 않습니다");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.json().get("machineTranslation").isNull()).isTrue();
        assertThat(api.json().get("resultsVisibility").asText()).isEqualTo("organizers");
        assertThat(api.json().get("moderation").asText()).isEqualTo("pre");
        assertThat(api.json().get("storesIpAddresses").asBoolean()).isFalse();
    }

    @Test
    void withMachineTranslationOnThePageNamesTheServiceAndWhereTheTextGoes() {
        try (var fake = new FakeLibreTranslate();
                var withService = TestServer.start(
                        db,
                        AppConfig.defaults()
                                .withMachineTranslation(
                                        MachineTranslationSettings.parse("libretranslate:" + fake.url(), null)))) {
            Conversation c = given.openConversation();
            var organizer = given.person(Role.ORGANIZER, c, "organizer");
            String before = withService.get("/c/" + c.id() + "/privacy?lang=en").body();
            var on = withService.putJson(
                    "/api/v1/conversations/" + c.id() + "/machine-translation",
                    Map.of("machineTranslation", true),
                    organizer.bearer());
            withService.putJson(
                    "/api/v1/conversations/" + c.id() + "/privacy", Map.of("erasure", "delete"), organizer.bearer());
            var joined = given.participant(c);
            String after = withService
                    .get(
                            "/c/" + c.id() + "/privacy?lang=en",
                            "Cookie",
                            Participants.cookieName(c.id()) + "=" + joined.token())
                    .body();
            String afterKo =
                    withService.get("/c/" + c.id() + "/privacy?lang=ko").body();
            TestServer.Response api = withService.get("/api/v1/conversations/" + c.id() + "/privacy");

            assertThat(on.status()).isEqualTo(200);
            assertThat(before).contains("uses no machine translation");
            assertThat(after)
                    .doesNotContain("uses no machine translation")
                    .contains("Statements are machine-translated by LibreTranslate, which runs on this server ("
                            + fake.url().substring("http://".length()) + "): they do not leave it.")
                    .contains("every statement you wrote are deleted")
                    .contains("The results (opinion groups, the opinion map, how each country voted) are public")
                    .contains("/c/" + c.id() + "/you/data.json")
                    .contains("/c/" + c.id() + "/you/delete");
            assertThat(afterKo).contains("LibreTranslate").contains("서버 밖으로 나가지 않습니다");
            assertThat(api.json().at("/machineTranslation/service").asText()).isEqualTo("LibreTranslate");
            assertThat(api.json().at("/machineTranslation/local").asBoolean()).isTrue();
            assertThat(api.json().get("erasure").asText()).isEqualTo("delete");
        }
    }

    @Test
    void theLandingPageAndTheJoinFormLinkToIt() {
        Conversation c = given.openConversation();

        String landing = server.get("/c/" + c.id() + "?lang=ja").body();

        assertThat(landing)
                .contains("id=\"join-privacy\"")
                .contains("href=\"/c/" + c.id() + "/privacy\"")
                .contains("プライバシー：保存される情報と、誰が見られるか");
    }
}
