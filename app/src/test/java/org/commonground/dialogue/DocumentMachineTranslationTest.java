package org.commonground.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.commonground.AppConfig;
import org.commonground.account.Role;
import org.commonground.conversation.Conversation;
import org.commonground.conversation.ModerationMode;
import org.commonground.testing.Eventually;
import org.commonground.testing.Given;
import org.commonground.testing.RunningApp;
import org.commonground.testing.TestAccounts;
import org.commonground.testing.TestAccounts.Caller;
import org.commonground.testing.TestServer;
import org.commonground.translation.FakeLibreTranslate;
import org.commonground.translation.MachineTranslationSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A published version's texts that no editor wrote in a language reach readers of that language as
 * a marked machine translation, when the latest round's organizer turned machine translation on
 * (the service is a local stand-in speaking LibreTranslate's API); a written language comes first.
 */
class DocumentMachineTranslationTest {
    static final FakeLibreTranslate service = new FakeLibreTranslate();

    @RegisterExtension
    static final RunningApp app = new RunningApp(
            AppConfig.defaults()
                    .withMachineTranslation(MachineTranslationSettings.parse("libretranslate:" + service.url(), null)),
            Clock.systemUTC());

    @AfterAll
    static void stopService() {
        service.close();
    }

    @Test
    void aClauseWrittenInEnglishOnlyIsReadInJapaneseAsAMarkedMachineTranslation() {
        // arrange: a dialogue of one round with machine translation on, a Japanese and a Korean editor
        TestServer server = app.server();
        TestAccounts accounts = new TestAccounts(app.db());
        Caller organizer = accounts.create(Role.ORGANIZER);
        Conversation round = new Given(app.db())
                .openConversation(organizer.account(), ModerationMode.POST, "Round one", List.of("Exchange first."));
        long dialogue = server.postJson(
                        "/api/v1/dialogues",
                        Map.of(
                                "texts",
                                Map.of("en", Map.of("title", "History classes", "description", "")),
                                "conversationId",
                                round.id()),
                        organizer.auth())
                .json()
                .get("id")
                .asLong();
        assertThat(server.putJson(
                                "/api/v1/conversations/" + round.id() + "/machine-translation",
                                Map.of("machineTranslation", true),
                                organizer.auth())
                        .status())
                .isEqualTo(200);
        Caller japan = accounts.create(Role.TRANSLATOR);
        Caller korea = accounts.create(Role.TRANSLATOR);
        for (var editor : List.of(Map.entry(japan, "JP"), Map.entry(korea, "KR"))) {
            server.postJson(
                    "/api/v1/dialogues/" + dialogue + "/editors",
                    Map.of("accountId", editor.getKey().id(), "country", editor.getValue()),
                    organizer.auth());
        }
        String doc = "/api/v1/dialogues/" + dialogue + "/document";
        long section = server.postJson(
                        doc + "/sections", Map.of("titles", Map.of("en", "Exchange", "ko", "교류")), japan.auth())
                .json()
                .get("id")
                .asLong();
        server.postJson(
                doc + "/sections/" + section + "/clauses",
                Map.of("texts", Map.of("en", "Both sides want teachers to meet."), "cites", List.of()),
                japan.auth());
        int version = server.postJson(doc + "/versions", Map.of(), japan.auth())
                .json()
                .get("number")
                .asInt();
        server.postJson(doc + "/versions/" + version + "/approval", Map.of(), japan.auth());
        server.postJson(doc + "/versions/" + version + "/approval", Map.of(), korea.auth());

        // act
        TestServer.Response published =
                server.postJson(doc + "/versions/" + version + "/publication", Map.of(), korea.auth());

        // assert
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        String japanese = Eventually.eventually(
                Duration.ofSeconds(30),
                () -> server.get("/d/" + dialogue + "/document?lang=ja").body(),
                page -> page.contains("→ja〕Both sides want teachers to meet."));
        assertThat(japanese).contains("英語からの機械翻訳です");
        String korean = server.get("/d/" + dialogue + "/document?lang=ko").body();
        assertThat(korean)
                .as("the title an editor wrote in Korean is shown as written")
                .contains("교류")
                .doesNotContain("→ko〕Exchange");
        assertThat(service.received("/translate")).isNotEmpty();
    }
}
