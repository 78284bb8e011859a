package org.commonground.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonground.account.Role;
import org.commonground.participation.Join;
import org.commonground.testing.ParticipationGiven;
import org.commonground.testing.ParticipationServerTest;
import org.junit.jupiter.api.Test;

/**
 * Moderators see clusters of near-duplicates, within and across languages, and reject one as a
 * duplicate of another; its voters are offered the original next.
 */
class DuplicateClustersHttpTest extends ParticipationServerTest {

    record World(
            ParticipationGiven.Conversation c,
            ParticipationGiven.Person moderator,
            long original,
            long paraphrase,
            long korean,
            long other) {}

    /** A Japanese statement, its Japanese paraphrase, the same claim written in Korean (translated), and another topic. */
    private static World world() {
        var c = given.conversation("open", "pre", true, "public");
        var moderator = given.person(Role.MODERATOR, c, "moderator");
        long original = given.statement(c, "日韓の学生交流をもっと増やすべきだ。", "ja", "accepted");
        long paraphrase = given.statement(c, "日本と韓国の学生の交流を、もっと増やしたほうがいい。", "ja", "accepted");
        long other = given.statement(c, "地方の高齢者には公共交通の維持が欠かせない。", "ja", "accepted");
        Join.Joined author = ParticipationGiven.join(given.jdbi, c.id(), "KR", "ko");
        var written = server.postJson(
                "/api/v1/conversations/" + c.id() + "/statements",
                Map.of("text", "한일 학생 교류를 더 늘려야 한다."),
                "Authorization",
                "Bearer " + author.token());
        assertThat(written.status()).as(written.body()).isEqualTo(201);
        long korean = written.json().get("id").asLong();
        given.jdbi.useHandle(h -> h.execute(
                "INSERT INTO translation (statement_id, lang, text, kind, state, service) "
                        + "VALUES (?, 'ja', '日韓の学生交流をもっと増やすべきだ。', 'machine', 'approved', 'LibreTranslate')",
                korean));
        return new World(c, moderator, original, paraphrase, korean, other);
    }

    private static String base(World w) {
        return "/api/v1/conversations/" + w.c().id();
    }

    private static List<Long> ids(JsonNode statements) {
        List<Long> ids = new ArrayList<>();
        statements.forEach(s -> ids.add(s.get("id").asLong()));
        return ids;
    }

    @Test
    void aClusterHoldsParaphrasesAndTheSameClaimInAnotherLanguage() {
        World w = world();

        var pending =
                server.get(base(w) + "/moderation/duplicates", w.moderator().bearer());
        var accepted = server.get(
                base(w) + "/moderation/duplicates?state=accepted", w.moderator().bearer());

        assertThat(pending.status()).isEqualTo(200);
        assertThat(pending.json()).hasSize(1);
        assertThat(ids(pending.json().get(0).get("statements")))
                .containsExactlyInAnyOrder(w.original(), w.paraphrase(), w.korean());
        assertThat(accepted.json()).hasSize(1);
        assertThat(ids(accepted.json().get(0).get("statements")))
                .containsExactlyInAnyOrder(w.original(), w.paraphrase(), w.korean())
                .doesNotContain(w.other());
        for (JsonNode link : accepted.json().get(0).get("links")) {
            assertThat(link.get("score").asDouble()).isBetween(0.47, 1.0);
        }
    }

    @Test
    void rejectingAsADuplicateRecordsTheLinkAndOffersTheOriginalToItsVoters() {
        World w = world();
        var voter = given.participant(w.c(), "ja");
        var vote = server.postJson(
                base(w) + "/votes", Map.of("statementId", w.paraphrase(), "value", "agree"), voter.bearer());
        assertThat(vote.status()).isEqualTo(201);

        var rejected = server.postJson(
                base(w) + "/statements/" + w.paraphrase() + "/moderation",
                Map.of("decision", "reject", "duplicateOf", w.original()),
                w.moderator().bearer());
        JsonNode next = server.get(base(w) + "/next", voter.bearer()).json();
        var chained = server.postJson(
                base(w) + "/statements/" + w.korean() + "/moderation",
                Map.of("decision", "reject", "duplicateOf", w.paraphrase()),
                w.moderator().bearer());

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().get("state").asText()).isEqualTo("rejected");
        assertThat(rejected.json().get("duplicateOf").asLong()).isEqualTo(w.original());
        assertThat(given.count(
                        "SELECT count(*) FROM statement_duplicate WHERE statement_id = ? AND original_id = ?",
                        w.paraphrase(),
                        w.original()))
                .isEqualTo(1);
        assertThat(next.get("statement").get("id").asLong()).isEqualTo(w.original());
        assertThat(next.get("offeredFor").asLong()).isEqualTo(w.paraphrase());
        assertThat(chained.json().get("duplicateOf").asLong())
                .as("a duplicate of a duplicate points to the original")
                .isEqualTo(w.original());
    }

    @Test
    void aDuplicateMustPointToAnotherLiveStatementOfTheConversation() {
        World w = world();
        String decide = base(w) + "/statements/" + w.paraphrase() + "/moderation";
        long elsewhere = given.statement(given.openConversation(), "Elsewhere.");

        var itself = server.postJson(
                decide,
                Map.of("decision", "reject", "duplicateOf", w.paraphrase()),
                w.moderator().bearer());
        var unknown = server.postJson(
                decide,
                Map.of("decision", "reject", "duplicateOf", elsewhere),
                w.moderator().bearer());
        var accepting = server.postJson(
                decide,
                Map.of("decision", "accept", "duplicateOf", w.original()),
                w.moderator().bearer());
        server.postJson(
                base(w) + "/statements/" + w.other() + "/moderation",
                Map.of("decision", "reject", "reason", "off topic"),
                w.moderator().bearer());
        var toRejected = server.postJson(
                decide,
                Map.of("decision", "reject", "duplicateOf", w.other()),
                w.moderator().bearer("Accept-Language", "ko"));

        assertThat(itself.status()).isEqualTo(422);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(accepting.status()).isEqualTo(422);
        assertThat(toRejected.status()).isEqualTo(422);
        assertThat(toRejected.body()).contains("거절되었습니다");
        assertThat(given.count("SELECT count(*) FROM statement_duplicate WHERE statement_id = ?", w.paraphrase()))
                .isZero();
    }

    @Test
    void theQueueShowsEachStatementInTheModeratorsLanguageWithItsAuthorsCohortAndTheDesk() {
        World w = world();

        String page = server.get("/moderate/c/" + w.c().id() + "?lang=ja", given.sessionCookie(w.moderator()))
                .body();
        String clusters = server.get(
                        "/moderate/c/" + w.c().id() + "?state=duplicates&lang=ko", given.sessionCookie(w.moderator()))
                .body();

        assertThat(page).contains("한일 학생 교류를 더 늘려야 한다.", "機械翻訳", "日韓の学生交流をもっと増やすべきだ。");
        assertThat(page).contains("投稿者：", "韓国");
        assertThat(page).contains("/translate/c/" + w.c().id() + "/s/" + w.korean() + "?into=ja");
        assertThat(page).contains("#" + w.original() + " の重複として却下");
        assertThat(clusters).contains("서로 비슷한 의견 3개", "#" + w.original() + "의 중복으로 거절");
    }

    @Test
    void aDuplicateBeyondTheFirstTwoHundredQueueEntriesIsGrouped() {
        var c = given.conversation("open", "pre", true, "public");
        var moderator = given.person(Role.MODERATOR, c, "moderator");
        java.util.Random random = new java.util.Random(9);
        for (int i = 0; i < 230; i++) {
            given.statement(c, gibberish(random), "en", "pending");
        }
        long first =
                given.statement(c, "Japanese and Korean students should meet every month online.", "en", "pending");
        long again =
                given.statement(c, "Japanese and Korean students should meet online every month.", "en", "pending");

        var clusters = server.get("/api/v1/conversations/" + c.id() + "/moderation/duplicates", moderator.bearer());
        String page = server.get("/moderate/c/" + c.id() + "?state=duplicates", given.sessionCookie(moderator))
                .body();

        assertThat(clusters.status()).as(clusters.body()).isEqualTo(200);
        assertThat(clusters.json()).hasSize(1);
        assertThat(ids(clusters.json().get(0).get("statements"))).containsExactly(first, again);
        assertThat(page).contains("meet every month online").contains("meet online every month");
    }

    @Test
    void aStatementWrittenAfterTheQueueWasClusteredJoinsItsCluster() {
        World w = world();
        var before = server.get(
                base(w) + "/moderation/duplicates?state=accepted", w.moderator().bearer());
        long later = given.statement(w.c(), "日韓の学生交流を、もっと増やすべきだと思う。", "ja", "pending");

        var after = server.get(base(w) + "/moderation/duplicates", w.moderator().bearer());

        assertThat(before.json()).hasSize(1);
        assertThat(after.json()).hasSize(1);
        assertThat(ids(after.json().get(0).get("statements"))).contains(w.original(), w.paraphrase(), later);
    }

    /** A statement of made-up words, alike no other. */
    private static String gibberish(java.util.Random random) {
        StringBuilder out = new StringBuilder();
        for (int w = 0; w < 7; w++) {
            int letters = 5 + random.nextInt(4);
            for (int i = 0; i < letters; i++) {
                out.append((char) ('a' + random.nextInt(26)));
            }
            out.append(w == 6 ? "." : " ");
        }
        return out.toString();
    }
}
