package org.commonground.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.testing.Eventually.eventually;

import java.util.List;
import java.util.Map;
import org.commonground.AppConfig;
import org.commonground.account.Role;
import org.commonground.testing.ParticipationGiven;
import org.commonground.testing.ParticipationServerTest;
import org.commonground.testing.TestServer;
import org.junit.jupiter.api.Test;

/** The organizer's machine translation switch and glossary over HTTP, on servers with and without a service. */
class MachineTranslationHttpTest extends ParticipationServerTest {

    private static String mt(ParticipationGiven.Conversation c) {
        return "/api/v1/conversations/" + c.id() + "/machine-translation";
    }

    @Test
    void onAServerWithoutAServiceTurningItOnIsAConflictAndOffIsTheDefault() {
        var c = given.openConversation();
        var organizer = given.person(Role.ORGANIZER, c, "organizer");

        var read = server.get(mt(c), organizer.bearer());
        var on = server.putJson(mt(c), Map.of("machineTranslation", true), organizer.bearer("Accept-Language", "ja"));

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("machineTranslation").asBoolean()).isFalse();
        assertThat(read.json().get("available").asBoolean()).isFalse();
        assertThat(on.status()).isEqualTo(409);
        assertThat(on.json().get("type").asText()).endsWith("/machine-translation-unavailable");
        assertThat(on.json().get("detail").asText()).contains("機械翻訳");
    }

    @Test
    void theOrganizerTurnsItOnAndTheLandingPageNamesTheServiceAndWhereItRuns() {
        try (var fake = new FakeLibreTranslate();
                var withService = TestServer.start(
                        db,
                        AppConfig.defaults()
                                .withMachineTranslation(
                                        MachineTranslationSettings.parse("libretranslate:" + fake.url(), null)))) {
            var c = given.openConversation();
            var organizer = given.person(Role.ORGANIZER, c, "organizer");
            var moderator = given.person(Role.MODERATOR, c, "moderator");
            String landingBefore = withService.get("/c/" + c.id() + "?lang=ko").body();

            var byModerator = withService.putJson(mt(c), Map.of("machineTranslation", true), moderator.bearer());
            var missingFlag = withService.putJson(mt(c), Map.of(), organizer.bearer());
            var on = withService.putJson(mt(c), Map.of("machineTranslation", true), organizer.bearer());
            String landingAfter = withService.get("/c/" + c.id() + "?lang=ko").body();

            assertThat(byModerator.status()).isEqualTo(403);
            assertThat(missingFlag.status()).isEqualTo(422);
            assertThat(on.status()).isEqualTo(200);
            assertThat(on.json().get("machineTranslation").asBoolean()).isTrue();
            assertThat(on.json().get("service").asText()).isEqualTo("LibreTranslate");
            assertThat(on.json().get("local").asBoolean()).isTrue();
            assertThat(landingBefore).contains("자원봉사 번역자가 번역합니다").doesNotContain("LibreTranslate");
            assertThat(landingAfter)
                    .contains("기계 번역: LibreTranslate(이 서버 " + fake.url().substring(7) + "에서 실행)");
            long s = given.statement(c, "Exchange first.");
            given.jdbi.useHandle(h -> h.execute(
                    "INSERT INTO cohort_value (dimension_id, value, position) VALUES (?, 'industry', 99)",
                    c.roleDimension()));
            assertThat(eventually(
                            java.time.Duration.ofSeconds(15),
                            () -> given.count(
                                                    "SELECT count(*) FROM translation WHERE statement_id = ? AND kind = 'machine'",
                                                    s)
                                            == 2
                                    && given.count(
                                                    "SELECT count(*) FROM machine_text WHERE conversation_id = ? AND lang = 'ko' "
                                                            + "AND source_key = 'cohort:role:industry'",
                                                    c.id())
                                            == 1,
                            done -> done))
                    .as("the statement and the organizer's own cohort value translated")
                    .isTrue();
            // Pages may show a conversation's cohorts up to a second old (Readable's cache).
            assertThat(eventually(
                            java.time.Duration.ofSeconds(5),
                            () -> withService.get("/c/" + c.id() + "?lang=ko").body(),
                            body -> body.contains("〔en→ko〕industry")))
                    .as("the join step offers the translated value")
                    .contains("〔en→ko〕industry");
        }
    }

    @Test
    void organizersReplaceTheGlossaryStaffReadItAndBadTermsAreRefusedWithTheirField() {
        var c = given.openConversation();
        var organizer = given.person(Role.ORGANIZER, c, "organizer");
        var translator = given.translator(c, "ko");
        String glossary = "/api/v1/conversations/" + c.id() + "/glossary";
        var terms = Map.of(
                "terms",
                List.of(
                        Map.of("ja", "竹島", "ko", "독도", "en", "Dokdo/Takeshima", "note", "both names in English"),
                        Map.of("ja", "慰安婦", "ko", "위안부", "en", "comfort women")));

        var put = server.putJson(glossary, terms, organizer.bearer());
        var byTranslator = server.putJson(glossary, terms, translator.bearer());
        var read = server.get(glossary, translator.bearer());
        var oneLanguage = server.putJson(glossary, Map.of("terms", List.of(Map.of("ja", "徴用工"))), organizer.bearer());
        var tooLong = server.putJson(
                glossary,
                Map.of("terms", List.of(Map.of("ja", "あ".repeat(101), "ko", "가"))),
                organizer.bearer("Accept-Language", "ko"));

        assertThat(put.status()).isEqualTo(200);
        assertThat(byTranslator.status()).isEqualTo(403);
        assertThat(read.json().get("terms")).hasSize(2);
        assertThat(read.json().get("terms").get(0).get("en").asText()).isEqualTo("Dokdo/Takeshima");
        assertThat(oneLanguage.status()).isEqualTo(422);
        assertThat(oneLanguage.body()).contains("terms.0");
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).contains("terms.0.ja", "100자");
        assertThat(server.get(glossary, translator.bearer()).json().get("terms"))
                .hasSize(2);
    }

    @Test
    void translatorsSeeGlossaryTermsMarkedOnTheDesk() {
        var c = given.openConversation();
        var organizer = given.person(Role.ORGANIZER, c, "organizer");
        var translator = given.translator(c, "ja");
        server.putJson(
                "/api/v1/conversations/" + c.id() + "/glossary",
                Map.of("terms", List.of(Map.of("ja", "竹島", "ko", "독도", "en", "Dokdo/Takeshima"))),
                organizer.bearer());
        given.statement(c, "Talks on Dokdo/Takeshima <now>");

        String desk = server.get("/translate/c/" + c.id() + "?into=ja", given.sessionCookie(translator))
                .body();

        assertThat(desk)
                .contains(
                        "<mark class=\"glossary\" title=\"竹島 / 독도 / Dokdo/Takeshima\">Dokdo/Takeshima</mark> &lt;now&gt;");
    }
}
