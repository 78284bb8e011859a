package org.commonground.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.commonground.testing.ParticipationGiven;
import org.commonground.testing.ParticipationServerTest;
import org.junit.jupiter.api.Test;

class NextStatementHttpTest extends ParticipationServerTest {

    static String next(ParticipationGiven.Conversation c) {
        return "/api/v1/conversations/" + c.id() + "/next";
    }

    @Test
    void walksEveryAcceptedStatementOnceThenSaysDone() {
        var c = given.openConversation();
        Set<Long> accepted =
                Set.of(given.statement(c, "One."), given.statement(c, "Two."), given.statement(c, "Three."));
        given.statement(c, "Hidden while pending.", "en", "pending");
        given.statement(c, "Hidden once rejected.", "en", "rejected");
        var p = given.participant(c);
        Set<Long> served = new HashSet<>();

        for (int i = 0; i < 3; i++) {
            var answer = server.get(next(c), p.bearer()).json();
            assertThat(answer.at("/progress/voted").asInt()).isEqualTo(i);
            assertThat(answer.at("/progress/total").asInt()).isEqualTo(3);
            long id = answer.at("/statement/id").asLong();
            assertThat(served.add(id)).as("never served twice").isTrue();
            assertThat(server.postJson(
                                    "/api/v1/conversations/" + c.id() + "/votes",
                                    Map.of("statementId", id, "value", "pass"),
                                    p.bearer())
                            .status())
                    .isEqualTo(201);
        }
        var done = server.get(next(c), p.bearer()).json();

        assertThat(served).isEqualTo(accepted);
        assertThat(done.get("statement").isNull()).isTrue();
        assertThat(done.at("/progress/voted").asInt()).isEqualTo(3);
    }

    @Test
    void showsTheApprovedHumanTranslationBeforeTheMachineOne() {
        var c = given.openConversation();
        long s = given.statement(c, "Youth exchange builds trust.");
        given.jdbi.useHandle(h -> {
            h.execute(
                    "INSERT INTO translation (statement_id, lang, text, kind, state) VALUES (?, 'ja', '機械訳', 'machine', 'approved')",
                    s);
            h.execute(
                    "INSERT INTO translation (statement_id, lang, text, kind, state) VALUES (?, 'ja', '青少年交流は信頼を築く。', 'human', 'approved')",
                    s);
            h.execute(
                    "INSERT INTO translation (statement_id, lang, text, kind, state) VALUES (?, 'ko', '제안된 번역', 'human', 'proposed')",
                    s);
            h.execute(
                    "INSERT INTO translation (statement_id, lang, text, kind, state) VALUES (?, 'ko', '기계 번역', 'machine', 'approved')",
                    s);
        });
        var japanese = given.participant(c, "ja");

        var inJapanese = server.get(next(c), japanese.bearer()).json().get("statement");
        var inKorean =
                server.get(next(c) + "?lang=ko", japanese.bearer()).json().get("statement");
        var inEnglish =
                server.get(next(c) + "?lang=en", japanese.bearer()).json().get("statement");

        assertThat(inJapanese.get("text").asText()).isEqualTo("青少年交流は信頼を築く。");
        assertThat(inJapanese.get("lang").asText()).isEqualTo("ja");
        assertThat(inJapanese.get("translation").asText()).isEqualTo("human");
        assertThat(inJapanese.get("originalText").asText()).isEqualTo("Youth exchange builds trust.");
        assertThat(inJapanese.get("originalLang").asText()).isEqualTo("en");
        assertThat(inKorean.get("text").asText()).isEqualTo("기계 번역");
        assertThat(inKorean.get("translation").asText()).isEqualTo("machine");
        assertThat(inEnglish.get("translation").asText()).isEqualTo("original");
    }

    @Test
    void showsTheOriginalWhenNoTranslationIsApproved() {
        var c = given.openConversation();
        given.statement(c, "에너지 협력이 필요하다.", "ko", "accepted");
        var p = given.participant(c, "en");

        var statement = server.get(next(c), p.bearer()).json().get("statement");

        assertThat(statement.get("text").asText()).isEqualTo("에너지 협력이 필요하다.");
        assertThat(statement.get("lang").asText()).isEqualTo("ko");
        assertThat(statement.get("translation").asText()).isEqualTo("original");
    }

    @Test
    void refusesClosedConversationsUnknownLanguagesAndStrangers() {
        var c = given.openConversation();
        given.statement(c, "Anything.");
        var p = given.participant(c);

        assertThat(server.get(next(c) + "?lang=fr", p.bearer()).status()).isEqualTo(422);
        assertThat(server.get(next(c)).status()).isEqualTo(401);
        given.setState(c, "closed");
        assertThat(server.get(next(c), p.bearer()).json().get("type").asText()).endsWith("/conversation-closed");
    }

    @Test
    void theVotePageSaysAMachineTranslationIsOneAndNamesTheOriginalLanguageInTheReadersLanguage() {
        var c = given.openConversation();
        long s = given.statement(c, "역사 교육을 함께 만들어야 한다.", "ko", "accepted");
        given.jdbi.useHandle(h -> {
            h.execute(
                    "INSERT INTO translation (statement_id, lang, text, kind, state) VALUES (?, 'ja', '歴史教育を共に作るべきだ。', 'machine', 'approved')",
                    s);
            h.execute(
                    "INSERT INTO translation (statement_id, lang, text, kind, state) VALUES (?, 'en', 'History education should be written together.', 'human', 'approved')",
                    s);
        });
        var p = given.participant(c, "ja");

        String japanese = server.get("/c/" + c.id() + "/vote?lang=ja", p.bearer("Accept", "text/html"))
                .body();
        String english = server.get("/c/" + c.id() + "/vote?lang=en", p.bearer("Accept", "text/html"))
                .body();

        assertThat(japanese).contains("歴史教育を共に作るべきだ。").contains("機械翻訳です。原文は韓国語です。");
        assertThat(english).contains("Translation reviewed by people — the original is in Korean.");
    }

    @Test
    void theKoreanVotePageNamesAJapaneseOriginalWithTheParticleItsLastSoundTakes() {
        var c = given.openConversation();
        long s = given.statement(c, "歴史教育を共に作るべきだ。", "ja", "accepted");
        given.jdbi.useHandle(h -> h.execute(
                "INSERT INTO translation (statement_id, lang, text, kind, state) VALUES (?, 'ko', '역사 교육을 함께 만들어야 한다.', 'machine', 'approved')",
                s));
        var p = given.participant(c, "ko");

        String korean = server.get("/c/" + c.id() + "/vote?lang=ko", p.bearer("Accept", "text/html"))
                .body();

        assertThat(korean).contains("일본어로 쓴 원문을 기계 번역한 글입니다.").doesNotContain("(으)로");
    }
}
