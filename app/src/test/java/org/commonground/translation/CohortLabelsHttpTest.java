package org.commonground.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.commonground.account.Role;
import org.commonground.participation.Join;
import org.commonground.testing.ParticipationGiven;
import org.commonground.testing.ParticipationServerTest;
import org.junit.jupiter.api.Test;

/**
 * An organizer's own cohort values ("industry", "government") are shown in the reader's language
 * on every page of the conversation: a label a person gave first, else the machine translation.
 */
class CohortLabelsHttpTest extends ParticipationServerTest {

    private static ParticipationGiven.Conversation withOwnValues() {
        var c = given.openConversation();
        given.jdbi.useHandle(h -> {
            h.execute(
                    "INSERT INTO cohort_value (dimension_id, value, position) VALUES (?, 'industry', 90)",
                    c.roleDimension());
            h.execute(
                    "INSERT INTO cohort_value (dimension_id, value, position) VALUES (?, 'government', 91)",
                    c.roleDimension());
        });
        for (String role : List.of("industry", "government")) {
            new Join(given.jdbi, org.commonground.conversation.Invites.over(given.jdbi))
                    .join(
                            c.id(),
                            new Join.JoinRequest(Map.of("country", "KR", "role", role), null, null, "ko"),
                            org.commonground.web.Language.KO);
        }
        return c;
    }

    private static String labels(ParticipationGiven.Conversation c) {
        return "/api/v1/conversations/" + c.id() + "/cohort-labels";
    }

    @Test
    void aKoreanOrganizerPageShowsLabelsGivenByPeopleThenByTheMachineNeverTheEnglishValue() {
        var c = withOwnValues();
        var organizer = given.person(Role.ORGANIZER, c, "organizer");
        var translator = given.translator(c, "ko");
        given.jdbi.useHandle(h -> h.execute(
                "INSERT INTO machine_text (conversation_id, source_key, lang, source_hash, text, service, translated_at) "
                        + "VALUES (?, 'cohort:role:government', 'ko', md5('government'), '정부', 'LibreTranslate', now())",
                c.id()));

        var given1 = server.putJson(
                labels(c),
                Map.of(
                        "labels",
                        List.of(Map.of("dimension", "role", "value", "industry", "lang", "ko", "label", "산업계"))),
                translator.bearer());
        String page = server.get("/organize/c/" + c.id() + "?lang=ko", given.sessionCookie(organizer))
                .body();
        var all = server.get(labels(c), organizer.bearer()).json();

        assertThat(given1.status()).as(given1.body()).isEqualTo(200);
        assertThat(page).contains("산업계", "정부");
        assertThat(page).doesNotContain(">industry<", ">government<");
        assertThat(all.findValuesAsText("label")).contains("산업계", "정부");
    }

    @Test
    void translatorsLabelOnlyIntoTheirLanguagesInTheRightScript() {
        var c = withOwnValues();
        var translator = given.translator(c, "ko");

        var intoJapanese = server.putJson(
                labels(c),
                Map.of(
                        "labels",
                        List.of(Map.of("dimension", "role", "value", "industry", "lang", "ja", "label", "産業界"))),
                translator.bearer());
        var kanaAsKorean = server.putJson(
                labels(c),
                Map.of(
                        "labels",
                        List.of(Map.of("dimension", "role", "value", "industry", "lang", "ko", "label", "さんぎょう"))),
                translator.bearer("Accept-Language", "ko"));
        var unknownValue = server.putJson(
                labels(c),
                Map.of("labels", List.of(Map.of("dimension", "role", "value", "army", "lang", "ko", "label", "군"))),
                translator.bearer());

        assertThat(intoJapanese.status()).isEqualTo(403);
        assertThat(kanaAsKorean.status()).isEqualTo(422);
        assertThat(kanaAsKorean.body()).contains("한국어로 쓰여 있지 않습니다");
        assertThat(unknownValue.status()).isEqualTo(422);
        assertThat(given.count("SELECT count(*) FROM cohort_label WHERE conversation_id = ?", c.id()))
                .isZero();
    }

    @Test
    void theDeskOffersTheMachineLabelAsADraftAndSavesTheTranslatorsLabel() {
        var c = withOwnValues();
        var translator = given.translator(c, "ja");
        given.jdbi.useHandle(h -> h.execute(
                "INSERT INTO machine_text (conversation_id, source_key, lang, source_hash, text, service, translated_at) "
                        + "VALUES (?, 'cohort:role:government', 'ja', md5('government'), '政府', 'LibreTranslate', now())",
                c.id()));
        String[] cookie = given.sessionCookie(translator);

        String desk = server.get("/translate/c/" + c.id() + "?into=ja&lang=ja", cookie)
                .body();
        var saved = server.send(
                "POST",
                "/translate/c/" + c.id() + "/cohort-labels",
                "_csrf=" + cookie[3] + "&into=ja&label_role_industry="
                        + java.net.URLEncoder.encode("産業界", java.nio.charset.StandardCharsets.UTF_8)
                        + "&label_role_government="
                        + java.net.URLEncoder.encode("政府", java.nio.charset.StandardCharsets.UTF_8),
                "Content-Type",
                "application/x-www-form-urlencoded",
                cookie[0],
                cookie[1]);
        String report = server.get("/translate/c/" + c.id() + "?into=ja&lang=ja", cookie)
                .body();

        assertThat(desk).contains("属性の値（日本語）", "value=\"政府\"", "name=\"label_role_industry\"");
        assertThat(saved.status()).isEqualTo(303);
        assertThat(given.count(
                        "SELECT count(*) FROM cohort_label WHERE conversation_id = ? AND lang = 'ja' AND given_by = ?",
                        c.id(),
                        translator.id()))
                .isEqualTo(2);
        assertThat(report).contains("value=\"産業界\"");
    }

    @Test
    void anOrganizersOwnDimensionIsNamedInTheReadersLanguageOnTheJoinFormAndTheBuiltInOnesByTheProduct() {
        var c = given.openConversation();
        given.jdbi.useHandle(h -> {
            long sector = h.createQuery(
                            "INSERT INTO cohort_dimension (conversation_id, name, position) VALUES (?, 'sector', 9) RETURNING id")
                    .bind(0, c.id())
                    .mapTo(Long.class)
                    .one();
            h.execute("INSERT INTO cohort_value (dimension_id, value, position) VALUES (?, 'shipping', 1)", sector);
        });
        var translator = given.translator(c, "ja", "ko");

        var labelled = server.putJson(
                labels(c),
                Map.of(
                        "labels",
                        List.of(
                                Map.of("dimension", "sector", "value", "", "lang", "ja", "label", "業界"),
                                Map.of("dimension", "sector", "value", "", "lang", "ko", "label", "업계"),
                                Map.of("dimension", "sector", "value", "shipping", "lang", "ko", "label", "해운"))),
                translator.bearer());
        String japanese = server.get("/c/" + c.id() + "?lang=ja").body();
        String korean = server.get("/c/" + c.id() + "?lang=ko").body();
        String english = server.get("/c/" + c.id() + "?lang=en").body();
        String desk = server.get("/translate/c/" + c.id() + "?into=ko&lang=ko", given.sessionCookie(translator))
                .body();

        assertThat(labelled.status()).as(labelled.body()).isEqualTo(200);
        assertThat(japanese).contains("<legend>あなたの業界</legend>", "<legend>あなたの国</legend>");
        assertThat(korean).contains("<legend>나의 업계</legend>", "해운", "<legend>나의 국가</legend>", "일본");
        assertThat(english).contains("<legend>Your sector</legend>", "<legend>Your Country</legend>", "Japan");
        assertThat(desk).contains("질문 이름", "value=\"업계\"", "value=\"해운\"");
    }
}
