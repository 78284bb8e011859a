package org.commonground.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.commonground.account.Role;
import org.commonground.testing.ParticipationGiven;
import org.commonground.testing.ParticipationServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TranslationHttpTest extends ParticipationServerTest {
    static ParticipationGiven.Conversation c;
    static ParticipationGiven.Person alice;
    static ParticipationGiven.Person bob;
    static ParticipationGiven.Person moderator;

    @BeforeAll
    static void people() {
        c = given.openConversation();
        alice = given.person(Role.TRANSLATOR, c, "translator");
        bob = given.person(Role.TRANSLATOR, c, "translator");
        moderator = given.person(Role.MODERATOR, c, "moderator");
    }

    static String submit(long statementId) {
        return "/api/v1/conversations/" + c.id() + "/statements/" + statementId + "/translations";
    }

    static String approve(long translationId) {
        return "/api/v1/conversations/" + c.id() + "/translations/" + translationId + "/approval";
    }

    @Test
    void aSecondTranslatorApprovesAndParticipantsThenReadTheHumanTranslation() {
        var conversation = given.openConversation();
        var t1 = given.person(Role.TRANSLATOR, conversation, "translator");
        var t2 = given.person(Role.TRANSLATOR, conversation, "translator");
        long s = given.statement(conversation, "History education should include both perspectives.");
        var reader = given.participant(conversation, "ko");
        String base = "/api/v1/conversations/" + conversation.id();

        var proposed = server.postJson(
                base + "/statements/" + s + "/translations",
                Map.of("lang", "ko", "text", "역사 교육은 양쪽의 관점을 모두 담아야 한다."),
                t1.bearer());
        var beforeApproval = server.get(base + "/next", reader.bearer()).json().get("statement");
        var approved = server.send(
                "POST", base + "/translations/" + proposed.json().get("id").asLong() + "/approval", null, t2.bearer());
        var afterApproval = server.get(base + "/next", reader.bearer()).json().get("statement");

        assertThat(proposed.status()).isEqualTo(201);
        assertThat(proposed.json().get("state").asText()).isEqualTo("proposed");
        assertThat(proposed.json().get("kind").asText()).isEqualTo("human");
        assertThat(beforeApproval.get("translation").asText()).isEqualTo("original");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("approvedBy").asLong()).isEqualTo(t2.id());
        assertThat(afterApproval.get("text").asText()).isEqualTo("역사 교육은 양쪽의 관점을 모두 담아야 한다.");
        assertThat(afterApproval.get("translation").asText()).isEqualTo("human");
    }

    @Test
    void nobodyApprovesTheirOwnTranslationButAModeratorMay() {
        long s = given.statement(c, "Own work needs other eyes.");
        long id = server.postJson(submit(s), Map.of("lang", "ja", "text", "自分の仕事は他人の目が必要だ。"), alice.bearer())
                .json()
                .get("id")
                .asLong();

        var own = server.send("POST", approve(id), null, alice.bearer("Accept-Language", "ja"));
        var byModerator = server.send("POST", approve(id), null, moderator.bearer());
        var again = server.send("POST", approve(id), null, bob.bearer());

        assertThat(own.status()).isEqualTo(403);
        assertThat(own.json().get("type").asText()).endsWith("/own-translation");
        assertThat(own.json().get("detail").asText()).contains("翻訳者本人以外");
        assertThat(byModerator.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void storesATranslationWithoutBidiOverrides() {
        long s = given.statement(c, "Archives should be opened.");

        var response = server.postJson(
                submit(s), Map.of("lang", "ja", "text", "\u202E資料を\u2066公開\u2069すべきだ。"), alice.bearer());

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("text").asText()).isEqualTo("資料を公開すべきだ。");
    }

    @Test
    void aNewApprovalSupersedesTheOldOne() {
        long s = given.statement(c, "Two drafts, one winner.");
        long first = server.postJson(submit(s), Map.of("lang", "ja", "text", "第一稿"), alice.bearer())
                .json()
                .get("id")
                .asLong();
        long second = server.postJson(submit(s), Map.of("lang", "ja", "text", "第二稿"), alice.bearer())
                .json()
                .get("id")
                .asLong();
        server.send("POST", approve(first), null, bob.bearer());

        var response = server.send("POST", approve(second), null, bob.bearer());

        assertThat(response.status()).isEqualTo(200);
        var all = server.get(submit(s), alice.bearer()).json();
        assertThat(all.findValuesAsText("state")).containsExactly("approved", "superseded");
    }

    @Test
    void listsStatementsLackingAnApprovedHumanTranslation() {
        var conversation = given.openConversation();
        var t = given.person(Role.TRANSLATOR, conversation, "translator");
        long needsKo = given.statement(conversation, "Needs Korean.");
        long korean = given.statement(conversation, "이미 한국어", "ko", "accepted");
        given.statement(conversation, "Pending, not yet.", "en", "pending");
        long done = given.statement(conversation, "Done in Korean.");
        given.jdbi.useHandle(h -> h.execute(
                "INSERT INTO translation (statement_id, lang, text, kind, state) VALUES (?, 'ko', '완료', 'human', 'approved')",
                done));

        var missing =
                server.get("/api/v1/conversations/" + conversation.id() + "/translations/missing?into=ko", t.bearer());

        assertThat(missing.status()).isEqualTo(200);
        assertThat(missing.json().findValuesAsText("statementId")).containsExactly(String.valueOf(needsKo));
        assertThat(korean).isPositive();
        assertThat(server.get(
                                "/api/v1/conversations/" + conversation.id() + "/translations/missing?into=xx",
                                t.bearer())
                        .status())
                .isEqualTo(422);
    }

    @Test
    void aTranslatorListsWhatLacksTheirLanguagesAndIsRefusedOthers() {
        var conversation = given.openConversation();
        var koreanOnly = given.translator(conversation, "ko");
        var admin = given.person(Role.ADMIN, null, null);
        long s = given.statement(conversation, "Only Korean, please.");
        String missing = "/api/v1/conversations/" + conversation.id() + "/translations/missing?into=";

        var korean = server.get(missing + "ko", koreanOnly.bearer());
        var japanese = server.get(missing + "ja", koreanOnly.bearer("Accept-Language", "ja"));
        var japaneseAskedInKorean = server.get(missing + "ja", koreanOnly.bearer("Accept-Language", "ko"));
        var japaneseForAdmin = server.get(missing + "ja", admin.bearer());

        assertThat(korean.status()).isEqualTo(200);
        assertThat(korean.json().findValuesAsText("statementId")).containsExactly(String.valueOf(s));
        assertThat(japanese.status()).isEqualTo(403);
        assertThat(japanese.contentType()).startsWith("application/problem+json");
        assertThat(japanese.json().get("type").asText()).endsWith("/language-not-yours");
        assertThat(japanese.json().get("detail").asText()).contains("翻訳する言語に ja");
        assertThat(japaneseAskedInKorean.json().get("detail").asText())
                .as("the target language is not the reply's")
                .doesNotContain("翻訳する言語")
                .contains("ja");
        assertThat(japaneseForAdmin.status()).isEqualTo(200);
    }

    @Test
    void aTranslatorCannotSubmitATranslationIntoALanguageNotTheirs() {
        var conversation = given.openConversation();
        var koreanOnly = given.translator(conversation, "ko");
        long s = given.statement(conversation, "Stay in your lane.");
        String submit = "/api/v1/conversations/" + conversation.id() + "/statements/" + s + "/translations";

        var japanese = server.postJson(submit, Map.of("lang", "ja", "text", "自分の言語で。"), koreanOnly.bearer());
        var korean = server.postJson(submit, Map.of("lang", "ko", "text", "자기 언어로."), koreanOnly.bearer());

        assertThat(japanese.status()).isEqualTo(403);
        assertThat(japanese.json().get("type").asText()).endsWith("/language-not-yours");
        assertThat(korean.status()).isEqualTo(201);
        assertThat(given.count("SELECT count(*) FROM translation WHERE statement_id = ? AND lang = 'ja'", s))
                .isZero();
    }

    @Test
    void theDeskOpensOnTheTranslatorsFirstLanguageAndOffersOnlyTheirs() {
        var conversation = given.openConversation();
        var translator = given.translator(conversation, "ko", "en");
        long s = given.statement(conversation, "日本語の意見。", "ja", "accepted");
        String desk = "/translate/c/" + conversation.id();

        var opened = server.get(desk, translator.bearer("Accept", "text/html", "Accept-Language", "ja"));
        var notTheirs = server.get(desk + "?into=ja", translator.bearer("Accept", "text/html"));

        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.body())
                .contains(
                        "href=\"" + desk + "?into=ko\" aria-current=\"true\"",
                        "href=\"" + desk + "?into=en\"",
                        "id=\"missing-" + s + "\"",
                        "name=\"into\" value=\"ko\"");
        assertThat(opened.body()).doesNotContain("?into=ja");
        assertThat(notTheirs.status()).isEqualTo(403);
    }

    @Test
    void theDeskOpensOnTheReadersLanguageWhenItIsOneOfTheTranslators() {
        var conversation = given.openConversation();
        var translator = given.translator(conversation, "ko", "en");
        String desk = "/translate/c/" + conversation.id();

        var opened = server.get(desk, translator.bearer("Accept", "text/html", "Accept-Language", "en"));

        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.body()).contains("href=\"" + desk + "?into=en\" aria-current=\"true\"");
    }

    @Test
    void aTranslatorApprovesOnlyIntoTheirOwnLanguages() {
        var conversation = given.openConversation();
        var japanese = given.translator(conversation, "ja");
        var korean = given.translator(conversation, "ko");
        var koreanOnly = given.translator(conversation, "ko");
        long s = given.statement(conversation, "Approvals stay within one's languages.");
        String submit = "/api/v1/conversations/" + conversation.id() + "/statements/" + s + "/translations";
        long ja = server.postJson(submit, Map.of("lang", "ja", "text", "承認は自分の言語で。"), japanese.bearer())
                .json()
                .get("id")
                .asLong();
        long ko = server.postJson(submit, Map.of("lang", "ko", "text", "승인은 자기 언어로."), korean.bearer())
                .json()
                .get("id")
                .asLong();
        String approval = "/api/v1/conversations/" + conversation.id() + "/translations/%d/approval";

        var intoJapanese = server.postJson(approval.formatted(ja), Map.of(), koreanOnly.bearer());
        var intoKorean = server.postJson(approval.formatted(ko), Map.of(), koreanOnly.bearer());

        assertThat(intoJapanese.status()).isEqualTo(403);
        assertThat(intoJapanese.json().get("type").asText()).endsWith("/language-not-yours");
        assertThat(intoKorean.status()).isEqualTo(200);
        assertThat(given.count("SELECT count(*) FROM translation WHERE id = ? AND state = 'proposed'", ja))
                .isEqualTo(1);
    }

    @Test
    void aModeratorsDeskOpensOnTheirReadingLanguageAndOffersAllThree() {
        var conversation = given.openConversation();
        var moderator = given.person(Role.MODERATOR, conversation, "moderator");
        String desk = "/translate/c/" + conversation.id();

        var opened = server.get(desk, moderator.bearer("Accept", "text/html", "Accept-Language", "ja"));

        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.body())
                .contains(
                        "href=\"" + desk + "?into=ja\" aria-current=\"true\"",
                        "href=\"" + desk + "?into=ko\"",
                        "href=\"" + desk + "?into=en\"");
    }

    @Test
    void theDeskRefusesATranslationIntoALanguageNotTheTranslators() {
        var conversation = given.openConversation();
        var koreanOnly = given.translator(conversation, "ko");
        long s = given.statement(conversation, "Form posts are checked too.");
        String csrf = "c".repeat(43);

        var r = server.send(
                "POST",
                "/translate/c/" + conversation.id() + "/s/" + s,
                "into=ja&text=%E3%81%82&_csrf=" + csrf,
                koreanOnly.bearer("Content-Type", "application/x-www-form-urlencoded", "Cookie", "cg_csrf=" + csrf));

        assertThat(r.status()).isEqualTo(403);
        assertThat(given.count("SELECT count(*) FROM translation WHERE statement_id = ?", s))
                .isZero();
    }

    @Test
    void onlyTheServerMakesMachineTranslationsNotPeopleWithSessionsOrTokens() {
        long s = given.statement(c, "Machines may help.");

        var viaSession = server.postJson(
                submit(s), Map.of("lang", "ja", "text", "機械", "kind", "machine"), given.sessionCookie(alice));
        var viaToken = server.postJson(
                submit(s),
                Map.of("lang", "ja", "text", "機械が助けになる。", "kind", "machine"),
                alice.bearer("Accept-Language", "ko"));

        assertThat(viaSession.status()).isEqualTo(403);
        assertThat(viaSession.json().get("type").asText()).endsWith("/machine-translation-by-server-only");
        assertThat(viaToken.status()).isEqualTo(403);
        assertThat(viaToken.json().get("type").asText()).endsWith("/machine-translation-by-server-only");
        assertThat(viaToken.json().get("detail").asText()).contains("기계 번역 서비스");
        assertThat(given.count("SELECT count(*) FROM translation WHERE statement_id = ?", s))
                .isZero();
    }

    @Test
    void refusesBadInputWrongRolesAndForeignStatements() {
        long s = given.statement(c, "Validate me.");
        long foreign = given.statement(given.openConversation(), "Foreign.");
        long rejected = given.statement(c, "Rejected one.", "en", "rejected");
        var participant = given.participant(c);

        assertThat(server.postJson(submit(s), Map.of("lang", "en", "text", "Same language"), alice.bearer())
                        .status())
                .isEqualTo(422);
        assertThat(server.postJson(submit(s), Map.of("lang", "ja", "text", " "), alice.bearer())
                        .status())
                .isEqualTo(422);
        assertThat(server.postJson(submit(s), Map.of("lang", "ja", "text", "あ".repeat(2001)), alice.bearer())
                        .status())
                .isEqualTo(422);
        assertThat(server.postJson(submit(s), Map.of("lang", "ja", "text", "x", "kind", "robot"), alice.bearer())
                        .status())
                .isEqualTo(422);
        assertThat(server.postJson(submit(s), "[1,2]", alice.bearer()).status()).isEqualTo(400);
        assertThat(server.postJson(submit(foreign), Map.of("lang", "ja", "text", "外国"), alice.bearer())
                        .status())
                .isEqualTo(404);
        assertThat(server.postJson(submit(rejected), Map.of("lang", "ja", "text", "却下"), alice.bearer())
                        .status())
                .isEqualTo(409);
        assertThat(server.postJson(submit(s), Map.of("lang", "ja", "text", "参加者"), participant.bearer())
                        .status())
                .isEqualTo(401);
        assertThat(server.postJson(
                                submit(s),
                                Map.of("lang", "ja", "text", "部外者"),
                                given.person(Role.TRANSLATOR, null, null).bearer())
                        .status())
                .isEqualTo(403);
        assertThat(server.send("POST", approve(987654), null, bob.bearer()).status())
                .isEqualTo(404);
        assertThat(given.count(
                        "SELECT count(*) FROM translation WHERE statement_id IN (?, ?, ?)", s, foreign, rejected))
                .isZero();
    }
}
