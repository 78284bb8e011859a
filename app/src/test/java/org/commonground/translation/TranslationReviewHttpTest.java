package org.commonground.translation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonground.account.Role;
import org.commonground.testing.ParticipationGiven;
import org.commonground.testing.ParticipationServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A second translator or a moderator reviews a proposed translation: approves, edits or sends it back. */
class TranslationReviewHttpTest extends ParticipationServerTest {
    static ParticipationGiven.Conversation c;
    static ParticipationGiven.Person translator;
    static ParticipationGiven.Person reviewer;
    static ParticipationGiven.Person moderator;
    static String base;

    @BeforeAll
    static void people() {
        c = given.openConversation();
        translator = given.translator(c, "ja", "ko");
        reviewer = given.translator(c, "ja", "ko");
        moderator = given.person(Role.MODERATOR, c, "moderator");
        base = "/api/v1/conversations/" + c.id();
    }

    private static long propose(long statement, String lang, String text) {
        var r = server.postJson(
                base + "/statements/" + statement + "/translations",
                Map.of("lang", lang, "text", text),
                translator.bearer());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private static List<Long> missing(String into) {
        List<Long> ids = new ArrayList<>();
        for (JsonNode m : server.get(base + "/translations/missing?into=" + into, reviewer.bearer())
                .json()) {
            ids.add(m.get("statementId").asLong());
        }
        return ids;
    }

    @Test
    void aProposedTranslationLeavesTheMissingListAtOnceAndASentBackOneReturnsWithItsReason() {
        long s = given.statement(c, "Exchange students should get visas faster.");
        List<Long> before = missing("ja");

        long proposed = propose(s, "ja", "交換留学生のビザはもっと早く出すべきだ。");
        List<Long> whileProposed = missing("ja");
        var sentBack = server.postJson(
                base + "/translations/" + proposed + "/rejection",
                Map.of("reason", "「もっと早く」は原文にない強調です"),
                reviewer.bearer());
        List<Long> afterRejection = missing("ja");
        JsonNode history = server.get(base + "/statements/" + s + "/translations", translator.bearer())
                .json();
        String desk = server.get("/translate/c/" + c.id() + "?into=ja&lang=ja", given.sessionCookie(translator))
                .body();

        assertThat(before).contains(s);
        assertThat(whileProposed).doesNotContain(s);
        assertThat(sentBack.status()).isEqualTo(200);
        assertThat(sentBack.json().get("state").asText()).isEqualTo("rejected");
        assertThat(sentBack.json().get("reviewedBy").asLong()).isEqualTo(reviewer.id());
        assertThat(afterRejection).contains(s);
        assertThat(history.get(0).get("rejectedReason").asText()).isEqualTo("「もっと早く」は原文にない強調です");
        assertThat(desk).contains("差し戻された翻訳", "確認者からの差し戻し理由：「もっと早く」は原文にない強調です");
    }

    @Test
    void sendingBackNeedsAReasonAndIsNotForTheTranslatorThemself() {
        long s = given.statement(c, "Museums should lend works to each other.");
        long proposed = propose(s, "ko", "박물관은 서로 작품을 빌려줘야 한다.");

        var noReason = server.postJson(
                base + "/translations/" + proposed + "/rejection",
                Map.of("reason", "  "),
                reviewer.bearer("Accept-Language", "ko"));
        var own = server.postJson(
                base + "/translations/" + proposed + "/rejection", Map.of("reason", "다시"), translator.bearer());
        var byModerator = server.postJson(
                base + "/translations/" + proposed + "/rejection", Map.of("reason", "어순이 어색합니다"), moderator.bearer());
        var twice = server.postJson(
                base + "/translations/" + proposed + "/rejection", Map.of("reason", "다시"), reviewer.bearer());

        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body()).contains("반려하는 사유");
        assertThat(own.status()).isEqualTo(403);
        assertThat(byModerator.status()).isEqualTo(200);
        assertThat(twice.status()).isEqualTo(409);
    }

    @Test
    void aReviewerEditsBeforeApprovingAndTheTranslatorsTextStaysOnRecord() {
        long s = given.statement(c, "Both governments should fund joint research on hydrogen.");
        var reader = given.participant(c, "ja");
        long proposed = propose(s, "ja", "両政府は水素の共同研究に資金を出すべきだ。");

        var edited = server.postJson(
                base + "/translations/" + proposed + "/edit",
                Map.of("text", "両国政府は水素の共同研究に資金を出すべきだ。"),
                reviewer.bearer());
        JsonNode shown = null;
        for (JsonNode st : server.get(base + "/statements/search?q=" + "水素&lang=ja", reader.bearer())
                .json()) {
            if (st.get("statementId").asLong() == s) {
                shown = st;
            }
        }

        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("state").asText()).isEqualTo("approved");
        assertThat(edited.json().get("text").asText()).isEqualTo("両国政府は水素の共同研究に資金を出すべきだ。");
        assertThat(edited.json().get("proposedText").asText()).isEqualTo("両政府は水素の共同研究に資金を出すべきだ。");
        assertThat(edited.json().get("approvedBy").asLong()).isEqualTo(reviewer.id());
        assertThat(edited.json().get("translatorId").asLong()).isEqualTo(translator.id());
        assertThat(shown).isNotNull();
        assertThat(shown.get("text").asText()).isEqualTo("両国政府は水素の共同研究に資金を出すべきだ。");
    }

    @Test
    void aTextWhoseScriptContradictsItsDeclaredLanguageIsRefused() {
        long s = given.statement(c, "Rural buses need public money.");

        var hangulAsJapanese = server.postJson(
                base + "/statements/" + s + "/translations",
                Map.of("lang", "ja", "text", "농촌 버스에는 공적 자금이 필요하다."),
                translator.bearer("Accept-Language", "ja"));
        var kanaAsKorean = server.postJson(
                base + "/statements/" + s + "/translations",
                Map.of("lang", "ko", "text", "地方のバスには公的資金が必要だ。"),
                translator.bearer("Accept-Language", "ko"));
        var quotedNameIsFine = server.postJson(
                base + "/statements/" + s + "/translations",
                Map.of("lang", "ja", "text", "地方のバス（농촌 버스）には公的資金が必要だ。"),
                translator.bearer());
        long other = given.statement(c, "Ferries between Busan and Fukuoka need support.");
        long proposed = propose(other, "ja", "釜山と福岡の間のフェリーには支援が必要だ。");
        var editToHangul = server.postJson(
                base + "/translations/" + proposed + "/edit",
                Map.of("text", "부산과 후쿠오카 사이 페리에는 지원이 필요하다."),
                reviewer.bearer());

        assertThat(hangulAsJapanese.status()).isEqualTo(422);
        assertThat(hangulAsJapanese.body()).contains("日本語で書かれていません");
        assertThat(kanaAsKorean.status()).isEqualTo(422);
        assertThat(kanaAsKorean.body()).contains("한국어로 쓰여 있지 않습니다");
        assertThat(quotedNameIsFine.status()).isEqualTo(201);
        assertThat(editToHangul.status()).isEqualTo(422);
        assertThat(server.get(base + "/statements/" + other + "/translations", reviewer.bearer())
                        .json()
                        .get(0)
                        .get("state")
                        .asText())
                .isEqualTo("proposed");
    }

    @Test
    void theDeskOpensOneStatementWithTheMachineDraftFilledIn() {
        long s = given.statement(c, "Care workers should be able to move between the two countries.");
        given.jdbi.useHandle(h -> h.execute(
                "INSERT INTO translation (statement_id, lang, text, kind, state, service) "
                        + "VALUES (?, 'ja', '介護職員は両国の間を移動できるべきだ。', 'machine', 'approved', 'LibreTranslate')",
                s));

        String page = server.get(
                        "/translate/c/" + c.id() + "/s/" + s + "?into=ja&lang=en", given.sessionCookie(translator))
                .body();

        assertThat(page).contains("Care workers should be able to move", "介護職員は両国の間を移動できるべきだ。</textarea>");
        assertThat(page).contains("Starts from the machine translation");
    }
}
