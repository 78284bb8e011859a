package org.commonground.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.testing.Eventually.eventually;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.commonground.App;
import org.commonground.AppConfig;
import org.commonground.db.Database;
import org.commonground.participation.Join;
import org.commonground.participation.Participants;
import org.commonground.testing.ParticipationGiven;
import org.commonground.testing.TestDatabase;
import org.commonground.testing.TestServer;
import org.commonground.translation.FakeLibreTranslate;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The whole way, as an operator runs it: {@code demo --machine-translation libretranslate:URL}
 * against a LibreTranslate-compatible fake. A statement written in Korean reaches a Japanese
 * reader as a marked machine translation within seconds, and a human post-edit replaces it.
 */
class DemoMachineTranslationTest {

    @Test
    void aKoreanStatementReachesAJapaneseReaderMachineTranslatedThenAsAHumanPostEdit() {
        try (var fake = new FakeLibreTranslate();
                TestDatabase testDb = TestDatabase.embedded();
                Database db = Database.external(testDb.jdbcUrl())) {
            DemoCommand demo = new DemoCommand();
            new CommandLine(demo).parseArgs("--port", "0", "--machine-translation", "libretranslate:" + fake.url());
            AppConfig config = demo.config();
            demo.beforeStart(db, config);
            Javalin started = App.create(config, db.dataSource());
            started.start("127.0.0.1", 0);
            try (TestServer server = TestServer.wrap(started)) {
                var given = new ParticipationGiven(testDb);
                long id = given.count("SELECT min(id) FROM conversation");
                String base = "/api/v1/conversations/" + id;
                Join.Joined korean = ParticipationGiven.join(given.jdbi, id, "KR", "ko");
                Join.Joined japanese = ParticipationGiven.join(given.jdbi, id, "JP", "ja");
                String[] reader = {"Authorization", "Bearer " + japanese.token()};

                var written = server.postJson(
                        base + "/statements",
                        Map.of("text", "독도 문제보다 청소년 교류를 먼저 늘리자"),
                        "Authorization",
                        "Bearer " + korean.token());
                long writtenAt = System.nanoTime();
                assertThat(written.status()).isEqualTo(201);
                long statement = written.json().get("id").asLong();
                passOnAllBut(given, server, base, reader, id, statement);
                JsonNode shown;
                assertThat(eventually(
                                Duration.ofSeconds(10),
                                () -> nextFor(server, base, reader, statement)
                                        .get("translation")
                                        .asText(),
                                "machine"::equals))
                        .as("a machine translation reaches the Japanese reader")
                        .isEqualTo("machine");
                long seconds = Duration.ofNanos(System.nanoTime() - writtenAt).toSeconds();
                shown = nextFor(server, base, reader, statement);

                assertThat(shown.get("text").asText()).isEqualTo("〔ko→ja〕竹島 문제보다 청소년 交流를 먼저 늘리자");
                assertThat(shown.get("service").asText()).isEqualTo("LibreTranslate");
                assertThat(shown.get("originalText").asText()).isEqualTo("독도 문제보다 청소년 교류를 먼저 늘리자");
                assertThat(shown.get("originalLang").asText()).isEqualTo("ko");
                assertThat(seconds).isLessThan(10);
                String votePage = server.get(
                                "/c/" + id + "/vote?lang=ja",
                                "Cookie",
                                Participants.cookieName(id) + "=" + japanese.token())
                        .body();
                String landing = server.get("/c/" + id + "?lang=ja").body();
                assertThat(landing).contains("LibreTranslate", fake.url().substring("http://".length()));
                assertThat(votePage).contains("機械翻訳（LibreTranslate）", "原文を表示（韓国語）", "독도 문제보다");

                var translator = given.translator(new ParticipationGiven.Conversation(id, 0, 0), "ja");
                var reviewer = given.translator(new ParticipationGiven.Conversation(id, 0, 0), "ja");
                JsonNode missing = server.get(base + "/translations/missing?into=ja", translator.bearer())
                        .json();
                JsonNode draft = null;
                for (JsonNode m : missing) {
                    if (m.get("statementId").asLong() == statement) {
                        draft = m;
                    }
                }
                assertThat(draft).isNotNull();
                assertThat(draft.get("machineText").asText()).isEqualTo("〔ko→ja〕竹島 문제보다 청소년 交流를 먼저 늘리자");
                String desk = server.get(
                                "/translate/c/" + id + "/s/" + statement + "?into=ja&lang=ja",
                                given.sessionCookie(translator))
                        .body();
                assertThat(desk)
                        .as("the desk opens the statement with the machine draft in the editor, 竹島 marked")
                        .contains("〔ko→ja〕竹島 문제보다 청소년 交流를 먼저 늘리자</textarea>", "機械翻訳を下書きとして");
                var postEdit = server.postJson(
                        base + "/statements/" + statement + "/translations",
                        Map.of("lang", "ja", "text", "竹島の問題より、青少年の交流を先に増やそう"),
                        translator.bearer());
                var approved = server.send(
                        "POST",
                        base + "/translations/" + postEdit.json().get("id").asLong() + "/approval",
                        null,
                        reviewer.bearer());
                JsonNode afterPostEdit = nextFor(server, base, reader, statement);

                assertThat(approved.status()).isEqualTo(200);
                assertThat(afterPostEdit.get("translation").asText()).isEqualTo("human");
                assertThat(afterPostEdit.get("text").asText()).isEqualTo("竹島の問題より、青少年の交流を先に増やそう");
                assertThat(afterPostEdit.get("text").asText())
                        .as("the glossary's agreed name, never the other side's")
                        .contains("竹島")
                        .doesNotContain("독도", "独島");

                // A Japanese reader about to write the same claim again is offered the Korean statement.
                var similar = server.get(
                                base + "/statements/similar?lang=ja&text="
                                        + java.net.URLEncoder.encode(
                                                "竹島問題よりも先に、青少年の交流を増やそう。", java.nio.charset.StandardCharsets.UTF_8),
                                reader)
                        .json();
                assertThat(similar.at("/statements/0/statementId").asLong()).isEqualTo(statement);
                assertThat(similar.at("/statements/0/text").asText()).isEqualTo("竹島の問題より、青少年の交流を先に増やそう");
                assertThat(similar.at("/statements/0/score").asDouble())
                        .isGreaterThanOrEqualTo(
                                similar.get("duplicateThreshold").asDouble());
            }
        }
    }

    /** The reader's next statement: {@code statement}, once they have passed on every other one. */
    private static JsonNode nextFor(TestServer server, String base, String[] reader, long statement) {
        JsonNode next = server.get(base + "/next", reader).json().get("statement");
        assertThat(next.get("id").asLong()).isEqualTo(statement);
        return next;
    }

    private static void passOnAllBut(
            ParticipationGiven given,
            TestServer server,
            String base,
            String[] reader,
            long conversation,
            long statement) {
        List<Long> others =
                given.jdbi.withHandle(h -> h.createQuery("SELECT id FROM statement WHERE conversation_id = :c "
                                + "AND moderation_state = 'accepted' AND id <> :s")
                        .bind("c", conversation)
                        .bind("s", statement)
                        .mapTo(Long.class)
                        .list());
        for (long other : others) {
            var vote = server.postJson(base + "/votes", Map.of("statementId", other, "value", "pass"), reader);
            assertThat(vote.status()).isEqualTo(201);
        }
    }
}
