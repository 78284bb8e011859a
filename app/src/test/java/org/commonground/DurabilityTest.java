package org.commonground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.commonground.db.Database;
import org.commonground.testing.TestAccounts;
import org.commonground.testing.TestAccounts.Caller;
import org.commonground.testing.TestDatabase;
import org.commonground.testing.TestServer;
import org.commonground.testing.TestServer.Response;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restarting the server loses nothing, and two servers on one database do not corrupt each
 * other's data: the state lives in PostgreSQL only, and every command is one transaction.
 */
class DurabilityTest {

    /** Everything an organizer set up, as the API shows it. */
    record Snapshot(String settings, String invites, String publicView, int meStatus) {}

    static long setUp(TestServer server, Caller organizer) {
        Response created = server.postJson(
                "/api/v1/conversations",
                Map.of(
                        "texts",
                        Map.of("en", Map.of("title", "Restart"), "ko", Map.of("title", "재시작", "background", "배경")),
                        "moderationMode",
                        "pre",
                        "resultsVisibility",
                        "participants"),
                organizer.auth());
        long id = created.json().get("id").asLong();
        server.postJson("/api/v1/conversations/" + id + "/seeds", Map.of("text", "First seed"), organizer.auth());
        server.postJson(
                "/api/v1/conversations/" + id + "/invites",
                Map.of("label", "KR", "maxUses", 10, "cohort", Map.of("country", "KR")),
                organizer.auth());
        server.putJson("/api/v1/conversations/" + id + "/state", Map.of("state", "open"), organizer.auth());
        return id;
    }

    static Snapshot snapshot(TestServer server, Caller organizer, long id) {
        return new Snapshot(
                server.get("/api/v1/conversations/" + id + "/settings", organizer.auth())
                        .body(),
                server.get("/api/v1/conversations/" + id + "/invites", organizer.auth())
                        .body()
                        .replace(server.baseUrl(), ""),
                server.get("/api/v1/conversations/" + id + "?lang=ko").body(),
                server.get("/api/v1/me", organizer.auth()).status());
    }

    @Test
    void aNewServerOnTheSameDatabaseReadsBackEverything() {
        try (TestDatabase db = TestDatabase.embedded()) {
            Caller organizer = new TestAccounts(db).organizer();
            long id;
            Snapshot before;
            try (TestServer first = TestServer.start(db)) {
                id = setUp(first, organizer);
                before = snapshot(first, organizer, id);
            }

            Snapshot after;
            try (TestServer second = TestServer.start(db)) {
                after = snapshot(second, organizer, id);
            }

            assertThat(after).isEqualTo(before);
            assertThat(after.settings()).contains("재시작", "\"state\":\"open\"");
        }
    }

    @Test
    void anEmbeddedDatabaseRestartedFromItsDataDirectoryKeepsEverything(@TempDir Path dir) throws Exception {
        String settings;
        long id;
        String token;
        try (Database db = Database.embedded(dir)) {
            Javalin app = App.create(AppConfig.defaults().withPort(0), db.dataSource())
                    .start("127.0.0.1", 0);
            try {
                Caller organizer = organizerOn(db);
                token = organizer.token();
                TestServer.Response created = client(app)
                        .postJson(
                                "/api/v1/conversations",
                                Map.of("texts", Map.of("ja", Map.of("title", "再起動"))),
                                organizer.auth());
                id = created.json().get("id").asLong();
                settings = client(app)
                        .get("/api/v1/conversations/" + id + "/settings", organizer.auth())
                        .body();
            } finally {
                app.stop();
            }
        }
        assertThat(Files.list(dir.resolve("postgres")).count()).isPositive();

        try (Database db = Database.embedded(dir)) {
            Javalin app = App.create(AppConfig.defaults().withPort(0), db.dataSource())
                    .start("127.0.0.1", 0);
            try {
                Response again = client(app)
                        .get("/api/v1/conversations/" + id + "/settings", "Authorization", "Bearer " + token);
                assertThat(again.body()).isEqualTo(settings).contains("再起動");
            } finally {
                app.stop();
            }
        }
    }

    /** An organizer with a token, made with SQL on a database that is not a {@link TestDatabase}. */
    private static Caller organizerOn(Database db) {
        Jdbi jdbi = Database.jdbi(db.dataSource()).installPlugin(new org.jdbi.v3.sqlobject.SqlObjectPlugin());
        var account = org.commonground.account.Accounts.over(jdbi)
                .create("restart@example.org", TestAccounts.PASSWORD, org.commonground.account.Role.ORGANIZER);
        return new Caller(
                account,
                org.commonground.account.ApiTokens.over(jdbi)
                        .issue(account.id(), "restart")
                        .secret());
    }

    private static TestServer client(Javalin app) {
        return TestServer.wrap(app);
    }

    @Test
    void twoServersOnOneExternalDatabaseStayConsistentUnderConcurrentWrites() throws Exception {
        try (TestDatabase db = TestDatabase.fresh(TestDatabase.Kind.EXTERNAL);
                HikariDataSource secondPool = pool(db.jdbcUrl());
                TestServer a = TestServer.start(db);
                TestServer b = TestServer.wrap(
                        App.create(AppConfig.defaults().withPort(0), secondPool).start("127.0.0.1", 0))) {
            TestAccounts given = new TestAccounts(db);
            Caller organizer = given.organizer();
            TestServer[] servers = {a, b};
            long shared = setUp(a, organizer);
            long racing = setUp(b, organizer);

            List<Callable<Integer>> work = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                TestServer s = servers[i % 2];
                int n = i;
                work.add(() -> s.postJson(
                                "/api/v1/conversations",
                                Map.of("texts", Map.of("en", Map.of("title", "Parallel " + n))),
                                organizer.auth())
                        .status());
                work.add(() -> s.postJson(
                                "/api/v1/conversations/" + shared + "/seeds",
                                Map.of("text", "Distinct seed " + n),
                                organizer.auth())
                        .status());
                work.add(() -> s.postJson(
                                "/api/v1/conversations/" + shared + "/seeds",
                                Map.of("text", "The same seed from everyone"),
                                organizer.auth())
                        .status());
                work.add(() -> s.send(
                                "PATCH",
                                "/api/v1/conversations/" + racing,
                                "{\"participantsCanWrite\":" + (n % 2 == 0) + "}",
                                organizer.auth("Content-Type", "application/json"))
                        .status());
                work.add(() -> -s.putJson(
                                "/api/v1/conversations/" + racing + "/state",
                                Map.of("state", "closed"),
                                organizer.auth())
                        .status());
            }
            // State changes answer with their status negated, to count them apart from the other writes.
            List<Integer> statuses = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
                for (Future<Integer> f : pool.invokeAll(work)) {
                    statuses.add(f.get());
                }
            }

            assertThat(statuses)
                    .as("only successes and conflicts, never a server error")
                    .allMatch(s -> Math.abs(s) == 200 || s == 201 || Math.abs(s) == 409);
            assertThat(statuses.stream().filter(s -> s == -200).count())
                    .as("exactly one server closes it")
                    .isEqualTo(1);
            Jdbi jdbi = Database.jdbi(db.dataSource());
            long sameSeed = jdbi.withHandle(h -> h.createQuery(
                            "SELECT count(*) FROM statement WHERE conversation_id = :c AND text = 'The same seed from everyone'")
                    .bind("c", shared)
                    .mapTo(Long.class)
                    .one());
            long distinctSeeds = jdbi.withHandle(h -> h.createQuery(
                            "SELECT count(*) FROM statement WHERE conversation_id = :c AND text LIKE 'Distinct seed %'")
                    .bind("c", shared)
                    .mapTo(Long.class)
                    .one());
            assertThat(sameSeed)
                    .as("the near-duplicate rule holds across servers")
                    .isEqualTo(1);
            assertThat(distinctSeeds).isEqualTo(40);
            assertThat(ids(a.get("/api/v1/conversations?limit=200", organizer.auth())
                            .json()))
                    .hasSize(42)
                    .isEqualTo(ids(b.get("/api/v1/conversations?limit=200", organizer.auth())
                            .json()));
            assertThat(a.get("/api/v1/conversations/" + racing + "/settings", organizer.auth())
                            .body())
                    .contains("\"state\":\"closed\"")
                    .isEqualTo(b.get("/api/v1/conversations/" + racing + "/settings", organizer.auth())
                            .body());
        }
    }

    private static HikariDataSource pool(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(8);
        return new HikariDataSource(config);
    }

    private static Set<Long> ids(JsonNode list) {
        Set<Long> ids = new TreeSet<>();
        list.forEach(c -> ids.add(c.get("id").asLong()));
        return ids;
    }
}
