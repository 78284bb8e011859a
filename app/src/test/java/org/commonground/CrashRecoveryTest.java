package org.commonground;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonground.db.Database;
import org.commonground.testing.ServerProcess;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed with SIGKILL leaves its embedded PostgreSQL running on the data directory; the
 * next start on that directory stops the orphan and serves at once, with every acknowledged vote.
 */
class CrashRecoveryTest {
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"(cgp_[A-Za-z0-9_-]+)\"");
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void aServerKilledWithSigkillStartsAgainOnItsDataDirectoryWithEveryAcknowledgedVote() throws Exception {
        Path data = dir.resolve("data");
        long[] conversationAndStatement = seed(data);
        long conversation = conversationAndStatement[0];
        long statement = conversationAndStatement[1];

        ServerProcess first = ServerProcess.serve(data, 120);
        List<String> acknowledged = new ArrayList<>();
        long orphan;
        try {
            for (int i = 0; i < 12; i++) {
                String token = join(first, conversation);
                int status = post(
                        first,
                        "/api/v1/conversations/" + conversation + "/votes",
                        token,
                        "{\"statementId\":" + statement + ",\"value\":\"" + (i % 2 == 0 ? "agree" : "disagree")
                                + "\"}");
                assertThat(status).isEqualTo(201);
                acknowledged.add(token);
            }
            orphan = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid"))
                    .getFirst()
                    .strip());
        } finally {
            first.kill();
        }
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
                .as("the killed server's PostgreSQL still runs")
                .contains(true);

        long started = System.nanoTime();
        try (ServerProcess second = ServerProcess.serve(data, 120)) {
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("restart after kill -9: listening after %.1f s%n", seconds);

            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false))
                    .as("the orphan was stopped")
                    .isFalse();
            assertThat(get(second, "/api/v1/health").statusCode()).isEqualTo(200);
            assertThat(join(second, conversation))
                    .as("the restarted server takes new participants")
                    .startsWith("cgp_");
            second.stop();
            assertThat(second.log()).contains("still runs on");
        }

        try (Database db = Database.embedded(data)) {
            long votes = Database.jdbi(db.dataSource())
                    .withHandle(h -> h.createQuery("SELECT count(*) FROM vote_event WHERE statement_id = :s")
                            .bind("s", statement)
                            .mapTo(Long.class)
                            .one());
            assertThat(votes).as("every acknowledged vote was stored").isEqualTo(acknowledged.size());
        }
        assertThat(data.resolve("postgres/postmaster.pid"))
                .as("nothing left running")
                .doesNotExist();
    }

    /** An open conversation with one accepted statement, written before any server runs. */
    private static long[] seed(Path data) {
        try (Database db = Database.embedded(data)) {
            Jdbi jdbi = Database.jdbi(db.dataSource());
            return jdbi.inTransaction(h -> {
                long id = h.createQuery("INSERT INTO conversation (state) VALUES ('open') RETURNING id")
                        .mapTo(Long.class)
                        .one();
                long statement =
                        h.createQuery("""
                        INSERT INTO statement (conversation_id, text, lang, folded, is_seed, moderation_state)
                        VALUES (:c, 'Crash recovery keeps votes', 'en', 'crashrecoverykeepsvotes', true, 'accepted')
                        RETURNING id""").bind("c", id).mapTo(Long.class).one();
                return new long[] {id, statement};
            });
        }
    }

    private String join(ServerProcess server, long conversation) throws Exception {
        HttpResponse<String> joined = http.send(
                HttpRequest.newBuilder(URI.create(
                                server.baseUrl() + "/api/v1/conversations/" + conversation + "/participants"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"language\":\"en\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = TOKEN.matcher(joined.body());
        assertThat(token.find()).as(joined.body()).isTrue();
        return token.group(1);
    }

    private int post(ServerProcess server, String path, String token, String json) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + token)
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private HttpResponse<String> get(ServerProcess server, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
