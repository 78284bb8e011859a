package org.commonground;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.commonground.db.Database;
import org.commonground.testing.Eventually;
import org.commonground.testing.TestServer;
import org.commonground.testing.TestServer.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With its PostgreSQL gone, the server says so quickly (503 and a problem in the caller's
 * language within 2 s, health included) instead of hanging, and serves again by itself once
 * the database is back. The database here is a real PostgreSQL reached as an external one, which
 * the test stops and starts again on the same port and data.
 */
class DatabaseOutageTest {
    private static final long ANSWER_WITHIN_MS = 2_000;

    @TempDir
    Path dir;

    @Test
    void aStoppedDatabaseGets503WithinTwoSecondsAndTheServerRecoversWhenItReturns() throws Exception {
        int port = freePort();
        EmbeddedPostgres postgres = external(port);
        try (Database db = Database.external("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres")) {
            Javalin app = App.create(AppConfig.defaults().withPort(0), db.dataSource())
                    .start("127.0.0.1", 0);
            try (TestServer server = TestServer.wrap(app)) {
                assertThat(server.get("/api/v1/health").status()).isEqualTo(200);
                assertThat(server.get("/api/v1/conversations/424242").status()).isEqualTo(404);

                postgres.close();

                Timed health = timed(() -> server.get("/api/v1/health"));
                Timed api = timed(() -> server.get("/api/v1/conversations/424242", "Accept-Language", "ja"));
                Timed page = timed(() -> server.get("/c/424242", "Accept", "text/html", "Accept-Language", "ko"));
                Timed again = timed(() -> server.get("/api/v1/conversations/424242", "Accept-Language", "en"));

                System.out.printf(
                        "database down: health %d ms, API %d ms, page %d ms, API again %d ms%n",
                        health.millis(), api.millis(), page.millis(), again.millis());
                assertThat(health.response().status()).isEqualTo(503);
                assertThat(health.response().json().get("type").asText()).endsWith("/database-unavailable");
                assertThat(api.response().status()).isEqualTo(503);
                assertThat(api.response().contentType()).startsWith("application/problem+json");
                assertThat(api.response().json().get("detail").asText()).contains("データベース");
                assertThat(api.response().header("Retry-After")).isNotBlank();
                assertThat(page.response().status()).isEqualTo(503);
                assertThat(page.response().body()).contains("데이터베이스");
                assertThat(again.response().json().get("detail").asText()).contains("database");
                assertThat(java.util.List.of(health.millis(), api.millis(), page.millis(), again.millis()))
                        .as("milliseconds to answer, health / API / page / API again")
                        .allMatch(ms -> ms < ANSWER_WITHIN_MS);

                postgres = external(port);

                assertThat(awaitHealthy(server, 30_000))
                        .as("healthy again without a restart")
                        .isTrue();
                assertThat(server.get("/api/v1/conversations/424242").status()).isEqualTo(404);
            }
        } finally {
            postgres.close();
        }
    }

    @Test
    void aKilledEmbeddedPostgresIsStartedAgainAndTheServerRecoversWithItsData() throws Exception {
        try (Database db = Database.embedded(dir.resolve("data"))) {
            Database.jdbi(db.dataSource())
                    .useHandle(h -> h.execute("CREATE TABLE kept AS SELECT generate_series(1, 100) AS n"));
            Javalin app = App.create(AppConfig.defaults().withPort(0), db.dataSource())
                    .start("127.0.0.1", 0);
            try (TestServer server = TestServer.wrap(app)) {
                assertThat(server.get("/api/v1/health").status()).isEqualTo(200);
                long postmaster =
                        Long.parseLong(java.nio.file.Files.readAllLines(dir.resolve("data/postgres/postmaster.pid"))
                                .getFirst()
                                .strip());

                ProcessHandle killed = ProcessHandle.of(postmaster).orElseThrow();
                killed.destroyForcibly();
                // SIGKILL is delivered asynchronously: until the postmaster is gone, the old server
                // still answers, and "healthy again" below would prove nothing.
                killed.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                Timed api = timed(() -> server.get("/api/v1/conversations/424242"));

                assertThat(api.response().status()).isIn(503, 404); // 404 only if it was already back
                assertThat(api.millis()).isLessThan(ANSWER_WITHIN_MS);
                assertThat(awaitHealthy(server, 120_000))
                        .as("PostgreSQL started again by the server")
                        .isTrue();
                long kept = Database.jdbi(db.dataSource())
                        .withHandle(h -> h.createQuery("SELECT count(*) FROM kept")
                                .mapTo(Long.class)
                                .one());
                assertThat(kept).isEqualTo(100);
                assertThat(Long.parseLong(java.nio.file.Files.readAllLines(dir.resolve("data/postgres/postmaster.pid"))
                                .getFirst()
                                .strip()))
                        .isNotEqualTo(postmaster);
            }
        }
        assertThat(dir.resolve("data/postgres/postmaster.pid"))
                .as("stopped with the server")
                .doesNotExist();
    }

    record Timed(Response response, long millis) {}

    private static Timed timed(java.util.function.Supplier<Response> request) {
        long start = System.nanoTime();
        Response response = request.get();
        return new Timed(response, (System.nanoTime() - start) / 1_000_000);
    }

    /** Polls health until it answers 200 or the deadline passes. */
    private static boolean awaitHealthy(TestServer server, long deadlineMillis) {
        return Eventually.eventually(
                        java.time.Duration.ofMillis(deadlineMillis),
                        () -> server.get("/api/v1/health").status(),
                        status -> status == 200)
                == 200;
    }

    private EmbeddedPostgres external(int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("external"))
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
