package org.commonground.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.commonground.AppConfig;
import org.commonground.account.Role;
import org.commonground.testing.ParticipationServerTest;
import org.commonground.testing.TestServer;
import org.junit.jupiter.api.Test;

/** {@code machineTranslation} is one of the conversation's settings: read and changed with the others. */
class MachineTranslationSettingTest extends ParticipationServerTest {

    @Test
    void theSettingsObjectCarriesItAndAPatchTurnsItOnWhereTheServerHasAService() {
        try (var fake = new FakeLibreTranslate();
                var withService = TestServer.start(
                        db,
                        AppConfig.defaults()
                                .withMachineTranslation(
                                        MachineTranslationSettings.parse("libretranslate:" + fake.url(), null)))) {
            var c = given.openConversation();
            var organizer = given.person(Role.ORGANIZER, c, "organizer");
            String one = "/api/v1/conversations/" + c.id();

            var before = withService.get(one + "/settings", organizer.bearer()).json();
            var patched = withService.send(
                    "PATCH",
                    one,
                    TestServer.toJson(Map.of("machineTranslation", true, "moderationMode", "pre")),
                    organizer.bearer("Content-Type", "application/json"));
            var after = withService.get(one + "/settings", organizer.bearer()).json();
            var oldEndpoint = withService
                    .get(one + "/machine-translation", organizer.bearer())
                    .json();
            String manage = withService
                    .get("/organize/c/" + c.id() + "?lang=ja", given.sessionCookie(organizer))
                    .body();

            assertThat(before.get("machineTranslation").asBoolean()).isFalse();
            assertThat(patched.status()).as(patched.body()).isEqualTo(200);
            assertThat(patched.json().get("machineTranslation").asBoolean()).isTrue();
            assertThat(after.get("machineTranslation").asBoolean()).isTrue();
            assertThat(after.get("moderationMode").asText()).isEqualTo("pre");
            assertThat(oldEndpoint.get("machineTranslation").asBoolean()).isTrue();
            assertThat(manage).contains("name=\"machine_translation\" checked");
        }
    }

    @Test
    void withoutAServiceThePatchIsRefusedWholeAndTheManagePageOffersNoSwitch() {
        var c = given.openConversation();
        var organizer = given.person(Role.ORGANIZER, c, "organizer");
        String one = "/api/v1/conversations/" + c.id();

        var patched = server.send(
                "PATCH",
                one,
                TestServer.toJson(Map.of("machineTranslation", true, "moderationMode", "pre")),
                organizer.bearer("Content-Type", "application/json", "Accept-Language", "ko"));
        var after = server.get(one + "/settings", organizer.bearer()).json();
        String manage = server.get("/organize/c/" + c.id(), given.sessionCookie(organizer))
                .body();

        assertThat(patched.status()).isEqualTo(409);
        assertThat(patched.json().get("type").asText()).endsWith("/machine-translation-unavailable");
        assertThat(after.get("machineTranslation").asBoolean()).isFalse();
        assertThat(after.get("moderationMode").asText()).isEqualTo("post");
        assertThat(manage).doesNotContain("name=\"machine_translation\"");
    }
}
