package org.commonground.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonground.account.Role;
import org.commonground.testing.ParticipationGiven;
import org.commonground.testing.ParticipationServerTest;
import org.junit.jupiter.api.Test;

class TextHttpTest extends ParticipationServerTest {

    static String similar(ParticipationGiven.Conversation c, String text, String lang) {
        return "/api/v1/conversations/" + c.id() + "/statements/similar?text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8) + (lang == null ? "" : "&lang=" + lang);
    }

    static String search(ParticipationGiven.Conversation c, String q, String lang) {
        return "/api/v1/conversations/" + c.id() + "/statements/search?q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&lang=" + lang;
    }

    static long write(ParticipationGiven.Conversation c, String text) {
        var author = given.participant(c);
        var response = server.postJson(
                "/api/v1/conversations/" + c.id() + "/statements", Map.of("text", text), author.bearer());
        assertThat(response.status()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    static List<Long> ids(JsonNode list) {
        List<Long> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.get("statementId").asLong()));
        return ids;
    }

    @Test
    void findsAJapaneseParaphraseOfAStatementJustWritten() {
        var c = given.openConversation();
        write(c, "地方の高齢者には公共交通の維持が欠かせない。");
        long existing = write(c, "日韓の学生交流をもっと増やすべきだ。");
        var reader = given.participant(c);

        var response = server.get(similar(c, "日本と韓国の学生の交流を、もっと増やしたほうがいい。", null), reader.bearer());

        assertThat(response.status()).isEqualTo(200);
        JsonNode first = response.json().at("/statements/0");
        assertThat(first.get("statementId").asLong()).isEqualTo(existing);
        assertThat(first.get("text").asText()).isEqualTo("日韓の学生交流をもっと増やすべきだ。");
        assertThat(first.get("lang").asText()).isEqualTo("ja");
        assertThat(first.get("score").asDouble())
                .isBetween(response.json().get("duplicateThreshold").asDouble(), 1.0);
        assertThat(response.json().get("statements")).hasSize(1);
    }

    @Test
    void aNegationOfAStatementIsNotOfferedAsTheSame() {
        var c = given.openConversation();
        write(c, "日本政府はすでに十分に謝罪した。");
        var reader = given.participant(c);

        var response = server.get(similar(c, "日本政府はまだ十分に謝罪していない。", "ja"), reader.bearer());
        var weaker = server.get(similar(c, "日本政府はまだ十分に謝罪していない。", "ja") + "&min=0", reader.bearer());

        assertThat(response.json().get("statements")).isEmpty();
        assertThat(weaker.json().at("/statements/0/score").asDouble()).isBetween(0.0, Likeness.DUPLICATE);
    }

    @Test
    void findsAStatementInAnotherLanguageOnceItsTranslationIsApproved() {
        var c = given.openConversation();
        var translator = given.person(Role.TRANSLATOR, c, "translator");
        var moderator = given.person(Role.MODERATOR, c, "moderator");
        long korean = write(c, "원전 재가동은 전기 요금을 낮추기 위해 필요하다.");
        var reader = given.participant(c);
        String paraphrase = similar(c, "電気料金を下げるには、原発を再稼働させる必要がある。", "ja");

        var proposed = server.postJson(
                "/api/v1/conversations/" + c.id() + "/statements/" + korean + "/translations",
                Map.of("lang", "ja", "text", "原発の再稼働は電気料金を下げるために必要だ。"),
                translator.bearer());
        var beforeApproval = server.get(paraphrase, reader.bearer());
        server.send(
                "POST",
                "/api/v1/conversations/" + c.id() + "/translations/"
                        + proposed.json().get("id").asLong() + "/approval",
                null,
                moderator.bearer());
        var afterApproval = server.get(paraphrase, reader.bearer());

        assertThat(beforeApproval.json().get("statements")).isEmpty();
        assertThat(ids(afterApproval.json().get("statements"))).containsExactly(korean);
        assertThat(afterApproval.json().at("/statements/0/text").asText()).isEqualTo("原発の再稼働は電気料金を下げるために必要だ。");
    }

    @Test
    void pendingAndRejectedStatementsReachModeratorsOnly() {
        var c = given.conversation("open", "pre", true, "public");
        var moderator = given.person(Role.MODERATOR, c, "moderator");
        long pending = write(c, "竹島の問題は国際司法裁判所で解決すべきだ。");
        var reader = given.participant(c);
        String check = similar(c, "竹島問題は国際司法裁判所で解決するべきだと思う。", "ja");

        var forParticipant = server.get(check, reader.bearer());
        var forModerator = server.get(check, moderator.bearer());
        server.postJson(
                "/api/v1/conversations/" + c.id() + "/statements/" + pending + "/moderation",
                Map.of("decision", "reject", "reason", "test"),
                moderator.bearer());
        var searchAfterRejection = server.get(search(c, "竹島", "ja"), reader.bearer());
        var moderatorAfterRejection = server.get(search(c, "竹島", "ja"), moderator.bearer());

        assertThat(forParticipant.json().get("statements")).isEmpty();
        assertThat(ids(forModerator.json().get("statements"))).containsExactly(pending);
        assertThat(forModerator.json().at("/statements/0/moderationState").asText())
                .isEqualTo("pending");
        assertThat(searchAfterRejection.json()).isEmpty();
        assertThat(moderatorAfterRejection.json().at("/0/moderationState").asText())
                .isEqualTo("rejected");
    }

    @Test
    void aRejectionMadeBehindTheIndexsBackStillHidesTheStatement() {
        var c = given.openConversation();
        long statement = write(c, "Hate speech online should be regulated.");
        var reader = given.participant(c);
        given.count(
                "WITH u AS (UPDATE statement SET moderation_state = 'rejected' WHERE id = ? RETURNING 1) "
                        + "SELECT count(*) FROM u",
                statement);

        var response = server.get(search(c, "hate speech", "en"), reader.bearer());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).isEmpty();
    }

    @Test
    void searchesInKoreanThroughTranslationsAndAnswersInTheReadersLanguage() {
        var c = given.openConversation();
        long seeded = given.statement(c, "少子高齢化は日韓共通の課題だ。", "ja", "accepted");
        long other = given.statement(c, "原発の再稼働は必要だ。", "ja", "accepted");
        given.count(
                "INSERT INTO translation (statement_id, lang, text, kind, state) "
                        + "VALUES (?, 'ko', '저출산 고령화는 한일 공통의 과제다.', 'machine', 'approved') RETURNING 1",
                seeded);
        var reader = given.participant(c, "ko");

        var korean = server.get(search(c, "고령화 과제", "ko"), reader.bearer());
        var japanese = server.get(search(c, "高齢化", "en"), reader.bearer());

        assertThat(ids(korean.json())).containsExactly(seeded);
        assertThat(korean.json().at("/0/text").asText()).isEqualTo("저출산 고령화는 한일 공통의 과제다.");
        assertThat(korean.json().at("/0/lang").asText()).isEqualTo("ko");
        assertThat(korean.json().at("/0/originalLang").asText()).isEqualTo("ja");
        assertThat(ids(japanese.json())).containsExactly(seeded).doesNotContain(other);
        assertThat(japanese.json().at("/0/lang").asText()).isEqualTo("ja");
    }

    @Test
    void theWritingPageOffersSimilarStatementsToVoteOnInTheAuthorsLanguage() {
        var c = given.openConversation();
        long existing = write(c, "석탄 화력 발전은 빨리 줄여야 한다.");
        var author = given.participant(c, "ko");
        String[] cookie = {
            "Cookie",
            org.commonground.participation.Participants.cookieName(c.id()) + "=" + author.token(),
            "Accept-Language",
            "ko"
        };

        var similarDraft = server.get(
                "/c/" + c.id() + "/similar?text=" + URLEncoder.encode("석탄 화력은 서둘러 줄여 나가야 한다.", StandardCharsets.UTF_8),
                cookie);
        var otherDraft = server.get(
                "/c/" + c.id() + "/similar?text="
                        + URLEncoder.encode("지방 빈집은 청년 세대에게 저렴하게 빌려줘야 한다.", StandardCharsets.UTF_8),
                cookie);
        var stranger = server.get("/c/" + c.id() + "/similar?text=x");

        assertThat(similarDraft.status()).isEqualTo(200);
        assertThat(similarDraft.body())
                .contains("비슷한 의견이 이미 있습니다", "석탄 화력 발전은 빨리 줄여야 한다.", "/c/" + c.id() + "/vote/" + existing);
        assertThat(otherDraft.status()).isEqualTo(200);
        assertThat(otherDraft.body()).doesNotContain("비슷한 의견", "vote/");
        assertThat(stranger.status()).isEqualTo(401);
    }

    @Test
    void refusesStrangersAndBadInputInTheCallersLanguage() {
        var c = given.openConversation();
        var reader = given.participant(c);

        var anonymous = server.get(similar(c, "原発", "ja"));
        // ?lang= names the text's language, and like everywhere it is also the language of the answer.
        var empty = server.get(similar(c, "  ", "ko"), reader.bearer());
        var badLang = server.get(similar(c, "Bonjour", "fr"), reader.bearer());
        var badLimit = server.get(similar(c, "原発", "ja") + "&limit=0", reader.bearer());
        var badMin = server.get(similar(c, "原発", "ja") + "&min=2", reader.bearer("Accept-Language", "ja"));
        var noQuery = server.get(search(c, "?!", "ja"), reader.bearer("Accept-Language", "ja"));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body()).contains("의견 내용을 입력해 주세요");
        assertThat(badLang.status()).isEqualTo(422);
        assertThat(badLimit.status()).isEqualTo(422);
        assertThat(badMin.status()).isEqualTo(422);
        assertThat(badMin.body()).contains("最低スコア");
        assertThat(noQuery.status()).isEqualTo(422);
        assertThat(noQuery.body()).contains("検索");
    }
}
